"""Fixtures shared by the UI tests of several journeys (more in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.form.form_driver import FormDriver
from ui.main_window import KioskWindow
from ui.sync import SyncBridge


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
