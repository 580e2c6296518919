"""Walking away: the countdown, a touch that continues, and the wipe."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kiosk.config import Language, TextScale, Theme
from ui.host import JourneySpec
from ui.main_window import KioskWindow
from ui.widgets.screen import Screen

#: ASCII on purpose: QTest cannot type non-Latin-1 keys (it asserts); citizens at a
#: kiosk often type without accents anyway.
TYPED = "Nguyen Van An 0912345678"


class FormLikeScreen(Screen):
    """Stands in for a journey screen with text fields of every kind."""

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


def add_typing_journey(window: KioskWindow) -> None:
    window.add_journey(JourneySpec("typing", lambda host: {"typing": FormLikeScreen()}))


def test_walking_away_wipes_everything_typed_and_resets_language(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], staff_pin: str
) -> None:
    window = idle_window(window_factory)
    window.idle.stop()  # the citizen is busy typing; the clock starts when they leave
    add_typing_journey(window)

    qtbot.mouseClick(window.home.language_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.text_size_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.home.contrast_button, Qt.MouseButton.LeftButton)
    assert window.languages.language == Language.ENGLISH

    window.show_screen("typing")
    form = window.screens["typing"]
    assert isinstance(form, FormLikeScreen)
    qtbot.keyClicks(form.name, TYPED)
    qtbot.keyClicks(form.address, TYPED)
    qtbot.keyClicks(form.note, TYPED)
    form.age.selectAll()
    qtbot.keyClicks(form.age, "77")
    assert form.echo.text() == TYPED
    assert form.age.value() == 77

    window.open_staff()
    pad = window.screens["staff.pin"]
    for digit in "9753":
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert pad.field.text() == "9753"  # type: ignore[attr-defined]

    with qtbot.waitSignal(window.idle.warning, timeout=2000):
        window.idle.start()
    assert window.overlay.isVisible()
    with qtbot.waitSignal(window.visit_ended, timeout=2000):
        pass
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert window.current_screen() == "home"
    assert not window.overlay.isVisible()
    # The screens the citizen typed into are gone, not emptied: nothing to forget.
    assert not isValid(form)
    assert not isValid(pad)
    assert set(window.screens) == {"home", "error"}
    leftovers = [t for t in texts_anywhere(window) if "Nguyen" in t or "9753" in t]
    assert leftovers == []
    assert window.visit.is_empty()
    assert window.languages.language == Language.VIETNAMESE
    assert window.home.greeting.text() == "Kính chào Ông/Bà. Ông/Bà cần làm thủ tục gì?"
    assert window.text_scale == TextScale.NORMAL
    assert window.theme == Theme.STANDARD
    # A new visit builds new screens, empty.
    window.show_screen("typing")
    fresh = window.screens["typing"]
    assert isinstance(fresh, FormLikeScreen)
    assert fresh is not form
    assert fresh.name.text() == ""


def test_a_citizen_who_goes_home_and_walks_away_is_still_forgotten(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    """Home is not a hiding place: a visit that holds something is reset from there too."""
    window = idle_window(window_factory)
    window.idle.stop()
    qtbot.mouseClick(window.home.language_button, Qt.MouseButton.LeftButton)
    window.visit.search_query = "khai sinh"
    assert window.current_screen() == "home"
    assert not window.is_pristine()
    with qtbot.waitSignal(window.visit_ended, timeout=3000):
        window.idle.start()
    assert window.visit.search_query == ""
    assert window.is_pristine()
    assert window.languages.language == Language.VIETNAMESE


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
        qtbot.assertNotEmitted(window.visit_ended),
        qtbot.waitSignal(window.idle.resumed, timeout=1000),
    ):
        qtbot.mouseClick(window.overlay.continue_button, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible()
    assert window.current_screen() == "help"


def test_idle_on_an_untouched_home_screen_shows_no_countdown(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = idle_window(window_factory)
    assert window.is_pristine()
    with qtbot.assertNotEmitted(window.idle.warning, wait=300):
        pass
    assert not window.overlay.isVisible()


def test_a_visit_ended_during_the_countdown_leaves_the_next_citizen_alone(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    """The last citizen's countdown is over with their visit: it never ends the next one."""
    window = window_factory(idle_timeout_s=0.05, idle_warning_s=1.0)
    window.show_screen("help")
    with qtbot.waitSignal(window.idle.warning, timeout=2000):
        pass
    assert window.idle.is_warning()
    window.end_visit()  # another way out: "Về trang chủ", a ticket screen's return timer
    assert not window.idle.is_warning()
    assert not window.overlay.isVisible()
    window.show_screen("help")  # the next citizen starts at once
    window.idle.stop()  # and keeps tapping: no fresh quiet time runs out
    with qtbot.assertNotEmitted(window.visit_ended, wait=1300):
        pass
    assert window.current_screen() == "help"
