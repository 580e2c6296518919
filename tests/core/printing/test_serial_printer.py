"""A printer on a serial line (a pseudo-terminal here): status first, the whole job,
and a printer that stops taking data times out instead of hanging the kiosk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.paths import KioskPaths
from kiosk.printing.api import PrintDocument, TextBlock
from kiosk.printing.errors import (
    PrinterCoverOpenError,
    PrinterError,
    PrinterOfflineError,
    PrinterTimeoutError,
)
from kiosk.printing.serial_port import SerialPrinter
from kiosk.printing.service import PrintService
from kiosk.printing.status import QUERY
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from tests.core.printing.conftest import (
    COVER_OPEN,
    OFFLINE,
    FakeSerialPrinter,
    parse_escpos,
    ticket_document,
)

#: A fast line, so that the allowance for the bytes to cross it stays short here.
FAST = "baud=921600&timeout=0.3"


def long_document() -> PrintDocument:
    """More than any serial line buffers: a printer that takes nothing blocks on it."""
    text = "Thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế. " * 40
    return PrintDocument((TextBlock(text),), title="long")


def test_the_printer_receives_the_whole_job_between_two_status_questions(
    fake_serial_printer: FakeSerialPrinter, tmp_path: Path
) -> None:
    printing = PrintService(f"serial:{fake_serial_printer.start()}?{FAST}", tmp_path)
    printer = printing.open_printer()
    assert isinstance(printer, SerialPrinter)
    job = printing.job(ticket_document())
    printing.send_to(printer, job)
    fake_serial_printer.stop()
    assert bytes(fake_serial_printer.received) == QUERY + job.data + QUERY
    assert printer.last_status is not None
    assert not printer.last_status.offline
    parse_escpos(job.data)


@pytest.mark.parametrize(
    ("status", "fault"),
    [(OFFLINE, PrinterOfflineError), (COVER_OPEN, PrinterCoverOpenError)],
    ids=["offline", "cover-open"],
)
def test_a_printer_reporting_a_fault_gets_nothing(
    fake_serial_printer: FakeSerialPrinter,
    tmp_path: Path,
    status: tuple[int, int, int],
    fault: type[PrinterError],
) -> None:
    fake_serial_printer.status = status
    printing = PrintService(f"serial:{fake_serial_printer.start()}?{FAST}", tmp_path)
    with pytest.raises(fault):
        printing.send(printing.job(ticket_document()))
    fake_serial_printer.stop()
    assert bytes(fake_serial_printer.received) == QUERY


def test_a_printer_that_never_answers_status_still_gets_the_job(
    fake_serial_printer: FakeSerialPrinter, tmp_path: Path
) -> None:
    fake_serial_printer.status = None
    printing = PrintService(f"serial:{fake_serial_printer.start()}?{FAST}", tmp_path)
    job = printing.job(ticket_document())
    printing.send(job)
    fake_serial_printer.stop()
    assert bytes(fake_serial_printer.received) == QUERY + job.data


def test_a_printer_that_takes_no_data_times_out_instead_of_hanging(
    fake_serial_printer: FakeSerialPrinter, tmp_path: Path
) -> None:
    """Nobody reads the line: the write of the job stops with the buffer full, and
    the write timeout ends it as a fault."""
    fake_serial_printer.full = True
    printing = PrintService(f"serial:{fake_serial_printer.start()}?{FAST}&status=off", tmp_path)
    job = printing.job(long_document())
    with pytest.raises(PrinterTimeoutError) as raised:
        printing.send(job)
    assert "no data taken" in raised.value.detail
    assert "Máy in không phản hồi" in str(raised.value)


def test_a_stalled_serial_printer_leaves_the_ticket_unprinted_with_the_reason(
    fake_serial_printer: FakeSerialPrinter,
    settings_factory: Callable[..., Settings],
    kiosk_paths: KioskPaths,
) -> None:
    """A citizen's tap with the line stalled: the ticket is issued, not printed, and
    the screen has the reason to show; the kiosk is free for the next tap."""
    fake_serial_printer.full = True
    printer = f"serial:{fake_serial_printer.start()}?{FAST}&status=off"
    services = KioskServices(
        settings_factory(printer=printer), kiosk_paths, clock=lambda: FIXED_NOW
    )
    services.open()
    try:
        ticket = services.desk.take("A")
    finally:
        services.close()
    assert ticket.print_status == "failed"
    assert ticket.print_error is not None
    assert "Máy in không phản hồi" in ticket.print_error.render()
