"""Driving the kiosk's sync as staff do: a kiosk enrolled with the real centre server,
the staff PIN, the sync panel's buttons.

Worker timings default to "never": only what the test does (a tap on "Đồng bộ ngay",
the server coming back and being probed) starts a pass, so nothing depends on time.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.services import KioskServices
from kiosk.sync.backoff import Backoff
from tests.centre_server import CentreServer
from tests.consent import AGREED
from ui.main_window import KioskWindow
from ui.sync import SyncBridge, install

#: Long enough never to come during a test.
NEVER = 3600.0
PIN = "246810"
#: What the panel shows for the kiosk's fixed clock (02:05 UTC is 09:05 in Hà Nội).
FIXED_NOW_SHOWN = "09:05:00 10/03/2025"
WAIT_MS = 10_000


class _Highest(random.Random):
    """Back-off that always draws the top of its range: "never", not "maybe soon"."""

    def uniform(self, a: float, b: float) -> float:
        return b


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), button.text()
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def unlock_staff(qtbot: QtBot, window: KioskWindow) -> None:
    """Staff mode the way staff open it: the shortcut, then the PIN on the pad."""
    window.services().staff.set_pin(PIN)
    window.open_staff()
    for digit in PIN:
        tap(qtbot, window.journey_screen("staff.pin").digit_buttons[digit])
    tap(qtbot, window.journey_screen("staff.pin").ok_button)
    assert window.current_screen() == "staff"


def enrolled_window(
    kiosk_factory: Callable[..., KioskWindow], centre_server: CentreServer
) -> KioskWindow:
    """A kiosk configured for the centre's server and enrolled with it, as IT leaves it."""
    window = kiosk_factory(server_url=centre_server.url)
    window.services().sync.enrol(centre_server.code())
    return window


def submit_declaration(services: KioskServices) -> str:
    """A citizen's filled birth registration, submitted on the kiosk: its reference."""
    form = services.forms.get(FORM_ID)
    return services.declarations.submit(
        form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
    ).reference


def sync_threads() -> list[threading.Thread]:
    """The sync worker's threads still running."""
    return [thread for thread in threading.enumerate() if thread.name == "kiosk-sync"]


def pass_finished(bridge: SyncBridge) -> bool:
    status = bridge.status()
    return status is not None and not status.syncing and status.last_attempt_at is not None


@contextmanager
def sync_starter() -> Iterator[Callable[..., SyncBridge]]:
    """``install`` as the app does it, with test timings; every bridge closed at the end.

    Use it in a fixture that depends on the window's fixture, so the bridges (and
    their threads) are closed before the windows' services.
    """
    bridges: list[SyncBridge] = []

    def start(window: KioskWindow, **options: object) -> SyncBridge:
        values: dict[str, object] = {
            "interval_s": NEVER,
            "probe_interval_s": NEVER,
            "backoff": Backoff(base_s=NEVER, cap_s=NEVER, rng=_Highest()),
        }
        values.update(options)
        bridge = install(window, window.services(), **values)  # type: ignore[arg-type]
        bridges.append(bridge)
        return bridge

    try:
        yield start
    finally:
        for bridge in bridges:
            bridge.close()
            assert not bridge.running
