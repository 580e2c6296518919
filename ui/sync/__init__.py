"""Sync in the window: the worker's bridge, the home screen's badge, the staff panel.

:func:`install` is the window's only contact with this package; the app calls it once
the services are open. The window closes the bridge (and joins the worker's thread)
when it closes, and the app once more before it closes the database.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.errors import KioskError
from kiosk.sync.api import SyncStatus
from ui.ops import Op
from ui.sync.bridge import PROBE_INTERVAL_S, SyncBridge
from ui.sync.panel import SyncPanel

if TYPE_CHECKING:
    from kiosk.services import KioskServices
    from kiosk.sync.backoff import Backoff
    from ui.main_window import KioskWindow

__all__ = ["PROBE_INTERVAL_S", "SyncBridge", "SyncPanel", "install"]

log = logging.getLogger("kiosk.ui")


def install(
    window: KioskWindow,
    services: KioskServices,
    *,
    interval_s: float | None = None,
    probe_interval_s: float = PROBE_INTERVAL_S,
    backoff: Backoff | None = None,
) -> SyncBridge:
    """Start syncing for ``window`` (no worker at all when the kiosk has no server).

    ``interval_s`` defaults to the ``sync_interval_s`` setting; tests shorten the probe.
    """
    window.finish_building()
    bridge = SyncBridge(
        services.sync,
        window,
        interval_s=interval_s,
        probe_interval_s=probe_interval_s,
        backoff=backoff,
    )
    panel = window.staff.sync_panel
    bridge.status_changed.connect(panel.show_status)
    bridge.status_changed.connect(lambda status: _show_on_home(window, status))
    window.staff.sync_now_requested.connect(lambda: _sync_now(window, services, bridge))
    window.screen_changed.connect(lambda name: bridge.refresh() if name == "staff" else None)
    window.attach_sync(bridge)
    bridge.start()
    return bridge


def _show_on_home(window: KioskWindow, status: SyncStatus) -> None:
    """Citizens see "online" only when what they submit reaches the centre now."""
    window.home.set_connecting(status.online is None and status.syncing)
    window.set_online(status.connected)


def _sync_now(window: KioskWindow, services: KioskServices, bridge: SyncBridge) -> None:
    """Staff asked for a pass: ask the worker (returns at once), then audit it."""
    if not window.staff_mode.is_unlocked:
        log.warning("staff action staff.sync_now refused: staff mode is locked")
        return
    bridge.request_sync()

    def failed(error: KioskError) -> None:
        log.warning("could not record staff.sync_now: %s", type(error).__name__)

    Op(lambda: services.audit.record("staff", "staff.sync_now"), parent=window.staff).on_failure(
        failed
    ).start()
