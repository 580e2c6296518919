"""Kiosk mode holds the screen: a minimised or deactivated window comes back, and the
OS shortcuts the window sees do nothing, while typing still reaches the fields.

Everything goes through Qt's own event path on the offscreen platform: ``showMinimized``
changes the window's state as a minimise shortcut would; showing another top-level
window makes the platform activate it and deactivate the kiosk, as another program
taking the focus does (one process has no other program to start, so a stray window of
its own stands in for one); keys are pressed with qtbot into the focused field, and a
filter on the field itself records what arrives after the application's filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from typing_extensions import override

from tests.ui.staff.conftest import StaffDriver
from tests.ui.test_keyboard import focus, open_fields, tap, type_letters
from ui.main_window import KioskWindow

Mod = Qt.KeyboardModifier
#: qtbot presses a shortcut's modifier keys before it: on their own they are typing keys.
MODIFIER_KEYS = frozenset({Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt})


class KeysSeen(QObject):
    """The key presses that reached a widget past the application's filters."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.presses: list[tuple[Qt.Key, Qt.KeyboardModifier]] = []
        widget.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.presses.append((Qt.Key(event.key()), event.modifiers()))
        return False


@pytest.fixture
def kiosk(qtbot: QtBot, window_factory: Callable[..., KioskWindow]) -> KioskWindow:
    window = window_factory(kiosk_mode=True)
    window.present()
    qtbot.waitUntil(window.isFullScreen)
    window.activateWindow()
    qtbot.waitActive(window)
    assert window.kiosk_lock.engaged
    return window


@pytest.fixture
def stray(qtbot: QtBot) -> Iterator[Callable[[], QWidget]]:
    """Shows a top-level window the kiosk did not open: it takes the focus."""
    made: list[QWidget] = []

    def show() -> QWidget:
        other = QWidget()
        other.setWindowTitle("another program")
        other.resize(300, 200)
        qtbot.addWidget(other)
        made.append(other)
        other.show()
        other.activateWindow()
        return other

    yield show
    for other in made:
        other.close()


def test_a_minimised_kiosk_is_full_screen_again(qtbot: QtBot, kiosk: KioskWindow) -> None:
    with qtbot.waitSignal(kiosk.kiosk_lock.taken_back, timeout=2000) as taken:
        kiosk.showMinimized()
        assert kiosk.isMinimized()  # the OS's minimise went through first
    assert taken.args == ["minimised"]
    qtbot.waitUntil(lambda: kiosk.isFullScreen() and not kiosk.isMinimized())
    assert kiosk.geometry().contains(kiosk.screen().geometry())
    qtbot.waitActive(kiosk)


def test_a_window_that_takes_the_focus_loses_it_to_the_kiosk(
    qtbot: QtBot, kiosk: KioskWindow, stray: Callable[[], QWidget]
) -> None:
    focused: list[QWindow | None] = []
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.focusWindowChanged.connect(focused.append)

    with qtbot.waitSignal(kiosk.kiosk_lock.taken_back, timeout=2000) as taken:
        other = stray()
        qtbot.waitUntil(lambda: kiosk.kiosk_lock.pending)  # deactivated, about to take back
        assert QApplication.activeWindow() is other
    assert taken.args == ["deactivated"]
    qtbot.waitUntil(kiosk.isActiveWindow)
    app.focusWindowChanged.disconnect(focused.append)
    assert focused[-2:] == [other.windowHandle(), kiosk.windowHandle()]
    assert other.isVisible()  # not closed: only put behind the kiosk
    assert kiosk.isFullScreen()


def test_the_kiosks_own_dialog_keeps_the_focus(qtbot: QtBot, kiosk: KioskWindow) -> None:
    dialog = QWidget(kiosk, Qt.WindowType.Dialog)
    dialog.resize(300, 200)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: kiosk.kiosk_lock.pending)
    with qtbot.assertNotEmitted(kiosk.kiosk_lock.taken_back):
        qtbot.waitUntil(lambda: not kiosk.kiosk_lock.pending)  # the take-back looked
    assert QApplication.activeWindow() is dialog
    dialog.close()


def test_os_shortcuts_are_swallowed_and_typing_goes_through(
    qtbot: QtBot, kiosk: KioskWindow
) -> None:
    screen = open_fields(qtbot, kiosk)
    focus(qtbot, screen.name)
    seen = KeysSeen(screen.name)
    os_keys = [
        (Qt.Key.Key_Meta, Mod.MetaModifier),
        (Qt.Key.Key_Super_L, Mod.NoModifier),
        (Qt.Key.Key_Super_R, Mod.NoModifier),
        (Qt.Key.Key_D, Mod.MetaModifier),  # Win+D: the desktop
        (Qt.Key.Key_Tab, Mod.AltModifier),
        (Qt.Key.Key_Backtab, Mod.AltModifier | Mod.ShiftModifier),
        (Qt.Key.Key_Escape, Mod.AltModifier),
        (Qt.Key.Key_Escape, Mod.ControlModifier),
        (Qt.Key.Key_Escape, Mod.ControlModifier | Mod.ShiftModifier),
        (Qt.Key.Key_T, Mod.ControlModifier | Mod.AltModifier),  # a terminal
        (Qt.Key.Key_F2, Mod.ControlModifier | Mod.AltModifier),  # a text console
    ]
    for key, modifiers in os_keys:
        qtbot.keyClick(screen.name, key, modifiers)
    assert [key for key, _ in seen.presses if key not in MODIFIER_KEYS] == []
    assert screen.name.text() == ""
    assert screen.name.hasFocus()
    assert kiosk.isActiveWindow()

    # A physical keyboard: Telex, Backspace, Enter.
    qtbot.keyClicks(screen.name, "Vieejt Nam")
    assert screen.name.text() == "Việt Nam"
    qtbot.keyClick(screen.name, Qt.Key.Key_Backspace)
    assert screen.name.text() == "Việt Na"
    with qtbot.waitSignal(screen.name.returnPressed, timeout=1000):
        qtbot.keyClick(screen.name, Qt.Key.Key_Return)
    assert (Qt.Key.Key_Backspace, Mod.NoModifier) in seen.presses
    # AltGr, which Windows reports as Ctrl+Alt: "@" on a German keyboard.
    screen.name.setText("")
    qtbot.keyClick(screen.name, "@", Mod.ControlModifier | Mod.AltModifier)
    assert screen.name.text() == "@"

    # The on-screen keyboard.
    screen.name.setText("")
    type_letters(qtbot, kiosk, "An")
    tap(qtbot, kiosk.keyboard.backspace_button)
    type_letters(qtbot, kiosk, "nh")
    assert screen.name.text() == "Anh"
    with qtbot.waitSignal(screen.name.returnPressed, timeout=1000):
        tap(qtbot, kiosk.keyboard.enter_button)


def test_the_staff_shortcut_still_opens_staff_mode(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.keyClick(kiosk, Qt.Key.Key_S, Mod.ControlModifier | Mod.AltModifier)
    assert kiosk.current_screen() == "staff.pin"


def test_nothing_is_forced_once_staff_leave_kiosk_mode(
    qtbot: QtBot, kiosk: KioskWindow, staff_pin: str, stray: Callable[[], QWidget]
) -> None:
    staff = StaffDriver(qtbot, kiosk)
    staff.tap(staff.unlock(staff_pin).leave_button)
    assert not kiosk.in_kiosk_mode
    assert not kiosk.kiosk_lock.engaged

    # Staff may switch to another program: the kiosk does not wait to take it back.
    other = stray()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    assert not kiosk.kiosk_lock.pending

    # Their shortcuts reach the kiosk's widgets again.
    field = QLineEdit(kiosk)
    field.show()
    field.setFocus()
    seen = KeysSeen(field)
    qtbot.keyClick(field, Qt.Key.Key_D, Mod.MetaModifier)
    assert seen.presses == [
        (Qt.Key.Key_Meta, Mod.MetaModifier),
        (Qt.Key.Key_D, Mod.MetaModifier),
    ]

    # And a minimised window stays minimised once the event loop has turned.
    kiosk.showMinimized()
    QCoreApplication.processEvents()
    assert kiosk.isMinimized()


def test_kiosk_mode_entered_again_holds_the_screen_again(
    qtbot: QtBot, kiosk: KioskWindow, staff_pin: str
) -> None:
    """Leaving kiosk mode lasts until the visit ends: the next visit is locked again."""
    staff = StaffDriver(qtbot, kiosk)
    staff.tap(staff.unlock(staff_pin).leave_button)
    kiosk.end_visit()
    assert kiosk.in_kiosk_mode
    assert kiosk.kiosk_lock.engaged
    qtbot.waitUntil(kiosk.isFullScreen)
    with qtbot.waitSignal(kiosk.kiosk_lock.taken_back, timeout=2000):
        kiosk.showMinimized()
    qtbot.waitUntil(lambda: kiosk.isFullScreen() and not kiosk.isMinimized())


def test_a_kiosk_that_staff_quit_stays_closed(
    qtbot: QtBot, kiosk: KioskWindow, stray: Callable[[], QWidget]
) -> None:
    kiosk.quit()
    assert kiosk.close()
    assert not kiosk.kiosk_lock.engaged
    other = stray()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    assert not kiosk.kiosk_lock.pending
    assert not kiosk.isVisible()
