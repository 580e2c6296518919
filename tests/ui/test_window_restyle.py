"""The window styles itself again only where its look changed.

Moving to another shape of panel restyles what the style sheet styles for the panel
left or the one entered (the keys at 1366×768 with the largest text, the bottom bar
while typing on a landscape panel): there and back, each panel looks the same every
time, whichever panel came before. Ending a visit in the kiosk's own look restyles
nothing; ending one where the citizen made the text larger brings the kiosk's back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import TextScale
from tests.ui.form.form_driver import FormDriver
from ui.main_window import KioskWindow
from ui.theme import MIN_TOUCH_PX
from ui.widgets.label import Label

SHORT = (1366, 768)
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)

Look = tuple[tuple[int, ...], tuple[tuple[str, int, int], ...]]


def place(qtbot: QtBot, window: KioskWindow, panel: tuple[int, int]) -> None:
    window.setGeometry(QRect(QPoint(0, 0), QSize(*panel)))
    qtbot.waitUntil(lambda: window.size() == QSize(*panel))
    for _ in range(4):
        QApplication.processEvents()


def look(window: KioskWindow) -> Look:
    """The key heights, and each bottom bar button's minimum and wanted height."""
    keys = tuple(
        sorted(
            {key.height() for key in window.keyboard.findChildren(QPushButton) if key.isVisible()}
        )
    )
    screen = window.stack.currentWidget()
    assert screen is not None
    bar = screen.findChild(QWidget, "NavBar")
    assert bar is not None
    buttons = tuple(
        (b.objectName(), b.minimumHeight(), b.sizeHint().height())
        for b in bar.findChildren(QPushButton)
        if b.isVisible()
    )
    return keys, buttons


def test_each_panel_looks_the_same_whichever_panel_came_before(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    driver.open("khai-sinh")
    field = driver.text_input("authority").edit
    driver.focus(field)
    seen: dict[tuple[int, int], Look] = {}
    for panel in (SHORT, PORTRAIT, LANDSCAPE, PORTRAIT, SHORT, LANDSCAPE, SHORT, PORTRAIT):
        place(qtbot, window, panel)
        assert window.keyboard.isVisible()
        now = look(window)
        assert seen.setdefault(panel, now) == now, panel
    short_keys, short_bar = seen[SHORT]
    landscape_keys, landscape_bar = seen[LANDSCAPE]
    portrait_keys, portrait_bar = seen[PORTRAIT]
    # Keys 48 px at 1366×768 with the largest text, 64 px on the others.
    assert max(short_keys) < MIN_TOUCH_PX == max(landscape_keys) == max(portrait_keys)
    # While typing on a landscape panel the bottom bar gives the field room; standing,
    # there is room enough.
    assert short_bar == landscape_bar != portrait_bar
    assert all(
        typing[1] < standing[1]
        for typing, standing in zip(landscape_bar, portrait_bar, strict=True)
    )


class StyleChanges(QObject):
    """Counts the times a widget is told its style changed."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_a_visit_ended_in_the_kiosks_own_look_restyles_nothing(
    qtbot: QtBot, window: KioskWindow
) -> None:
    changes = StyleChanges(window.home)
    sheet = window.styleSheet()
    window.end_visit()
    assert changes.count == 0
    assert window.styleSheet() == sheet


def test_a_visit_ended_with_larger_text_brings_the_kiosks_text_size_back(
    qtbot: QtBot, window: KioskWindow
) -> None:
    def sizes() -> list[int]:
        return [label.font().pixelSize() for label in window.home.findChildren(Label)]

    normal = sizes()
    window.next_text_scale()  # the citizen's "Chữ lớn"
    larger = sizes()
    assert all(big >= small for big, small in zip(larger, normal, strict=True))
    assert larger != normal
    changes = StyleChanges(window.home)
    window.end_visit()
    assert changes.count > 0
    assert window.text_scale == TextScale.NORMAL
    assert sizes() == normal
