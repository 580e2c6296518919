"""The setup journey on the kiosk's screen: behind the setup code, one page per step,
the enrolment against the real centre server on loopback, and a step redone from
staff mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.setup import Step, read_answers
from tests.centre_server import CentreServer
from tests.conftest import STAFF_PIN
from tests.ui.staff.conftest import StaffDriver
from ui.main_window import KioskWindow
from ui.screens.setup.pages import CodePage, MenuPage, PrinterPage, StepPage
from ui.sync import install as install_sync

SETUP_CODE = "TH-2025-7QX4"
NEW_PIN = "583920"

MakeIt = Callable[..., StaffDriver]


@pytest.fixture
def it_at(qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow]) -> MakeIt:
    def make(**settings: object) -> StaffDriver:
        window = kiosk_factory(setup_code=SETUP_CODE, **settings)
        return StaffDriver(qtbot, window)

    return make


def _page(it: StaffDriver) -> StepPage:
    page = it.window.screens[it.window.current_screen()]
    assert isinstance(page, StepPage), it.window.current_screen()
    return page


def _type_into(it: StaffDriver, field: QLineEdit, text: str) -> None:
    it.focus(field)
    field.selectAll()
    it.type_keys(text)


def _code_page(it: StaffDriver) -> CodePage:
    page = it.window.screens["setup"]
    assert isinstance(page, CodePage)
    return page


def _enter_code(it: StaffDriver, code: str) -> None:
    page = _code_page(it)
    _type_into(it, page.code_field, code)
    it.qtbot.keyClick(page.code_field, "\r")


def _save(it: StaffDriver, **values: str) -> StepPage:
    page = _page(it)
    for key, text in values.items():
        _type_into(it, page.fields[key], text)
    it.tap(page.save_button)
    return page


def test_a_first_run_goes_through_every_step_and_ends_at_home(
    it_at: MakeIt, centre_server: CentreServer
) -> None:
    it = it_at()
    it.window.show_screen("setup")

    _enter_code(it, "WRONG-CODE-1")
    assert it.window.current_screen() == "setup"
    assert "Mã thiết lập không đúng" in _code_page(it).message.text()

    _enter_code(it, SETUP_CODE.lower())  # case does not matter
    assert it.window.current_screen() == "setup.centre"
    _save(it, name="Trung tam Tan Hoa")
    assert it.window.current_screen() == "setup.kiosk_number"
    refused = _save(it, number="12")
    assert it.window.current_screen() == "setup.kiosk_number"
    assert "từ 1 đến 9" in refused.message.text()
    _save(it, number="3")
    assert it.window.current_screen() == "setup.server"
    bridge = install_sync(it.window, it.services)  # as the app does at start
    assert not bridge.running  # no server at start: no sync worker
    _save(it, url=centre_server.url, code=centre_server.code())
    assert it.window.current_screen() == "setup.printer"
    it.qtbot.waitUntil(lambda: bridge.running)  # enrolled: the kiosk syncs from now on
    printer = _page(it)
    assert isinstance(printer, PrinterPage)
    it.tap(printer.width_buttons[58])
    it.tap(printer.test_button)
    assert "Đã in phiếu thử" in printer.message.text()
    assert list(it.services.paths.printouts.glob("*.bin")), "the test slip was printed"
    _save(it, uri="file:")
    # The probe's word stays on the page until IT goes on.
    assert it.window.current_screen() == "setup.printer"
    assert "không trả lời trạng thái" in printer.message.text()
    it.tap(printer.save_button)
    assert it.window.current_screen() == "setup.office_printer"
    _save(it)
    assert it.window.current_screen() == "setup.staff"
    _save(it, name="Tran Van Minh", pin=NEW_PIN)

    assert it.window.current_screen() == "home"
    answers = read_answers(it.services.paths.data_dir)
    assert set(answers.done) == {step.value for step in Step}
    assert answers.centre_name == "Trung tam Tan Hoa"
    assert answers.kiosk_number == 3
    assert answers.printer == "file:?paper=58mm"
    assert answers.server_url == centre_server.url
    enrolment = it.services.sync.enrolment()
    assert enrolment is not None
    assert enrolment.server_url == centre_server.url
    assert [member.name for member in it.services.staff.members()] == ["Tran Van Minh"]
    # The new member unlocks staff mode with the PIN set here.
    it.unlock(NEW_PIN)


def test_a_taken_kiosk_number_is_refused_on_the_server_page_in_words(
    it_at: MakeIt, centre_server: CentreServer
) -> None:
    other = it_at()
    other.services.sync.enrol(centre_server.code(), centre_server.url)  # kiosk number 1
    it = it_at()
    it.window.show_screen("setup")
    _enter_code(it, SETUP_CODE)
    _save(it, name="Trung tam Tan Hoa")
    _save(it, number="1")
    code = centre_server.code()

    page = _save(it, url=centre_server.url, code=code)

    assert it.window.current_screen() == "setup.server"
    assert "Số kiosk 1 đã được một kiosk khác của trung tâm sử dụng" in page.message.text()
    assert it.services.sync.enrolment() is None


def test_a_step_is_redone_from_staff_mode(it_at: MakeIt) -> None:
    it = it_at()
    it.services.staff.set_pin(STAFF_PIN)
    from kiosk.setup.service import SetupService

    setup = SetupService(it.services)
    setup.set_centre("Trung tam Tan Hoa")
    setup.set_kiosk_number(2)
    setup.without_server()
    setup.set_printer("file:", 80)
    setup.set_office_printer(None)
    setup.set_first_staff("Can bo", "583920")

    hub = it.unlock()
    it.tap(hub.setup_button)
    assert it.window.current_screen() == "setup"
    _enter_code(it, SETUP_CODE)
    assert it.window.current_screen() == "setup.menu"
    menu = it.window.screens["setup.menu"]
    assert isinstance(menu, MenuPage)
    button: QPushButton = menu.step_buttons[Step.KIOSK_NUMBER]
    it.tap(button)
    assert it.window.current_screen() == "setup.kiosk_number"
    assert _page(it).fields["number"].text() == "2"  # the answer in force
    _save(it, number="7")
    assert it.window.current_screen() == "setup.menu"
    it.tap(menu.done_button)

    assert it.window.current_screen() == "home"
    assert read_answers(it.services.paths.data_dir).kiosk_number == 7


def test_a_kiosk_not_yet_set_up_opens_on_the_setup_and_a_set_up_one_on_home(
    it_at: MakeIt, kiosk_factory: Callable[..., KioskWindow]
) -> None:
    it = it_at()
    it.window.open_setup_if_wanted()
    assert it.window.current_screen() == "setup"

    plain = kiosk_factory()  # no setup code: IT set the kiosk up by its config file
    plain.open_setup_if_wanted()
    assert plain.current_screen() == "home"
