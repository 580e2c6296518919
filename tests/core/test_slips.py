"""Every slip through one service: ticket, receipt, checklist and test page, each one call.

The kiosk's default printer is ``file:``: each slip's exact ESC/POS bytes land in the
data folder's ``printouts/``, where these tests read them back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.catalog.errors import ProcedureNotFoundError
from kiosk.catalog.printout import checklist_document
from kiosk.config import Settings
from kiosk.declarations import DeclarationNotFoundError
from kiosk.paths import KioskPaths
from kiosk.printing.api import PrintDocument
from kiosk.printing.errors import PrinterError, PrinterUnavailableError
from kiosk.queue.layout import ticket_document
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form

BIRTH = "1.001193"


def printed(services: KioskServices) -> list[Path]:
    return sorted(services.paths.printouts.glob("*.bin"))


def expected_bytes(services: KioskServices, document: PrintDocument) -> bytes:
    return services.printing.job(document).data


def test_the_ticket_goes_through_the_slip_service_and_lands_on_paper(
    services: KioskServices,
) -> None:
    ticket = services.desk.take("A")

    assert ticket.print_status == "printed"
    (written,) = printed(services)
    assert written.name.endswith(f"-ticket-{ticket.label}.bin")
    document = ticket_document(ticket, services.settings.centre_name)
    assert written.read_bytes() == expected_bytes(services, document)


def test_the_receipt_is_one_call_by_reference(services: KioskServices) -> None:
    submitted = services.declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    )

    services.slips.receipt(submitted.reference.lower())  # as staff might type it

    (written,) = printed(services)
    assert written.name.endswith(f"-receipt-{submitted.reference}.bin")
    receipt = services.declarations.receipt(submitted.reference)
    assert written.read_bytes() == expected_bytes(services, receipt)


def test_the_checklist_is_one_call_by_procedure_code(services: KioskServices) -> None:
    services.slips.checklist(BIRTH)

    (written,) = printed(services)
    assert written.name.endswith(f"-checklist-{BIRTH}.bin")
    birth = services.catalog.procedure(BIRTH)
    document = checklist_document(
        birth,
        services.settings.centre_name,
        services.catalog.agency_names(birth.agencies),
        portal_link=services.catalog.portal_link(birth),
    )
    assert written.read_bytes() == expected_bytes(services, document)


def test_the_test_page_is_one_call(services: KioskServices) -> None:
    services.slips.test_page(date(2025, 3, 10))

    (written,) = printed(services)
    assert written.name.endswith("-test-page.bin")
    page = services.printing.test_page(date(2025, 3, 10))
    assert written.read_bytes() == expected_bytes(services, page)


def test_an_unknown_reference_or_procedure_prints_nothing(services: KioskServices) -> None:
    with pytest.raises(DeclarationNotFoundError):
        services.slips.receipt("HS-1-250310-0999")
    with pytest.raises(ProcedureNotFoundError):
        services.slips.checklist("9.999999")
    assert printed(services) == []


@pytest.fixture
def broken_printer(
    settings_factory: Callable[..., Settings], kiosk_paths: KioskPaths, closed_port: int
) -> Iterator[KioskServices]:
    """Services whose receipt printer refuses connections (switched off, unplugged)."""
    settings = settings_factory(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    services = KioskServices(settings, kiosk_paths, clock=lambda: FIXED_NOW)
    services.open()
    yield services
    services.close()


def test_a_printer_fault_is_typed_and_nothing_is_kept_to_print_later(
    broken_printer: KioskServices,
) -> None:
    services = broken_printer
    submitted = services.declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    )
    slips: list[Callable[[], None]] = [
        lambda: services.slips.receipt(submitted.reference),
        lambda: services.slips.checklist(BIRTH),
        services.slips.test_page,
    ]
    for print_slip in slips:
        with pytest.raises(PrinterUnavailableError) as raised:
            print_slip()
        assert isinstance(raised.value, PrinterError)
        assert raised.value.message.render()
    ticket = services.desk.take("A")
    assert ticket.print_status == "failed"  # recorded by the desk, never raised
    assert ticket.print_error is not None
    assert not list(services.paths.data_dir.rglob("*.bin"))
