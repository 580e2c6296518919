"""From tap to paper: the ticket exists first, faults are recorded, nothing replays later."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.audit import AuditLog
from kiosk.catalog.service import CatalogService
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import OutboxEntry
from kiosk.declarations import DeclarationService
from kiosk.forms.library import FormLibrary
from kiosk.printing.api import PaperProfile, PrintDocument, PrintJob, QrBlock, TextBlock
from kiosk.printing.service import PrintService
from kiosk.queue.desk import TicketDesk
from kiosk.queue.layout import ticket_document
from kiosk.queue.tickets import TicketService
from kiosk.slips import PrintPort, SlipService
from kiosk.staff import StaffAccess, StaffGrant
from tests.core.conftest import FakeClock

MakeDesk = Callable[..., TicketDesk]


class RecordingPrintService:
    """The real print service; remembers every job it was asked to send."""

    def __init__(self, inner: PrintService) -> None:
        self.inner = inner
        self.sent: list[PrintJob] = []

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob:
        return self.inner.job(document, profile)

    def send(self, job: PrintJob) -> None:
        self.sent.append(job)
        self.inner.send(job)

    def test_page(self, today: date | None = None) -> PrintDocument:
        return self.inner.test_page(today)


class LoopbackPrinter:
    """A network printer on 127.0.0.1: accepts connections and keeps what each sent."""

    def __init__(self, port: int) -> None:
        self.jobs: list[bytes] = []
        self._received = threading.Condition()
        self._server = socket.create_server(("127.0.0.1", port))
        self._server.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
            with self._received:
                self.jobs.append(b"".join(chunks))
                self._received.notify_all()

    def wait_for_jobs(self, count: int) -> list[bytes]:
        with self._received:
            self._received.wait_for(lambda: len(self.jobs) >= count, timeout=5)
            return list(self.jobs)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._server.close()


def _texts(document: PrintDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, TextBlock)]


@pytest.fixture
def tickets(db: Database, audit: AuditLog, clock: object, staff: StaffAccess) -> TicketService:
    return TicketService(db, audit, clock, Settings(), staff=staff)  # type: ignore[arg-type]


@pytest.fixture
def make_desk(
    db: Database, audit: AuditLog, clock: FakeClock, staff: StaffAccess, tickets: TicketService
) -> MakeDesk:
    """The desk as the kiosk builds it, printing through a slip service on ``printing``."""

    def make(printing: PrintPort, centre_name: str = Settings().centre_name) -> TicketDesk:
        catalog = CatalogService(db, clock)
        forms = FormLibrary(db)
        declarations = DeclarationService(
            db, audit, clock, Settings(), catalog=catalog, forms=forms, staff=staff
        )
        slips = SlipService(
            printing,
            centre_name,
            catalog=catalog,
            declarations=declarations,
            audit=audit,
            staff=staff,
        )
        return TicketDesk(tickets, slips)

    return make


@pytest.fixture
def port(closed_port: int) -> int:
    return closed_port


@pytest.fixture
def loopback(port: int) -> Iterator[list[LoopbackPrinter]]:
    started: list[LoopbackPrinter] = []
    yield started
    for printer in started:
        printer.close()


def test_a_printed_ticket_is_laid_out_written_and_marked(
    tickets: TicketService, make_desk: MakeDesk, tmp_path: Path
) -> None:
    service = RecordingPrintService(PrintService(f"file:{tmp_path / 'out'}", tmp_path))
    desk = make_desk(service, "Trung tâm HCC tỉnh Lâm Đồng")
    ticket = desk.take("A", priority=True)
    assert ticket.print_status == "printed"
    assert ticket.print_error is None
    assert tickets.find(ticket.id).print_status == "printed"
    (job,) = service.sent
    texts = _texts(job.document)
    assert texts[:2] == ["Trung tâm HCC tỉnh Lâm Đồng", "Tư pháp – Hộ tịch"]
    assert "A-001" in texts
    assert "Quầy phục vụ: 1, 2" in texts
    assert "Ưu tiên" in texts  # and nothing about which group
    assert not [text for text in texts if "cao tuổi" in text or "Ưu tiên:" in text]
    assert "Ngày 10/03/2025 lúc 09:00" in texts
    qr = next(block for block in job.document.blocks if isinstance(block, QrBlock))
    assert qr.data == str(ticket.id)
    assert job.data.startswith(b"\x1b@")  # ESC @: the printer is initialised
    assert len(list((tmp_path / "out").glob("*.bin"))) == 1


def test_the_layout_names_people_ahead_and_the_declaration(tickets: TicketService) -> None:
    tickets.issue("B")
    second = tickets.issue("B", declaration_reference="TK-1-250310-0042")
    document = ticket_document(second, "Trung tâm")
    assert "Trước Ông/Bà còn 1 người" in _texts(document)
    qr = next(block for block in document.blocks if isinstance(block, QrBlock))
    assert qr.data == "TK-1-250310-0042"
    assert qr.caption == "Mã tờ khai: TK-1-250310-0042"
    assert document.title == "ticket-B-002"
    assert "Ưu tiên" not in _texts(document)


def test_a_priority_ticket_prints_no_declaration_reference_even_if_asked(
    tickets: TicketService,
) -> None:
    ticket = tickets.issue("B", priority=True, declaration_reference="TK-1-250310-0042")
    document = ticket_document(ticket, "Trung tâm")
    texts = _texts(document)
    assert "Ưu tiên" in texts
    assert not [text for text in texts if "TK-1-250310-0042" in text or "Mã tờ khai" in text]
    qr = next(block for block in document.blocks if isinstance(block, QrBlock))
    assert qr.data == str(ticket.id)


def test_a_closed_port_leaves_a_valid_failed_ticket(
    db: Database, tickets: TicketService, make_desk: MakeDesk, tmp_path: Path, port: int
) -> None:
    desk = make_desk(PrintService(f"tcp://127.0.0.1:{port}?timeout=2", tmp_path))
    ticket = desk.take("C")
    assert ticket.label == "C-001"
    assert ticket.print_status == "failed"
    assert ticket.print_error is not None
    assert ticket.print_error.render()
    stored = tickets.find("C-001")
    assert stored.print_status == "failed"
    assert stored.print_error == ticket.print_error
    with db.transaction() as session:
        # Only the ticket's own upload is queued; nothing to print later.
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 1


def test_no_backlog_when_the_printer_comes_back_only_a_reprint_prints_the_old_one(
    tickets: TicketService,
    audit: AuditLog,
    *,
    make_desk: MakeDesk,
    staff_grant: StaffGrant,
    tmp_path: Path,
    port: int,
    loopback: list[LoopbackPrinter],
) -> None:
    service = RecordingPrintService(
        PrintService(f"tcp://127.0.0.1:{port}?timeout=3&status=off", tmp_path)
    )
    desk = make_desk(service)
    failed = desk.take("A")
    assert failed.print_status == "failed"
    printer = LoopbackPrinter(port)
    loopback.append(printer)
    fresh = desk.take("A")
    assert fresh.print_status == "printed"
    new_job = service.sent[-1]
    assert "A-002" in _texts(new_job.document)
    assert "A-001" not in _texts(new_job.document)
    # The whole job, and only the new ticket's: the failed one is not replayed.
    assert printer.wait_for_jobs(1) == [new_job.data]
    assert tickets.find(failed.id).print_status == "failed"

    reprinted = desk.reprint(staff_grant, failed.id)
    assert reprinted.print_status == "printed"
    assert "A-001" in _texts(service.sent[-1].document)
    assert printer.wait_for_jobs(2) == [new_job.data, service.sent[-1].data]
    assert audit.recent()[0].action == "ticket.reprint"
