"""The printer a URI names, each implementing :class:`~kiosk.printing.api.Printer`.

Each ``send`` opens the device, writes one job and closes it: nothing is queued, so a
printer that comes back never prints a backlog of tickets whose citizens have gone.

Which faults each can tell (docs/printing.md has the table): ``file`` — folder not
writable; ``tcp`` and ``serial`` — closed port or missing device, write timeout,
hang-up mid-job, and with ``status=on`` offline, error, paper out and cover open;
``usb`` — device missing or driver absent, write errors and timeouts, and with
``status=on`` the same status; ``win32`` / ``cups`` — only a queue that is missing: the
spooler accepts the job whatever the printer's state.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.printing.api import Printer, PrintJob
from kiosk.printing.errors import (
    PrinterDisconnectedError,
    PrinterError,
    PrinterTimeoutError,
    PrinterUnavailableError,
)
from kiosk.printing.serial_port import SerialPrinter
from kiosk.printing.status import ANSWER_LENGTH, QUERY, PrinterStatus, parse_status
from kiosk.printing.tcp import TcpPrinter
from kiosk.printing.uri import PrinterUri

log = logging.getLogger("kiosk.print")


def open_printer(uri: PrinterUri, printouts_dir: Path) -> Printer:
    """The printer for ``uri``; ``file:`` without a folder writes to ``printouts_dir``."""
    match uri.scheme:
        case "file":
            return FilePrinter(uri, Path(uri.target) if uri.target else printouts_dir)
        case "tcp":
            return TcpPrinter(uri)
        case "usb":
            vendor, product = uri.usb_ids
            return ConnectorPrinter(
                uri,
                "Usb",
                lambda cls: cls(vendor, product, timeout=int(uri.timeout_s * 1000)),
                library="pyusb",
            )
        case "serial":
            return SerialPrinter(uri)
        case "win32":
            return ConnectorPrinter(
                uri, "Win32Raw", lambda cls: cls(uri.target), library="pywin32", reads_status=False
            )
        case "cups":
            return ConnectorPrinter(
                uri,
                "CupsPrinter",
                lambda cls: cls(uri.target),
                library="pycups",
                reads_status=False,
            )


class FilePrinter:
    """Writes each job's exact bytes (``.bin``) and a preview (``.png``) to a folder.

    The default printer: a kiosk without one still issues tickets, and IT can send a
    ``.bin`` to a printer by hand (``cat x.bin > /dev/usb/lp0``) to see what it makes of it.
    """

    def __init__(self, uri: PrinterUri, folder: Path) -> None:
        self._uri = uri
        self.folder = folder
        #: The ``.bin`` and ``.png`` the last job wrote.
        self.written: tuple[Path, Path] | None = None

    @property
    def uri(self) -> str:
        return self._uri.text

    def send(self, job: PrintJob) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        title = re.sub(r"[^A-Za-z0-9._-]+", "-", job.document.title).strip("-.") or "document"
        # Not ``with_suffix``: a title with a dot ("checklist-1.001193") would lose its tail.
        stem = f"{stamp}-{title}"
        data, preview = self.folder / f"{stem}.bin", self.folder / f"{stem}.png"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data.write_bytes(job.data)
            job.image.save(preview, format="PNG")
        except OSError as exc:
            raise PrinterUnavailableError(
                uri=self.uri, detail=f"{self.folder}: {exc.strerror or exc}"
            ) from exc
        self.written = (data, preview)


class ConnectorPrinter:
    """USB, a Windows queue or CUPS, through python-escpos's connectors.

    Their libraries (pyusb, pywin32, pycups) are optional: missing ones, like
    a missing device, make the printer unavailable rather than break the kiosk.
    """

    def __init__(
        self,
        uri: PrinterUri,
        connector: str,
        make: Callable[[Any], Any],
        *,
        library: str,
        reads_status: bool = True,
    ) -> None:
        self._uri = uri
        self._connector = connector
        self._make = make
        self._library = library
        self._can_read = reads_status
        self._reads_status = reads_status and uri.status

    @property
    def uri(self) -> str:
        return self._uri.text

    @property
    def can_read_status(self) -> bool:
        """Whether the printer can be asked at all: not a Windows or CUPS queue."""
        return self._can_read

    def send(self, job: PrintJob) -> None:
        device = self._open()
        try:
            if self._reads_status:
                self._check_status(device)
            device._raw(job.data)
            if self._reads_status:
                self._check_status(device)
            device.close()  # the Windows and CUPS connectors hand the job over here
        except PrinterError:
            _close_quietly(device)
            raise
        except Exception as exc:
            log.warning("%s failed mid-job", self.uri, exc_info=True)
            _close_quietly(device)
            fault = PrinterTimeoutError if _is_timeout(exc) else PrinterDisconnectedError
            raise fault(uri=self.uri, detail=_describe(exc)) from exc

    def read_status(self) -> PrinterStatus | None:
        """Open the device and ask once, sending no job: what the printer says, or
        ``None`` when it does not answer (or is a queue, which cannot). Raises
        ``PrinterUnavailableError`` when it cannot be opened. For the probe."""
        if not self.can_read_status:
            return None
        device = self._open()
        try:
            answer = self._answer(device)
        except Exception as exc:
            raise PrinterUnavailableError(uri=self.uri, detail=_describe(exc)) from exc
        finally:
            _close_quietly(device)
        if len(answer) < ANSWER_LENGTH:
            return None
        try:
            return parse_status(answer[-ANSWER_LENGTH:], self.uri)
        except PrinterError as exc:
            log.info("%s: %s", self.uri, exc.detail)
            return None

    def _open(self) -> Any:
        from kiosk.printing.escpos import escpos_printers

        connector = getattr(escpos_printers(), self._connector)
        # Asked first: without its library python-escpos raises even from close() in
        # the connector's __del__, an "exception ignored" at some later moment.
        if not connector.is_usable():
            raise PrinterUnavailableError(uri=self.uri, detail=f"{self._library} is not installed")
        # Broad catches on purpose: this is the edge to drivers we cannot test here,
        # and whatever they raise (usb.core.USBError, pywintypes.error,
        # cups.IPPError, escpos DeviceNotFoundError) means the same to the citizen.
        # The cause goes to the log.
        try:
            device = self._make(connector)
            device.open()
        except Exception as exc:
            log.warning("%s cannot be opened", self.uri, exc_info=True)
            raise PrinterUnavailableError(uri=self.uri, detail=_describe(exc)) from exc
        return device

    def _check_status(self, device: Any) -> None:
        answer = self._answer(device)
        if len(answer) < ANSWER_LENGTH:
            log.info("%s did not answer DLE EOT status", self.uri)
            return
        try:
            status = parse_status(answer[-ANSWER_LENGTH:], self.uri)
        except PrinterError as exc:
            log.info("%s: %s", self.uri, exc.detail)
            return
        status.raise_fault(self.uri)

    def _answer(self, device: Any) -> bytes:
        """The answer to :data:`QUERY`, short or empty when the printer says nothing."""
        device._raw(QUERY)
        answer = b""
        # A USB printer may send each answer byte in a packet of its own.
        while len(answer) < ANSWER_LENGTH:
            try:
                chunk = bytes(device._read() or b"")
            except Exception as exc:
                if not _is_timeout(exc):
                    raise
                chunk = b""
            if not chunk:
                break
            answer += chunk
        return answer


def _close_quietly(device: Any) -> None:
    try:
        device.close()
    except Exception:
        log.debug("closing the printer after a fault failed too", exc_info=True)


def _is_timeout(exc: BaseException) -> bool:
    """A driver's "timed out" (pyusb's ``USBTimeoutError``), without importing it."""
    return isinstance(exc, TimeoutError) or type(exc).__name__ == "USBTimeoutError"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip().rstrip(":")
