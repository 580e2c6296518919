"""DLE EOT real-time status: the printer's own word on being online, paper and cover.

Asked before a job, so nothing is sent to a printer that would hold it and print it
when someone refills the paper, closes the cover or presses its button (a ghost
ticket, long after the citizen left); asked again after, because the answer only
comes once the printer has read everything before it, so it also proves the whole
job arrived.

Three questions, one answer byte each, in order:

- ``DLE EOT 1``, printer status: bit 3 offline;
- ``DLE EOT 2``, offline cause: bit 2 cover open, bit 3 paper fed by the feed button,
  bit 5 stopped at paper end, bit 6 an error occurred;
- ``DLE EOT 4``, paper roll sensor: bits 2-3 near its end, bits 5-6 paper out (printers
  set both bits of a pair, or only one: either counts).

``DLE EOT 3`` (which error: cutter jam, overheated head, a fault needing repair) is not
asked: bit 6 of ``DLE EOT 2`` already refuses the job, and a printer that skipped the
fourth question would make every ticket wait for an answer that never comes.

Only printers we can read from answer: tcp, serial and usb. A Windows or CUPS queue
swallows the job and cannot say.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.printing.errors import (
    PrinterCoverOpenError,
    PrinterError,
    PrinterOfflineError,
    PrinterPaperOutError,
    PrinterReportsError,
)
from kiosk.printing.uri import PrinterUri

DLE_EOT = b"\x10\x04"
#: n = 1, printer status.
PRINTER_STATUS = DLE_EOT + b"\x01"
#: n = 2, offline cause.
OFFLINE_CAUSE = DLE_EOT + b"\x02"
#: n = 4, paper roll sensor.
PAPER_SENSOR = DLE_EOT + b"\x04"
#: The three questions at once: the printer answers with one byte each, in order.
QUERY = PRINTER_STATUS + OFFLINE_CAUSE + PAPER_SENSOR
ANSWER_LENGTH = 3

_OFFLINE = 0x08
_COVER_OPEN = 0x04
_FEED_BUTTON = 0x08
_STOPPED_NO_PAPER = 0x20
_ERROR = 0x40
_PAPER_OUT = 0x60
_PAPER_NEAR_END = 0x0C
#: Every status byte has bits 1 and 4 set and bits 0 and 7 clear; anything else is
#: not an answer to DLE EOT (e.g. an ASB message from a printer set up for it).
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    cover_open: bool
    paper_out: bool
    paper_near_end: bool
    #: Not taking jobs: for one of the causes below, or one the printer does not say.
    offline: bool = False
    feed_button: bool = False
    error: bool = False

    def fault(self, uri: str) -> PrinterError | None:
        """The fault this status means, if any; the most specific cause first."""
        if self.cover_open:
            return PrinterCoverOpenError(uri=uri, detail="DLE EOT 2: cover open")
        if self.paper_out:
            return PrinterPaperOutError(uri=uri, detail="DLE EOT: paper end")
        if self.error:
            return PrinterReportsError(uri=uri, detail="DLE EOT 2: error")
        if self.offline or self.feed_button:
            cause = "paper feed button" if self.feed_button else "no cause given"
            return PrinterOfflineError(uri=uri, detail=f"DLE EOT 1: offline ({cause})")
        return None

    def raise_fault(self, uri: str) -> None:
        """Raise the fault this status means, if any."""
        fault = self.fault(uri)
        if fault is not None:
            raise fault


def parse_status(answer: bytes, uri: str = "") -> PrinterStatus:
    """The status from the three answer bytes to :data:`QUERY`."""
    if len(answer) != ANSWER_LENGTH or any(b & _FIXED_MASK != _FIXED_BITS for b in answer):
        raise PrinterError(uri=uri, detail=f"not a DLE EOT status answer: {answer.hex(' ')}")
    printer, offline, paper = answer
    return PrinterStatus(
        cover_open=bool(offline & _COVER_OPEN),
        paper_out=bool(offline & _STOPPED_NO_PAPER or paper & _PAPER_OUT),
        paper_near_end=bool(paper & _PAPER_NEAR_END),
        offline=bool(printer & _OFFLINE),
        feed_button=bool(offline & _FEED_BUTTON),
        error=bool(offline & _ERROR),
    )


class StatusAskingPrinter:
    """What the printers we can read from (tcp, serial) share: the URI they were made
    from, whether it says ``status=on``, and what the printer said before the last job
    (the probe and ``printer test`` report it)."""

    def __init__(self, uri: PrinterUri) -> None:
        self._uri = uri
        #: What the printer said before the last job; ``None`` if it never answered.
        self.last_status: PrinterStatus | None = None

    @property
    def uri(self) -> str:
        return self._uri.text

    @property
    def asks_status(self) -> bool:
        return self._uri.status
