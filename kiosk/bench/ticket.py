"""Tap to bytes: a số thứ tự issued, laid out, rendered and turned into ESC/POS bytes.

Runs the real :class:`~kiosk.queue.desk.TicketDesk` and slip service on a real SQLite
file in a temporary data folder, printing to a ``file:`` printer there. A thin timing
wrapper around the print service marks when the job's bytes are ready
(``tap_to_bytes_ms``) and how long writing them took (``file_print_ms``, left out of
the first); the whole ``take`` including recording the outcome is
``tap_to_printed_ms``. The clock is fixed at a Monday 09:00 in Hà Nội so the queues
are open whenever the benchmark runs.

``ticket_bytes`` is the size of each ticket's ESC/POS job on 80 mm paper: what a serial
printer at 9600 baud takes about a millisecond a byte to receive (docs/printing.md
keeps it under 20 KB). ``receipt_bytes`` and ``checklist_bytes`` are the same for one
phiếu tờ khai (the bundled birth registration filed once) and one procedure's
checklist; a count, so their p50, p95 and max are the same number.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.bench.stats import summarise
from kiosk.config import Settings
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.crypto.keys import throwaway_key_file
from kiosk.paths import prepare_data_dir
from kiosk.printing.api import PaperProfile, PrintDocument, PrintJob
from kiosk.queue.desk import TicketDesk
from kiosk.services import KioskServices
from kiosk.slips import PrintPort, SlipService

#: 09:00 on Monday 10 March 2025 in Hà Nội.
BENCH_NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
SERVICES = ("A", "B", "C")


class _Timed:
    """The real print service, with the instants the desk reaches each stage."""

    def __init__(self, inner: PrintPort) -> None:
        self._inner = inner
        self.bytes_ready = 0.0
        self.send_ms = 0.0
        self.job_bytes = 0

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob:
        job = self._inner.job(document, profile)
        self.bytes_ready = time.perf_counter()
        self.job_bytes = len(job.data)
        return job

    def send(self, job: PrintJob) -> None:
        started = time.perf_counter()
        self._inner.send(job)
        self.send_ms = (time.perf_counter() - started) * 1000

    def test_page(self, today: date | None = None) -> PrintDocument:
        return self._inner.test_page(today)


def run(tickets: int = 200) -> dict[str, dict[str, float | int]]:
    tap_to_bytes: list[float] = []
    file_print: list[float] = []
    tap_to_printed: list[float] = []
    ticket_bytes: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-ticket-") as folder:
        paths = prepare_data_dir(Path(folder) / "data")
        settings = Settings(
            printer=f"file:{paths.printouts}", data_key_file=throwaway_key_file(paths.data_dir)
        )
        services = KioskServices(settings, paths, clock=lambda: BENCH_NOW)
        services.open()
        try:
            timed = _Timed(services.printing)
            slips = SlipService(
                timed,
                settings.centre_name,
                catalog=services.catalog,
                declarations=services.declarations,
                audit=services.audit,
                staff=services.staff,
            )
            desk = TicketDesk(services.tickets, slips)
            desk.take("C")  # warm-up: fonts, QR encoder, first statements
            for index in range(tickets):
                started = time.perf_counter()
                ticket = desk.take(SERVICES[index % len(SERVICES)])
                finished = time.perf_counter()
                if ticket.print_status != "printed":
                    raise RuntimeError(f"benchmark ticket not printed: {ticket.print_error}")
                tap_to_bytes.append((timed.bytes_ready - started) * 1000)
                file_print.append(timed.send_ms)
                tap_to_printed.append((finished - started) * 1000)
                ticket_bytes.append(timed.job_bytes)
            receipt_bytes, checklist_bytes = _slip_bytes(services, slips, timed)
        finally:
            services.close()
    return {
        "tap_to_bytes_ms": summarise(tap_to_bytes),
        "file_print_ms": summarise(file_print),
        "tap_to_printed_ms": summarise(tap_to_printed),
        "ticket_bytes": summarise(ticket_bytes),
        "receipt_bytes": summarise([receipt_bytes]),
        "checklist_bytes": summarise([checklist_bytes]),
    }


def _slip_bytes(services: KioskServices, slips: SlipService, timed: _Timed) -> tuple[int, int]:
    """The bytes of one phiếu tờ khai and of one procedure's checklist, as printed."""
    form = services.forms.get(FORM_ID)
    procedure = form.procedures[0]
    consent = services.consent.agree(services.settings.language, DECLARATION_PURPOSES)
    filed = services.declarations.submit(form, procedure, KHAI_SINH_ANSWERS, consent=consent)
    slips.receipt(filed.reference)
    receipt = timed.job_bytes
    slips.checklist(procedure)
    return receipt, timed.job_bytes
