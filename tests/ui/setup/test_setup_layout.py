"""The setup's pages at every panel with the largest text and the keyboard up: the
field being typed into shows whole with its caption, and no button covers a field
or loses a word (the printer page's four buttons once lay over its address field)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.config import TextScale
from tests.ui.form.form_driver import FormDriver
from tests.ui.test_keyboard_layout import (
    PANEL_IDS,
    PANELS,
    assert_in_view,
    place,
    reach,
    settle,
    window_rect,
)
from ui.main_window import KioskWindow
from ui.screens.setup.pages import CodePage, PrinterPage

SETUP_CODE = "TH-2025-7QX4"


def _whole(button: QPushButton) -> None:
    assert button.isVisible(), button.objectName()
    assert button.width() >= button.sizeHint().width(), button.text()


@pytest.mark.parametrize("panel", PANELS, ids=PANEL_IDS)
def test_the_printer_page_shows_its_field_and_every_button_whole_above_the_keys(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = kiosk_factory(setup_code=SETUP_CODE, text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    place(qtbot, window, panel)
    window.show_screen("setup")
    code = window.screens["setup"]
    assert isinstance(code, CodePage)
    driver.focus(code.code_field)
    assert window.keyboard.isVisible()
    assert_in_view(qtbot, code.code_field)
    _whole(code.open_button)
    driver.type_keys(SETUP_CODE)
    driver.tap(code.open_button)

    window.show_screen("setup.printer")
    page = window.screens["setup.printer"]
    assert isinstance(page, PrinterPage)
    field = page.fields[next(iter(page.fields))]
    driver.focus(field)
    settle()
    assert window.keyboard.isVisible()
    assert_in_view(qtbot, field, page.captions[next(iter(page.captions))])
    _whole(page.save_button)
    assert not window_rect(page.save_button).intersects(window_rect(field))
    for button in page.extra.buttons:
        reach(button)
        settle()
        _whole(button)
        assert not window_rect(button).intersects(window_rect(field)), button.text()
