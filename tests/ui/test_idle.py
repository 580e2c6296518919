"""Walking away: the countdown, a touch that continues, and the wipe."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale, Theme
from ui.main_window import KioskWindow
from ui.screens.base import Screen

#: ASCII on purpose: QTest cannot type non-Latin-1 keys (it asserts); citizens at a
#: kiosk often type without accents anyway.
TYPED = "Nguyen Van An 0912345678"


class FormLikeScreen(Screen):
    """Stands in for a journey screen with text fields; its reset() forgets nothing,
    so the window's own wipe is what is tested."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit(self)
        self.address = QTextEdit(self)
        self.note = QPlainTextEdit(self)
        self.age = QSpinBox(self)
        self.age.setRange(0, 120)
        self.echo = QLabel(self)
        self.name.textChanged.connect(self.echo.setText)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.address, self.note, self.age, self.echo):
            layout.addWidget(widget)

    def retranslate(self) -> None:
        pass

    def reset(self) -> None:
        self.echo.clear()


def texts_anywhere(window: KioskWindow) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QLabel):
            found.append(widget.text())
        elif isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
        elif isinstance(widget, QSpinBox):
            found.append(widget.text())
    return found


def idle_window(window_factory: Callable[..., KioskWindow]) -> KioskWindow:
    return window_factory(idle_timeout_s=0.05, idle_warning_s=0.3)


def test_walking_away_wipes_everything_typed_and_resets_language(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = idle_window(window_factory)
    window.idle.stop()  # the citizen is busy typing; the clock starts when they leave
    form = FormLikeScreen()
    window.add_screen("form", form)

    qtbot.mouseClick(window.home.language_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.text_size_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.contrast_button, Qt.MouseButton.LeftButton)
    assert window.languages.language == Language.ENGLISH

    qtbot.mouseClick(window.home.tiles["form"], Qt.MouseButton.LeftButton)
    assert window.current_screen_name() == "form"
    qtbot.keyClicks(form.name, TYPED)
    qtbot.keyClicks(form.address, TYPED)
    qtbot.keyClicks(form.note, TYPED)
    form.age.selectAll()
    qtbot.keyClicks(form.age, "77")
    assert form.echo.text() == TYPED
    assert form.age.value() == 77

    window.open_staff()
    for digit in "9753":
        qtbot.mouseClick(window.pin_pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    assert window.pin_pad.field.text() == "9753"

    with qtbot.waitSignal(window.idle.warning, timeout=2000):
        window.idle.start()
    assert window.overlay.isVisible()
    with qtbot.waitSignal(window.session_reset, timeout=2000):
        pass

    assert window.current_screen_name() == "home"
    assert not window.overlay.isVisible()
    leftovers = [t for t in texts_anywhere(window) if "Nguyen" in t or "9753" in t]
    assert leftovers == []
    assert form.age.value() == 0
    assert window.pin_pad.field.isUndoAvailable() is False
    assert window.languages.language == Language.VIETNAMESE
    assert window.home.greeting.text() == "Xin chào! Bạn cần làm gì hôm nay?"
    assert window.text_scale == TextScale.NORMAL
    assert window.theme == Theme.STANDARD
    assert not window.staff_mode.is_unlocked


def test_a_touch_on_the_countdown_continues(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = idle_window(window_factory)
    window.show_screen("help")
    with qtbot.waitSignal(window.idle.warning, timeout=2000):
        pass
    assert window.overlay.isVisible()
    assert window.overlay.countdown.text() in {"1 giây", "0 giây"}
    with (
        qtbot.assertNotEmitted(window.session_reset),
        qtbot.waitSignal(window.idle.resumed, timeout=1000),
    ):
        qtbot.mouseClick(window.overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible()
    assert window.current_screen_name() == "help"


def test_idle_on_an_untouched_home_screen_shows_no_countdown(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = idle_window(window_factory)
    assert window.is_pristine()
    with qtbot.assertNotEmitted(window.idle.warning, wait=300):
        pass
    assert not window.overlay.isVisible()
