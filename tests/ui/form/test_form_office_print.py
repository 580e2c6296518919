"""After "Lưu tờ khai": "In tờ khai khổ A4" on the centre's office printer.

The office printer is CUPS's ``lp``, faked on ``PATH`` (``tests.core.printing.fake_cups``),
so a tap goes all the way from the button to the bytes the spooler receives.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import msgspec
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.core.printing.fake_cups import QUEUE, FakeCups, install_fake_cups, posix_only
from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, SMALL_FORM, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.done import DonePage, OfficePrint
from wire.form_files import decode_form

PRINTED = "Tờ khai đang được in ở máy in của bộ phận một cửa; vui lòng nhận tại quầy."

pytestmark = posix_only


@pytest.fixture
def cups(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> FakeCups:
    return install_fake_cups(tmp_path_factory.mktemp("cups"), monkeypatch)


def _kiosk(qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], **settings: str) -> FormDriver:
    window = kiosk_factory(**settings)
    with window.services().db.transaction() as session:
        window.services().forms.publish_in(session, decode_form(msgspec.json.encode(SMALL_FORM)))
    return FormDriver(qtbot, window)


def _file(driver: FormDriver) -> DonePage:
    """A citizen fills the trial form from their căn cước and submits it."""
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    screen = driver.to_review()
    driver.tap(screen.submit_button)
    assert screen.stack.currentWidget() is screen.done
    return screen.done


def test_the_a4_button_prints_the_form_and_says_where_to_collect_it(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    cups: FakeCups,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = _kiosk(qtbot, kiosk_factory, office_printer=QUEUE)
    done = _file(driver)
    office = done.office
    assert office.isVisible()
    assert office.button.text() == "In tờ khai khổ A4"
    reference = done.reference.text()

    # What the button and the message say while the print system has the job.
    declarations = driver.window.services().declarations
    print_form = declarations.print_form
    while_printing: list[tuple[bool, str]] = []

    def watched(reference: str) -> None:
        while_printing.append((office.button.isEnabled(), office.status.text()))
        print_form(reference)

    monkeypatch.setattr(declarations, "print_form", watched)
    driver.tap(office.button)
    assert while_printing == [(False, "Đang gửi tờ khai đến máy in…")]
    assert office.state == OfficePrint.PRINTED
    assert office.status.text() == PRINTED
    assert not office.button.isVisible()  # one copy from the kiosk
    assert not office.detail.isVisible()
    (job,) = cups.jobs()
    assert job.argv == ("-d", QUEUE, "-t", reference, "-")
    text = PdfReader(io.BytesIO(job.data)).pages[0].extract_text()
    assert "Nguyễn Văn An" in text
    assert f"Mã tờ khai: {reference}" in text
    newest = driver.window.services().audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("citizen", "declaration.print")

    # The next citizen's done page offers the button again, for their own declaration.
    driver.tap(driver.screen.nav.home_button)
    assert PRINTED not in driver.all_texts()
    done = _file(driver)
    assert done.reference.text() != reference
    assert done.office.state is None
    assert done.office.button.isVisible()
    assert done.office.button.text() == "In tờ khai khổ A4"


def test_a_missing_queue_says_why_and_printing_again_works_once_it_is_there(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], cups: FakeCups
) -> None:
    driver = _kiosk(qtbot, kiosk_factory, office_printer="Mot-Cua-A4")
    office = _file(driver).office
    driver.tap(office.button)
    assert office.state == OfficePrint.FAILED
    assert office.status.text() == "Chưa in được tờ khai khổ A4."
    assert office.detail.isVisible()
    assert office.detail.text() == (
        "Không tìm thấy máy in A4 “Mot-Cua-A4”. Vui lòng báo cán bộ kiểm tra cài đặt."
    )
    assert office.button.text() == "In lại"
    assert cups.jobs() == []

    cups.add_queue("Mot-Cua-A4")  # staff fix the printer, the citizen taps again
    driver.tap(office.button)
    assert (office.state, office.status.text()) == (OfficePrint.PRINTED, PRINTED)
    assert [job.option("-d") for job in cups.jobs()] == ["Mot-Cua-A4"]


def test_without_an_office_printer_there_is_no_button(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], cups: FakeCups
) -> None:
    driver = _kiosk(qtbot, kiosk_factory)
    done = _file(driver)
    assert done.reference.text().startswith("TK-")
    assert not done.office.isVisible()
    assert not done.office.button.isVisible()
    assert cups.jobs() == []
