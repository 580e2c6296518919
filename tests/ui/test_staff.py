"""Staff mode driven like staff do: press and hold, the PIN pad, the staff buttons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale
from kiosk.services import KioskServices
from ui.main_window import KioskWindow


def type_pin(qtbot: QtBot, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(window.pin_pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    assert window.pin_pad.field.text() == pin
    assert window.pin_pad.field.displayText() != pin  # masked
    qtbot.mouseClick(window.pin_pad.ok_button, Qt.MouseButton.LeftButton)


def actions(services: KioskServices) -> list[str]:
    return [entry.action for entry in services.audit.recent(50)]


def test_long_press_on_the_logo_opens_the_pin_pad(qtbot: QtBot, window: KioskWindow) -> None:
    logo = window.home.logo
    centre = QPoint(logo.width() // 2, logo.height() // 2)
    with qtbot.waitSignal(logo.long_pressed, timeout=2000):
        qtbot.mousePress(logo, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_screen_name() == "pin"


def test_a_short_tap_on_the_logo_does_nothing(qtbot: QtBot, window: KioskWindow) -> None:
    logo = window.home.logo
    with qtbot.assertNotEmitted(logo.long_pressed, wait=400):
        qtbot.mouseClick(logo, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "home"


def test_ctrl_alt_s_opens_the_pin_pad_and_cancel_goes_home(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.home,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert window.current_screen_name() == "pin"
    qtbot.mouseClick(window.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "home"


@pytest.mark.parametrize("language", [Language.VIETNAMESE, Language.ENGLISH])
def test_the_pin_pad_fits_a_small_screen_with_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], language: Language
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=language)
    window.open_staff()
    pad = window.pin_pad
    qtbot.waitUntil(pad.isVisible)
    assert window.width() <= 1366
    assert window.height() <= 768
    inside = QRect(0, 0, window.width(), window.height())
    for key in (*pad.digit_buttons.values(), pad.erase_button, pad.ok_button, pad.cancel_button):
        corner = key.mapTo(window, QPoint(0, 0))
        assert inside.contains(QRect(corner, key.size())), key.text()
        assert key.height() >= 64
    for label in (pad.title, pad.prompt):
        assert label.width() <= window.width()
        assert label.fontInfo().pixelSize() >= 30  # 150 % of the 20 px floor


def test_right_pin_opens_staff_screen_with_audit_and_log(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, staff_pin: str
) -> None:
    window.open_staff()
    type_pin(qtbot, window, staff_pin)
    assert window.current_screen_name() == "staff"
    assert window.staff_mode.is_unlocked
    assert "staff.unlock" in window.staff.audit_view.toPlainText()
    assert staff_pin not in window.staff.audit_view.toPlainText()
    assert window.pin_pad.field.text() == ""


def test_pin_typed_on_a_keyboard_works_too(
    qtbot: QtBot, window: KioskWindow, staff_pin: str
) -> None:
    window.open_staff()
    qtbot.keyClicks(window.pin_pad.field, "12ab")
    assert window.pin_pad.field.text() == "12"  # digits only
    window.pin_pad.field.clear()
    qtbot.keyClicks(window.pin_pad.field, staff_pin)
    qtbot.keyClick(window.pin_pad.field, Qt.Key.Key_Return)
    assert window.current_screen_name() == "staff"


def test_wrong_pins_count_down_then_lock(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, staff_pin: str
) -> None:
    window.open_staff()
    type_pin(qtbot, window, "1111")
    assert window.pin_pad.message.text() == "Mã PIN không đúng. Còn 4 lần thử."
    window.toggle_language()
    assert window.pin_pad.message.text() == "Wrong PIN. 4 attempts left."
    window.toggle_language()
    for _ in range(4):
        type_pin(qtbot, window, "1111")
    locked = "Nhập sai mã PIN quá nhiều lần. Tạm khoá đến 09:10"
    assert window.pin_pad.message.text().startswith(locked)
    type_pin(qtbot, window, staff_pin)  # even the right PIN waits out the lock
    assert window.current_screen_name() == "pin"
    assert "staff.locked_out" in actions(services)


def test_no_pin_set_says_how_to_set_one(qtbot: QtBot, window: KioskWindow) -> None:
    window.open_staff()
    type_pin(qtbot, window, "1234")
    assert "kiosk staff set-pin" in window.pin_pad.message.text()
    qtbot.mouseClick(window.pin_pad.ok_button, Qt.MouseButton.LeftButton)
    assert window.pin_pad.message.text() == "Hãy nhập mã PIN."


def test_kiosk_mode_cannot_be_left_without_staff(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    services: KioskServices,
    staff_pin: str,
) -> None:
    window = window_factory(kiosk_mode=True)
    window.present()
    assert window.in_kiosk_mode
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.geometry().contains(window.screen().geometry())  # covers the screen
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert not window.close()
    assert window.isVisible()

    window.open_staff()
    type_pin(qtbot, window, staff_pin)
    qtbot.mouseClick(window.staff.leave_button, Qt.MouseButton.LeftButton)
    assert not window.in_kiosk_mode
    assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert "staff.leave_kiosk_mode" in actions(services)
    assert window.close()


def test_quit_is_audited_and_asks_the_app_to_quit(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, staff_pin: str
) -> None:
    window.open_staff()
    type_pin(qtbot, window, staff_pin)
    with qtbot.waitSignal(window.quit_requested, timeout=1000):
        qtbot.mouseClick(window.staff.quit_button, Qt.MouseButton.LeftButton)
    assert "staff.quit" in actions(services)


def test_lock_again_goes_home_and_needs_the_pin_again(
    qtbot: QtBot, window: KioskWindow, services: KioskServices, staff_pin: str
) -> None:
    window.open_staff()
    type_pin(qtbot, window, staff_pin)
    qtbot.mouseClick(window.staff.lock_button, Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "home"
    assert not window.staff_mode.is_unlocked
    assert window.staff.audit_view.toPlainText() == ""
    assert "staff.lock" in actions(services)
    window.open_staff()
    assert window.current_screen_name() == "pin"
