"""The home screen as a citizen meets it: tiles, clock, language, text size, contrast."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale, Theme
from ui.main_window import KioskWindow
from ui.screens.register.screen import UnavailableScreen

TILES = {
    "lookup": ("Tra cứu thủ tục", "Look up a procedure"),
    "form": ("Điền tờ khai", "Fill in a form"),
    "register": ("Hướng dẫn VNeID", "VNeID guide"),
    "queue": ("Lấy số thứ tự", "Get a queue number"),
}


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# "lookup", "queue" and "form" have their journeys: see test_lookup, test_queue, ui/form.
@pytest.mark.parametrize("key", [key for key in TILES if key not in {"lookup", "queue", "form"}])
def test_each_tile_opens_its_screen_which_says_not_yet_and_goes_home(
    qtbot: QtBot, window: KioskWindow, key: str
) -> None:
    tile = window.home.tiles[key]
    assert tile.title.text() == TILES[key][0]
    click(qtbot, tile)
    screen = window.screens[key]
    assert window.stack.currentWidget() is screen
    assert isinstance(screen, UnavailableScreen)
    assert screen.title.text() == TILES[key][0]
    assert screen.lead.text() == "Chức năng này chưa có trên máy."
    click(qtbot, screen.home_button)
    assert window.current_screen() == "home"


def test_home_shows_centre_clock_in_local_time_and_offline(window: KioskWindow) -> None:
    home = window.home
    assert home.centre_name.text() == "Trung tâm Phục vụ hành chính công"
    # The kiosk's own name is for staff: not shown, but there for a screen reader.
    assert home.kiosk_line.text() == "Bộ phận một cửa"
    assert "KIOSK-01" in home.kiosk_line.accessibleDescription()
    # 02:05 UTC is 09:05 in Hà Nội; 10 March 2025 was a Monday.
    assert home.clock.time_label.text() == "09:05"
    assert home.clock.date_label.text() == "Thứ Hai, 10/03/2025"
    assert home.status.text() == "● Kiosk vẫn hoạt động khi mất mạng"


def test_language_toggle_retranslates_every_screen_live(qtbot: QtBot, window: KioskWindow) -> None:
    home = window.home
    assert home.language_button.text() == "English"
    click(qtbot, home.language_button)
    assert window.languages.language == Language.ENGLISH
    assert home.language_button.text() == "Tiếng Việt"
    assert home.greeting.text() == "Welcome. Which procedure would you like to do?"
    assert home.status.text() == "● Works without the network"
    assert home.clock.date_label.text() == "Monday, 10/03/2025"
    for key, (_, english) in TILES.items():
        assert home.tiles[key].title.text() == english
        window.journey_screen(key)  # every journey's screens, built in English
    register = window.screens["register"]
    assert register.findChild(QPushButton, "HomeButton").text() == "Back to home"
    assert window.windowTitle() == "One-Stop Kiosk"
    # No Vietnamese left on any label of any screen (names and numbers aside).
    vietnamese_only = set("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")
    for label in window.findChildren(QLabel):
        if label is home.centre_name:
            continue
        assert not set(label.text().lower()) & vietnamese_only, label.text()
    click(qtbot, home.language_button)
    assert home.greeting.text() == "Kính chào Ông/Bà. Ông/Bà cần làm thủ tục gì?"
    assert window.languages.language == Language.VIETNAMESE


def test_help_screen_in_plain_vietnamese(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, window.home.help_button)
    assert window.current_screen() == "help"
    assert window.journey_screen("help").title.text() == "Hướng dẫn sử dụng"
    assert "lấy số thứ tự" in window.journey_screen("help").steps[0].text()
    click(qtbot, window.journey_screen("help").home_button)
    assert window.current_screen() == "home"


def test_text_size_cycles_and_grows_text(qtbot: QtBot, window: KioskWindow) -> None:
    button = window.home.text_size_button
    title = window.home.tiles["lookup"].title
    sizes = []
    assert button.text() == "Cỡ chữ: Vừa"
    words = {TextScale.LARGE: "Lớn", TextScale.LARGEST: "Rất lớn", TextScale.NORMAL: "Vừa"}
    for expected in (TextScale.LARGE, TextScale.LARGEST, TextScale.NORMAL):
        before = title.fontInfo().pixelSize()
        click(qtbot, button)
        assert window.text_scale == expected
        assert button.text() == f"Cỡ chữ: {words[expected]}"
        sizes.append((before, title.fontInfo().pixelSize()))
    assert sizes[0][1] > sizes[0][0]
    assert sizes[1][1] > sizes[1][0]
    assert sizes[2][1] < sizes[2][0]


def test_high_contrast_toggle(qtbot: QtBot, window: KioskWindow) -> None:
    click(qtbot, window.home.contrast_button)
    assert window.theme == Theme.HIGH_CONTRAST
    assert window.home.contrast_button.isChecked()
    assert "#ffff00" in window.styleSheet()
    assert window.home.greeting.palette().color(window.home.greeting.foregroundRole()).name() == (
        "#ffffff"
    )
    click(qtbot, window.home.contrast_button)
    assert window.theme == Theme.STANDARD
    assert "#ffff00" not in window.styleSheet()


@pytest.mark.parametrize("scale", [100, 150])
def test_touch_targets_and_text_are_big_enough(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: int
) -> None:
    window = window_factory(text_scale=TextScale(scale))
    for name in ("home", "lookup", "help", "staff.pin", "staff", "error"):
        window.show_screen(name)
        qtbot.waitUntil(lambda w=window.screens[name]: w.isVisible())
        buttons = [b for b in window.screens[name].findChildren(QPushButton) if b.isVisible()]
        labels = [lb for lb in window.screens[name].findChildren(QLabel) if lb.isVisible()]
        assert buttons or name == "error"
        for button in buttons:
            assert button.height() >= 64, (name, button.text(), button.height())
        for label in labels:
            assert label.fontInfo().pixelSize() >= 20 * scale // 100, (name, label.text())


def test_language_set_elsewhere_updates_the_toggle(window: KioskWindow) -> None:
    window.languages.set_language(Language.ENGLISH)
    assert window.home.language_button.text() == "Tiếng Việt"
    window.end_visit()
    assert window.home.language_button.text() == "English"
