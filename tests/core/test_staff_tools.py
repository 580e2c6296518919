"""The core calls behind the staff screen's taps that no other screen makes: the printer
test as a staff action, and a declaration look-up that names its thủ tục and tờ khai."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from kiosk.audit.wording import describe
from kiosk.config import Settings
from kiosk.errors import StaffGrantMissingError, StaffGrantRevokedError
from kiosk.paths import KioskPaths
from kiosk.printing.errors import PrinterUnavailableError
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW, STAFF_PIN
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form


def printed(services: KioskServices) -> list[Path]:
    return sorted(services.paths.printouts.glob("*.bin"))


def test_the_printer_test_prints_the_test_page_and_is_audited(
    services: KioskServices, staff_pin: str
) -> None:
    grant = services.staff.unlock(staff_pin)

    services.slips.test_page_for_staff(grant)

    (written,) = printed(services)
    assert written.name.endswith("-test-page.bin")
    page = services.printing.test_page(date.today())
    assert written.read_bytes() == services.printing.job(page).data
    newest = services.audit.recent(1)[0]
    assert (newest.actor, newest.action, dict(newest.detail)) == (
        "staff",
        "printer.test_page",
        {"printed": True},
    )
    assert describe(newest).render() == "In thử máy in phiếu"


def test_without_a_live_grant_nothing_prints_and_nothing_is_audited(
    services: KioskServices, staff_pin: str
) -> None:
    grant = services.staff.unlock(staff_pin)
    services.staff.lock(grant)
    before = [entry.action for entry in services.audit.recent(50)]

    with pytest.raises(StaffGrantMissingError):
        services.slips.test_page_for_staff(None)
    with pytest.raises(StaffGrantRevokedError):
        services.slips.test_page_for_staff(grant)

    assert printed(services) == []
    assert [entry.action for entry in services.audit.recent(50)] == before


@pytest.fixture
def broken_printer(
    settings_factory: Callable[..., Settings], kiosk_paths: KioskPaths, closed_port: int
) -> Iterator[KioskServices]:
    """Services whose receipt printer refuses connections (switched off, unplugged)."""
    settings = settings_factory(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    services = KioskServices(settings, kiosk_paths, clock=lambda: FIXED_NOW)
    services.open()
    services.staff.set_pin(STAFF_PIN)
    yield services
    services.close()


def test_a_failed_printer_test_is_audited_and_raised(broken_printer: KioskServices) -> None:
    services = broken_printer
    grant = services.staff.unlock(STAFF_PIN)

    with pytest.raises(PrinterUnavailableError):
        services.slips.test_page_for_staff(grant)

    newest = services.audit.recent(1)[0]
    assert (newest.action, dict(newest.detail)) == ("printer.test_page", {"printed": False})
    assert describe(newest).render() == "In thử máy in phiếu: máy in chưa in được"


def test_the_look_up_names_the_procedure_and_the_form(
    services: KioskServices, staff_pin: str
) -> None:
    grant = services.staff.unlock(staff_pin)
    form = sample_form()
    submitted = services.declarations.submit(form, PROCEDURE_CODE, sample_answers(), consent=AGREED)

    view = services.declarations.lookup(grant, submitted.reference)

    assert view.procedure_name == services.catalog.procedure(PROCEDURE_CODE).name
    assert view.procedure_name == submitted.procedure_name
    assert view.form_title == form.title


def test_a_procedure_the_catalogue_no_longer_lists_is_named_by_its_code_alone(
    services: KioskServices, staff_pin: str
) -> None:
    grant = services.staff.unlock(staff_pin)
    submitted = services.declarations.submit(
        sample_form(), "9.999999", sample_answers(), consent=AGREED
    )

    view = services.declarations.lookup(grant, submitted.reference)

    assert (view.procedure_code, view.procedure_name) == ("9.999999", None)
    assert view.form_title == sample_form().title
