"""How long a slip takes to reach a printer on a serial line, and when that is too long.

A serial port sends each byte as ten bits (a start bit, eight data bits, a stop bit):
at 9600 baud that is 960 bytes a second, so a 16 KB ticket takes 17 s before the
printer has it all. First-run setup warns above :data:`SLOW_TICKET_S`; the serial
printer also gives a write this long (plus its ``timeout``) before calling the
printer stalled.
"""

from __future__ import annotations

from kiosk.printing.uri import PrinterUri, parse_printer_uri
from wire.i18n import QT_TRANSLATE_NOOP, TrText

#: Start bit, eight data bits, stop bit (8N1, what receipt printers use).
BITS_PER_BYTE = 10
#: A ticket slower than this on the chosen line speed gets a warning in setup: the
#: citizen stands at the kiosk waiting for it.
SLOW_TICKET_S = 5.0
#: The most an 80 mm ticket takes (``bench ticket`` reports ``ticket_bytes``); use it
#: for the warning when no real ticket has been rendered yet.
TICKET_BYTES_BUDGET = 20_000
SLOW_LINE = QT_TRANSLATE_NOOP(
    "Printer",
    "Ở tốc độ {baud} baud, mỗi phiếu mất khoảng {seconds} giây để đến máy in. Vui lòng "
    "chọn tốc độ cao hơn (ví dụ 115200) nếu máy in hỗ trợ, và đặt máy in cùng tốc độ.",
)


def ticket_seconds(uri_or_baud: str | PrinterUri | int, ticket_bytes: int) -> float:
    """Seconds the line needs to carry ``ticket_bytes``.

    ``uri_or_baud``: a baud rate, or a printer URI (text or parsed), whose ``baud``
    counts for ``serial:``; any other printer is not held back by a line speed the
    kiosk knows, and gets 0. Raises ``InvalidPrinterUriError`` for a bad URI and
    ``ValueError`` for a baud rate that is not positive.
    """
    if isinstance(uri_or_baud, int):
        baud = uri_or_baud
    else:
        uri = parse_printer_uri(uri_or_baud) if isinstance(uri_or_baud, str) else uri_or_baud
        if uri.scheme != "serial":
            return 0.0
        baud = uri.baud
    if baud <= 0:
        raise ValueError(f"a baud rate is positive, not {baud}")
    return ticket_bytes * BITS_PER_BYTE / baud


def slow_line_warning(
    uri_or_baud: str | PrinterUri | int, ticket_bytes: int = TICKET_BYTES_BUDGET
) -> TrText | None:
    """What to tell IT when a ticket takes longer than :data:`SLOW_TICKET_S` on this
    line; ``None`` when it does not (or the printer is not on a serial line)."""
    seconds = ticket_seconds(uri_or_baud, ticket_bytes)
    if seconds <= SLOW_TICKET_S:
        return None
    if isinstance(uri_or_baud, int):
        baud = uri_or_baud
    else:
        uri = parse_printer_uri(uri_or_baud) if isinstance(uri_or_baud, str) else uri_or_baud
        baud = uri.baud
    return SLOW_LINE.with_params(baud=baud, seconds=f"{seconds:.0f}")
