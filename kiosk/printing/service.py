"""Printing as the screens, the command line and the benchmark use it.

:meth:`PrintService.job` does the work that takes time and never fails for the
printer's sake (layout, raster, ESC/POS bytes), so a ticket's bytes exist before any
I/O; :meth:`PrintService.send` then tries the printer once. A failed job is reported,
never kept to retry: a ticket printed an hour late, for a citizen long gone, is worse
than none (the screen already showed it).
"""

from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from kiosk.printing.api import PaperProfile, PrintDocument, Printer, PrintJob, RuleBlock, TextBlock
from kiosk.printing.errors import PrinterError
from kiosk.printing.escpos import escpos_bytes
from kiosk.printing.printers import open_printer
from kiosk.printing.render import render_raster
from kiosk.printing.uri import PrinterUri, parse_printer_uri

log = logging.getLogger("kiosk.print")

VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
#: Ngang, huyền, sắc, hỏi, ngã, nặng as combining marks (NFC-composed when printed).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


class PrintService:
    """Renders documents for the configured printer and sends them, one job at a time."""

    def __init__(self, printer_uri: str, printouts_dir: Path) -> None:
        #: Raises InvalidPrinterUriError at once: a bad setting shows up at start-up.
        self.printer_uri: PrinterUri = parse_printer_uri(printer_uri)
        self.printouts_dir = printouts_dir

    @property
    def profile(self) -> PaperProfile:
        return self.printer_uri.profile

    @property
    def file_folder(self) -> Path | None:
        """Where the ``file:`` printer leaves its jobs (swept by the privacy purge);
        ``None`` for a real printer, which keeps nothing on the kiosk's disk."""
        if self.printer_uri.scheme != "file":
            return None
        return Path(self.printer_uri.target) if self.printer_uri.target else self.printouts_dir

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob:
        """``document`` rendered and encoded for the paper; no I/O."""
        paper = profile or self.profile
        raster = render_raster(document, paper)
        return PrintJob(
            document, paper, raster.image, escpos_bytes(raster.image, paper, raster.doubled)
        )

    def open_printer(self) -> Printer:
        return open_printer(self.printer_uri, self.printouts_dir)

    def send(self, job: PrintJob) -> None:
        """Print ``job`` now or raise a ``PrinterError``; nothing is kept for later."""
        self.send_to(self.open_printer(), job)

    def send_to(self, printer: Printer, job: PrintJob) -> None:
        started = time.perf_counter()
        try:
            printer.send(job)
        except PrinterError as exc:
            log.warning("printing %s failed: %s", job.document.title, exc.describe())
            raise
        log.info(
            "printed %s (%d bytes) on %s in %.0f ms",
            job.document.title,
            len(job.data),
            printer.uri,
            (time.perf_counter() - started) * 1000,
        )

    def test_page(self, today: date | None = None) -> PrintDocument:
        """Every Vietnamese vowel with every tone, both cases, and đ Đ: if one of them
        prints wrong, the font or the raster is broken, not the printer's code page."""
        import unicodedata

        rows = [
            " ".join(unicodedata.normalize("NFC", vowel + tone) for tone in TONES)
            for vowel in VOWELS
        ]
        lower = "\n".join(rows) + "\nđ"
        upper = "\n".join(row.upper() for row in rows) + "\nĐ"
        day = (today or date.today()).strftime("%d/%m/%Y")
        return PrintDocument(
            (
                TextBlock("Trang in thử", size="large", align="centre", bold=True),
                TextBlock(f"Khổ giấy {self.profile.name} · {day}", align="centre"),
                RuleBlock(),
                TextBlock(lower, size="large"),
                RuleBlock(),
                TextBlock(upper, size="large"),
                RuleBlock(),
                TextBlock("Tiếng Việt có dấu in đúng trên mọi máy in.", size="small"),
            ),
            title="test-page",
        )
