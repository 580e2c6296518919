"""Fixtures shared by the UI tests of several journeys (more in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.config import Language
from tests.ui.form.form_driver import FormDriver
from ui.fonts import load_bundled_fonts
from ui.main_window import KioskWindow
from ui.sync import SyncBridge


@pytest.fixture(scope="session", autouse=True)
def bundled_fonts(qapp: QApplication) -> list[str]:
    """The kiosk's own Noto Sans, as ``ui.app`` loads it, in every UI test from the
    first: a layout measured in a fallback font passed or failed by which tests had
    run before it in the same worker."""
    return load_bundled_fonts()


@pytest.fixture(autouse=True)
def vietnamese_to_begin_with() -> None:
    """Every test starts in Vietnamese: the translator is application-wide, and a window
    some earlier test left alive in English (one not closed by the window fixtures)
    would otherwise translate the next test's window too, by the luck of which tests
    share a worker."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, KioskWindow):
            widget.languages.set_language(Language.VIETNAMESE)


@pytest.fixture
def start_sync(
    kiosk_factory: Callable[..., KioskWindow],
) -> Iterator[Callable[..., SyncBridge]]:
    """``start_sync(window, **timings)``: the sync worker as the app installs it
    (``tests.ui.sync_driver.sync_starter``), closed before ``kiosk_factory``'s windows."""
    from tests.ui.sync_driver import sync_starter

    with sync_starter() as start:
        yield start


@pytest.fixture
def driver(qtbot: QtBot, window: KioskWindow) -> FormDriver:
    """A citizen's hands on the kiosk window (``tests.ui.form.form_driver``)."""
    return FormDriver(qtbot, window)
