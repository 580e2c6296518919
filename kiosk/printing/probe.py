"""Before choosing a receipt printer: can the kiosk reach it, and does it answer status?

A printer that never answers DLE EOT status makes every ticket wait the full status
timeout (5 s by default) before printing; with ``status=off`` it prints at once, but
the kiosk no longer knows when it is offline, out of paper or open. The probe asks
once, prints nothing, and says which ``status`` setting to keep: first-run setup and
``python -m kiosk printer probe URI`` show its message and keep ``suggested_uri``.

Only ``tcp://``, ``serial:`` and ``usb://`` printers can answer; a ``file:`` folder
and a Windows or CUPS queue cannot, and the probe says so without trying.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from kiosk.printing.errors import PrinterError
from kiosk.printing.printers import ConnectorPrinter, open_printer
from kiosk.printing.serial_port import SerialPrinter
from kiosk.printing.status import PrinterStatus
from kiosk.printing.tcp import TcpPrinter
from kiosk.printing.uri import PrinterUri, parse_printer_uri, with_status
from wire.i18n import QT_TRANSLATE_NOOP, TrText

ANSWERS = QT_TRANSLATE_NOOP(
    "Printer", "Máy in đã kết nối và trả lời trạng thái: kiosk hỏi trạng thái trước mỗi phiếu."
)
SILENT = QT_TRANSLATE_NOOP(
    "Printer",
    "Máy in đã kết nối nhưng không trả lời trạng thái. Kiosk sẽ in không hỏi trạng thái "
    "(status=off) để mỗi phiếu không phải chờ {seconds} giây; vì vậy kiosk sẽ không biết "
    "khi máy in hết giấy hoặc mở nắp.",
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "Printer",
    "Không kết nối được với máy in. Vui lòng kiểm tra dây cáp, nguồn điện và địa chỉ máy in.",
)
CANNOT_TELL = QT_TRANSLATE_NOOP(
    "Printer", "Loại máy in này không trả lời trạng thái. Vui lòng in thử một trang để kiểm tra."
)


class _StatusReader(Protocol):
    def read_status(self) -> PrinterStatus | None: ...


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What one probe found, and the printer URI to keep."""

    #: The URI probed, as given.
    uri: str
    #: Connected (tcp), opened (serial, usb); ``None``: a kind the kiosk cannot check.
    reachable: bool | None
    #: Answered DLE EOT status; ``None`` when not asked (unreachable, or cannot answer).
    answers_status: bool | None
    #: What it answered: offline, paper, cover; ``None`` without an answer.
    status: PrinterStatus | None
    #: ``uri`` with the ``status`` setting it should have: ``status=off`` added when
    #: the printer is reachable and silent, removed (on, the default) when it answers;
    #: unchanged otherwise.
    suggested_uri: str
    #: For IT, in the kiosk's language: what was found and what the kiosk does about it.
    message: TrText
    #: The technical cause when unreachable (an OS error), for the log and the command line.
    detail: str = ""
    #: The fault the printer reports now (paper out, cover open, offline), if any: it
    #: is reachable and answers, but would refuse a ticket until someone sees to it.
    fault: TrText | None = None

    @property
    def status_off(self) -> bool:
        """Whether ``suggested_uri`` turns status off."""
        return self.reachable is True and self.answers_status is False


def probe_printer(uri: str | PrinterUri, timeout_s: float | None = None) -> ProbeResult:
    """Reach the printer and ask its status once, printing nothing.

    Waits at most about ``timeout_s`` (default: the URI's ``timeout``) to connect and
    as long again for the answer. Raises ``InvalidPrinterUriError`` for a URI that
    cannot be understood; every printer fault is in the result instead.
    """
    parsed = parse_printer_uri(uri) if isinstance(uri, str) else uri
    if timeout_s is not None:
        parsed = replace(parsed, timeout_s=timeout_s)
    reader = _reader(parsed)
    if reader is None:
        return ProbeResult(parsed.text, None, None, None, parsed.text, CANNOT_TELL)
    try:
        status = reader.read_status()
    except PrinterError as exc:
        return ProbeResult(parsed.text, False, None, None, parsed.text, UNREACHABLE, exc.detail)
    if status is None:
        message = SILENT.with_params(seconds=f"{parsed.timeout_s:g}")
        return ProbeResult(
            parsed.text, True, False, None, with_status(parsed.text, on=False), message
        )
    fault = status.fault(parsed.text)
    return ProbeResult(
        parsed.text,
        True,
        True,
        status,
        with_status(parsed.text, on=True),
        ANSWERS,
        fault=fault.message if fault else None,
    )


def _reader(uri: PrinterUri) -> _StatusReader | None:
    """The printer as something to ask status of; ``None`` for kinds that cannot answer."""
    match uri.scheme:
        case "tcp":
            return TcpPrinter(uri)
        case "serial":
            return SerialPrinter(uri)
        case "usb":
            printer = open_printer(uri, Path())
            assert isinstance(printer, ConnectorPrinter)
            return printer
        case _:
            return None
