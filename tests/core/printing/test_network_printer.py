"""A real printer port on loopback: the whole job arrives, and every fault is told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.paths import KioskPaths
from kiosk.printing.errors import (
    PrinterCoverOpenError,
    PrinterDisconnectedError,
    PrinterError,
    PrinterOfflineError,
    PrinterPaperOutError,
    PrinterReportsError,
    PrinterTimeoutError,
    PrinterUnavailableError,
)
from kiosk.printing.service import PrintService
from kiosk.printing.status import QUERY
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from tests.core.printing.conftest import (
    COVER_OPEN,
    ERROR,
    FEED_BUTTON,
    NEAR_END,
    OFFLINE,
    PAPER_OUT,
    FakeNetworkPrinter,
    parse_escpos,
    ticket_document,
)


def service(port: int, tmp_path: Path, options: str = "") -> PrintService:
    return PrintService(f"tcp://127.0.0.1:{port}?timeout=0.5{options}", tmp_path)


def test_the_printer_receives_the_whole_job_between_two_status_questions(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    printing = service(fake_printer.start(), tmp_path)
    job = printing.job(ticket_document())
    printing.send(job)
    fake_printer.stop()
    assert bytes(fake_printer.received) == QUERY + job.data + QUERY
    parse_escpos(job.data)


def test_with_status_off_the_printer_receives_exactly_the_job(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    printing = service(fake_printer.start(), tmp_path, "&status=off&paper=58mm")
    job = printing.job(ticket_document())
    printing.send(job)
    fake_printer.stop()
    assert bytes(fake_printer.received) == job.data
    assert job.image.width == 384
    assert max(width for width, _ in parse_escpos(job.data).bands) <= 48


def test_a_closed_port_is_unavailable(closed_port: int, tmp_path: Path) -> None:
    printing = service(closed_port, tmp_path)
    job = printing.job(ticket_document())
    with pytest.raises(PrinterUnavailableError) as raised:
        printing.send(job)
    assert raised.value.uri.endswith(f":{closed_port}?timeout=0.5")
    assert "Máy in chưa sẵn sàng" in str(raised.value)


def test_a_hang_up_mid_job_takes_the_fault_path(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    fake_printer.hang_up_after = 1000
    printing = service(fake_printer.start(), tmp_path)
    job = printing.job(ticket_document())
    with pytest.raises(PrinterDisconnectedError) as raised:
        printing.send(job)
    fake_printer.stop()
    assert isinstance(raised.value, PrinterError)
    assert len(fake_printer.received) < len(QUERY + job.data)
    # The job is intact: sending it again to a working printer prints all of it.
    again = FakeNetworkPrinter()
    try:
        service(again.start(), tmp_path).send(job)
    finally:
        again.stop()
    assert bytes(again.received) == QUERY + job.data + QUERY


@pytest.mark.parametrize(
    ("status", "fault"),
    [
        (PAPER_OUT, PrinterPaperOutError),
        (COVER_OPEN, PrinterCoverOpenError),
        (OFFLINE, PrinterOfflineError),
        (ERROR, PrinterReportsError),
        (FEED_BUTTON, PrinterOfflineError),
    ],
    ids=["paper-out", "cover-open", "offline", "error", "feed-button"],
)
def test_a_printer_reporting_a_fault_gets_no_job_to_print_later(
    fake_printer: FakeNetworkPrinter,
    tmp_path: Path,
    status: tuple[int, int, int],
    fault: type[PrinterError],
) -> None:
    fake_printer.status = status
    printing = service(fake_printer.start(), tmp_path)
    with pytest.raises(fault) as raised:
        printing.send(printing.job(ticket_document()))
    fake_printer.stop()
    # Only the question went out: no ticket waits in the printer for fresh paper.
    assert bytes(fake_printer.received) == QUERY
    assert type(raised.value) is fault
    assert raised.value.detail.startswith("DLE EOT")
    assert "Vui lòng báo cán bộ" in str(raised.value)


def test_a_printer_that_stops_reading_mid_job_times_out(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    fake_printer.stall_after_status = True
    printing = service(fake_printer.start(), tmp_path)
    job = printing.job(ticket_document())
    with pytest.raises(PrinterTimeoutError):
        printing.send(job)
    fake_printer.stop()


def test_a_printer_that_never_answers_status_still_prints(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    fake_printer.status = None
    printing = service(fake_printer.start(), tmp_path)
    job = printing.job(ticket_document())
    printing.send(job)
    fake_printer.stop()
    assert bytes(fake_printer.received) == QUERY + job.data


@pytest.mark.parametrize(
    ("status", "message"),
    [(OFFLINE, "Máy in đang tạm dừng"), (ERROR, "Máy in đang báo lỗi")],
    ids=["offline", "error"],
)
def test_an_offline_printer_gets_no_ticket_and_the_kiosk_does_not_say_printed(
    fake_printer: FakeNetworkPrinter,
    settings_factory: Callable[..., Settings],
    kiosk_paths: KioskPaths,
    status: tuple[int, int, int],
    message: str,
) -> None:
    """The whole way a citizen's tap goes: the desk issues the ticket, the printer says
    it is offline, the ticket stays unprinted with the reason to show on screen."""
    fake_printer.status = status
    printer = f"tcp://127.0.0.1:{fake_printer.start()}?timeout=0.5"
    services = KioskServices(
        settings_factory(printer=printer), kiosk_paths, clock=lambda: FIXED_NOW
    )
    services.open()
    try:
        ticket = services.desk.take("A")
    finally:
        services.close()
    fake_printer.stop()
    assert ticket.print_status == "failed"
    assert ticket.print_error is not None
    assert message in ticket.print_error.render()
    assert bytes(fake_printer.received) == QUERY


def test_paper_nearly_out_still_prints(fake_printer: FakeNetworkPrinter, tmp_path: Path) -> None:
    fake_printer.status = NEAR_END
    printing = service(fake_printer.start(), tmp_path)
    job = printing.job(ticket_document())
    printing.send(job)
    fake_printer.stop()
    assert bytes(fake_printer.received) == QUERY + job.data + QUERY
