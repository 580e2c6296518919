"""Bugs get the calm screen and a reset; expected failures a translated message."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.errors import DatabaseError
from ui.errors import ExceptionHook
from ui.main_window import KioskWindow
from ui.ops import Op


class BoomError(RuntimeError):
    pass


def hooked(window: KioskWindow) -> ExceptionHook:
    hook = ExceptionHook(window)
    hook.crashed.connect(window.show_crash)
    return hook


def test_a_bug_shows_the_calm_screen_then_resets(
    qtbot: QtBot, window: KioskWindow, caplog: pytest.LogCaptureFixture
) -> None:
    hook = hooked(window)
    window.show_screen("help")
    window.toggle_language()
    try:
        raise BoomError("citizen 012345678901 broke it")
    except BoomError:
        exc_type, exc, tb = sys.exc_info()
    assert exc_type is not None
    assert exc is not None
    with caplog.at_level(logging.ERROR, logger="kiosk.ui"):
        hook.handle(exc_type, exc, tb)
    assert window.current_screen() == "error"
    assert window.error_screen.title.text() == "Sorry, something went wrong."
    record = next(r for r in caplog.records if r.name == "kiosk.ui")
    assert record.exc_info is not None or record.exc_text
    with qtbot.waitSignal(window.visit_ended, timeout=2000):
        pass
    assert window.current_screen() == "home"
    assert window.error_screen.title.text() == "Xin lỗi, đã có sự cố."


def test_a_bug_in_a_slot_reaches_the_hook(qtbot: QtBot, window: KioskWindow) -> None:
    hook = hooked(window)
    button = QPushButton("x", window.home)

    def broken() -> None:
        raise BoomError("from a slot")

    button.clicked.connect(broken)
    button.show()
    with qtbot.capture_exceptions() as captured:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [type(e[1]) for e in captured] == [BoomError]
    hook.handle(*captured[0])
    assert window.current_screen() == "error"


def test_a_bug_in_a_thread_reaches_the_window_on_the_main_thread(
    qtbot: QtBot, window: KioskWindow
) -> None:
    hook = hooked(window)
    previous = threading.excepthook
    hook.install()
    try:

        def work() -> None:
            raise BoomError("in a thread")

        with qtbot.waitSignal(window.screen_changed, timeout=2000) as changed:
            thread = threading.Thread(target=work)
            thread.start()
            thread.join()
        assert changed.args == ["error"]
    finally:
        hook.uninstall()
    assert threading.excepthook is previous


def test_an_expected_failure_is_a_translated_message(qtbot: QtBot, window: KioskWindow) -> None:
    def fail() -> None:
        raise DatabaseError(path="kiosk.sqlite3", detail="disk I/O error")

    Op(fail, presenter=window.show_error).start()
    assert window.banner.isVisible()
    assert window.banner.label.text() == (
        "Không mở được cơ sở dữ liệu kiosk.sqlite3: disk I/O error"
    )
    assert window.current_screen() == "home"
    window.toggle_language()
    assert window.banner.label.text() == "Cannot open the database kiosk.sqlite3: disk I/O error"
    qtbot.mouseClick(window.banner, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()


def test_staff_action_before_the_database_opened_says_wait(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window._services = None
    window.open_staff()
    for digit in "1234":
        qtbot.mouseClick(
            window.journey_screen("staff.pin").digit_buttons[digit], Qt.MouseButton.LeftButton
        )
    qtbot.mouseClick(window.journey_screen("staff.pin").ok_button, Qt.MouseButton.LeftButton)
    assert (
        window.journey_screen("staff.pin").message.text()
        == "Kiosk đang khởi động, vui lòng thử lại sau giây lát."
    )
