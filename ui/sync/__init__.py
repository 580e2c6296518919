"""Sync in the window: the worker's bridge and the staff screen's panel.

:func:`install` starts the bridge; the app calls it once the services are open. The
window owns the bridge (its home badge follows it, the staff journey asks the window
for it), closes it (and joins the worker's thread) when it closes, and the app once
more before it closes the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ui.sync.bridge import PROBE_INTERVAL_S, SyncBridge
from ui.sync.panel import SyncPanel

if TYPE_CHECKING:
    from kiosk.services import KioskServices
    from kiosk.sync.backoff import Backoff

__all__ = ["PROBE_INTERVAL_S", "SyncBridge", "SyncOwner", "SyncPanel", "install"]


class SyncOwner(Protocol):
    """What :func:`install` needs of the window: it takes the bridge and owns it."""

    def attach_sync(self, bridge: SyncBridge) -> None: ...


def install(
    window: SyncOwner,
    services: KioskServices,
    *,
    interval_s: float | None = None,
    probe_interval_s: float = PROBE_INTERVAL_S,
    backoff: Backoff | None = None,
) -> SyncBridge:
    """Start syncing for ``window`` (no worker at all when the kiosk has no server).

    ``interval_s`` defaults to the ``sync_interval_s`` setting; tests shorten the probe.
    The window owns the bridge from then on and shows its state; the staff screens
    ask the window for it.
    """
    bridge = SyncBridge(
        services.sync,
        interval_s=interval_s,
        probe_interval_s=probe_interval_s,
        backoff=backoff,
    )
    window.attach_sync(bridge)
    bridge.start()
    return bridge
