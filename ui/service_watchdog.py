"""systemd's watchdog fed from the Qt event loop.

The pings are sent by a ``QTimer`` on the GUI thread rather than by a thread of their
own: a thread would keep pinging while the window hangs, and a hung kiosk is exactly
what the watchdog must restart (``kiosk.service_manager``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk import service_manager
from kiosk.service_manager import ServiceNotifier


def start(parent: QObject, notifier: ServiceNotifier | None = None) -> QTimer | None:
    """Say ``READY=1`` and ping every half watchdog period for as long as ``parent``
    lives; ``None`` (nothing sent) when no service manager listens or no watchdog is
    asked for."""
    notifier = notifier or service_manager.from_environment()
    if notifier is None:
        return None
    notifier.ready()
    if notifier.ping_interval_s is None:
        return None
    timer = QTimer(parent)
    timer.setObjectName("service_watchdog")
    timer.setInterval(max(1, int(notifier.ping_interval_s * 1000)))

    def ping() -> None:  # not the bound method: Qt holds that by a weak reference only,
        notifier.ping()  # and nothing else keeps the notifier alive

    timer.timeout.connect(ping)
    timer.start()
    notifier.ping()
    return timer
