"""Opening staff mode as staff do: press and hold the logo (or Ctrl+Alt+S), then the PIN."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale
from kiosk.db.models import StaffLockout
from tests.conftest import FIXED_NOW, STAFF_PIN
from tests.ui.staff.conftest import StaffDriver
from ui.main_window import KioskWindow
from ui.screens.staff.pin_pad import PinPadScreen


def test_long_press_on_the_logo_opens_the_pin_pad(qtbot: QtBot, window: KioskWindow) -> None:
    logo = window.home.logo
    centre = QPoint(logo.width() // 2, logo.height() // 2)
    with qtbot.waitSignal(logo.long_pressed, timeout=2000):
        qtbot.mousePress(logo, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_screen() == "staff.pin"


def test_a_short_tap_on_the_logo_does_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    logo = window.home.logo
    with qtbot.assertNotEmitted(logo.long_pressed, wait=400):
        qtbot.mouseClick(logo, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "home"


def test_ctrl_alt_s_opens_the_pin_pad_and_cancel_goes_home(
    qtbot: QtBot, staff: StaffDriver
) -> None:
    window = staff.window
    qtbot.keyClick(
        window.home,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert window.current_screen() == "staff.pin"
    staff.tap(staff.pad.cancel_button)
    assert window.current_screen() == "home"


@pytest.mark.parametrize("language", [Language.VIETNAMESE, Language.ENGLISH])
def test_the_pin_pad_fits_a_small_screen_with_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], language: Language
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=language)
    window.open_staff()
    pad = window.journey_screen("staff.pin")
    assert isinstance(pad, PinPadScreen)
    qtbot.waitUntil(pad.isVisible)
    assert (window.width(), window.height()) == (1366, 768)
    inside = QRect(0, 0, window.width(), window.height())
    for key in (*pad.digit_buttons.values(), pad.erase_button, pad.ok_button, pad.cancel_button):
        corner = key.mapTo(window, QPoint(0, 0))
        assert inside.contains(QRect(corner, key.size())), key.text()
        assert key.height() >= 64
    for label in (pad.title, pad.prompt):
        assert label.width() <= window.width()
        assert label.fontInfo().pixelSize() >= 30  # 150 % of the 20 px floor


def test_the_right_pin_opens_the_staff_screen_and_the_pin_is_nowhere(
    staff: StaffDriver,
) -> None:
    hub = staff.unlock()
    assert staff.window.visit.staff is not None
    assert staff.pad.field.text() == ""
    audit = hub.audit_view.toPlainText()
    assert "Mở khóa chế độ" in audit  # the unlock, in words
    assert "staff.unlock" not in audit
    assert staff.services.staff.audit_entries(staff.window.visit.staff, 1)[0].action == (
        "staff.unlock"
    )
    for text in staff.all_texts():
        assert STAFF_PIN not in text


def test_a_members_own_pin_greets_them_and_the_audit_log_names_them(
    qtbot: QtBot, window: KioskWindow
) -> None:
    services = window.services()
    services.staff.add_member("Nguyễn Văn An", "739154")
    services.staff.add_member("Trần Thị Bình", "582916")
    driver = StaffDriver(qtbot, window)
    hub = driver.unlock("582916")
    assert hub.greeting.isVisible()
    assert hub.greeting.text() == "Xin chào, Trần Thị Bình"
    assert hub.greeting.textFormat() == Qt.TextFormat.PlainText
    assert window.visit.staff is not None
    assert window.visit.staff.actor == "staff:Trần Thị Bình"
    newest = hub.audit_view.toPlainText().splitlines()[0]
    assert newest.endswith("Trần Thị Bình  Mở khóa chế độ cán bộ")
    driver.tap(hub.lock_button)
    assert window.current_screen() == "home"
    assert services.audit.recent(1)[0].actor == "staff:Trần Thị Bình"
    hub = driver.unlock("739154")  # the next member, a fresh visit
    assert hub.greeting.text() == "Xin chào, Nguyễn Văn An"


def test_the_unnamed_member_is_greeted_as_staff(staff: StaffDriver) -> None:
    hub = staff.unlock()
    assert hub.greeting.text() == "Xin chào, Cán bộ"


def test_a_pin_typed_on_a_keyboard_works_too(qtbot: QtBot, staff: StaffDriver) -> None:
    staff.window.open_staff()
    field = staff.pad.field
    qtbot.keyClicks(field, "12ab")
    assert field.text() == "12"  # digits only
    field.clear()
    qtbot.keyClicks(field, STAFF_PIN)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert staff.window.current_screen() == "staff"


def test_wrong_pins_count_down_then_lock_out_even_the_right_one(staff: StaffDriver) -> None:
    staff.window.open_staff()
    staff.type_pin("1111")
    assert staff.pad.message.text() == "Mã PIN không đúng. Còn 4 lần thử."
    staff.window.toggle_language()
    assert staff.pad.message.text() == "Wrong PIN. 4 attempts left."
    staff.window.toggle_language()
    for _ in range(4):
        staff.type_pin("1111")
    assert staff.pad.message.text().startswith(
        "Nhập sai mã PIN quá nhiều lần. Tạm khóa 5 phút, đến 09:10."
    )
    staff.type_pin(STAFF_PIN)  # the right PIN waits out the lock too
    assert staff.window.current_screen() == "staff.pin"
    assert staff.window.visit.staff is None
    assert "staff.locked_out" in staff.audit_actions()
    assert "staff.unlock" not in staff.audit_actions()


def test_the_pad_says_how_long_an_escalated_lock_lasts(staff: StaffDriver) -> None:
    """Nine wrong PINs earlier today (the first lock long over): the tenth locks the pad
    for 30 minutes, and the pad says so, with the time it ends."""
    with staff.services.db.transaction() as session:
        session.add(StaffLockout(id=1, failed_attempts=9, locked_until=None, updated_at=FIXED_NOW))
    staff.window.open_staff()
    staff.type_pin("1111")
    assert staff.pad.message.text() == (
        "Nhập sai mã PIN quá nhiều lần. Tạm khóa 30 phút, đến 09:35. "
        "Vui lòng thử lại sau hoặc nhờ bộ phận CNTT mở khóa."
    )
    staff.services.staff.lift_lockout()  # IT's override: the right PIN works at once
    staff.type_pin(STAFF_PIN)
    assert staff.window.current_screen() == "staff"


def test_no_pin_set_says_how_to_set_one(qtbot: QtBot, window: KioskWindow) -> None:
    driver = StaffDriver(qtbot, window)
    window.open_staff()
    driver.type_pin("1234")
    assert "kiosk staff set-pin" in driver.pad.message.text()
    driver.tap(driver.pad.ok_button)
    assert driver.pad.message.text() == "Vui lòng nhập mã PIN."
