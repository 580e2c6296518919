"""DLE EOT real-time status: the printer's own word on paper and cover.

Asked before a job, so nothing is sent to a printer that would hold it and print it
when someone refills the paper (a ghost ticket, long after the citizen left); asked
again after, because the answer only comes once the printer has read everything
before it, so it also proves the whole job arrived.

Only printers we can read from answer: tcp, serial and usb. A Windows or CUPS queue
swallows the job and cannot say.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.printing.errors import PrinterCoverOpenError, PrinterError, PrinterPaperOutError

DLE_EOT = b"\x10\x04"
#: n = 2, offline cause: bit 2 cover open, bit 5 stopped because the paper ran out.
OFFLINE_CAUSE = DLE_EOT + b"\x02"
#: n = 4, paper roll sensor: bits 2-3 near its end, bits 5-6 paper out (printers set
#: both bits of a pair, or only one: either counts).
PAPER_SENSOR = DLE_EOT + b"\x04"
#: Both questions at once: the printer answers with one byte each, in order.
QUERY = OFFLINE_CAUSE + PAPER_SENSOR
ANSWER_LENGTH = 2

_COVER_OPEN = 0x04
_STOPPED_NO_PAPER = 0x20
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

    def raise_fault(self, uri: str) -> None:
        """Raise the fault this status means, if any."""
        if self.cover_open:
            raise PrinterCoverOpenError(uri=uri, detail="DLE EOT 2: cover open")
        if self.paper_out:
            raise PrinterPaperOutError(uri=uri, detail="DLE EOT: paper end")


def parse_status(answer: bytes, uri: str = "") -> PrinterStatus:
    """The status from the two answer bytes to :data:`QUERY`."""
    if len(answer) != ANSWER_LENGTH or any(b & _FIXED_MASK != _FIXED_BITS for b in answer):
        raise PrinterError(uri=uri, detail=f"not a DLE EOT status answer: {answer.hex(' ')}")
    offline, paper = answer
    return PrinterStatus(
        cover_open=bool(offline & _COVER_OPEN),
        paper_out=bool(offline & _STOPPED_NO_PAPER or paper & _PAPER_OUT),
        paper_near_end=bool(paper & _PAPER_NEAR_END),
    )
