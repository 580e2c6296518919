"""SIGTERM quits the kiosk the way staff's "Thoát" does, not by the signal's default.

systemd stops and restarts the kiosk with SIGTERM (an upgrade, ``systemctl restart``,
a shutdown). Killed by the signal, the kiosk would leave the visit on screen and its
database to SQLite's recovery; quitting Qt instead runs ``ui.app.main``'s ``finally``:
the visit ends, the sync worker stops, the database closes.

Python runs its signal handlers only when the interpreter gets control, and in
``app.exec()`` Qt holds it. The signal's C handler also writes a byte to a wake-up
socket (``signal.set_wakeup_fd``) that Qt watches, so the event loop calls back into
Python at once and the handler runs.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

log = logging.getLogger("kiosk.ui")


class TerminationWatch(QObject):
    """Owns the wake-up socket pair for as long as the application lives."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)

        def drain() -> None:  # the Python handler has run by the time this returns
            with contextlib.suppress(BlockingIOError):
                self._read.recv(64)

        self._notifier.activated.connect(drain)
        signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)

        def terminate(signum: int, _frame: object) -> None:
            log.info("stopping: %s", signal.Signals(signum).name)
            app.quit()

        signal.signal(signal.SIGTERM, terminate)


def quit_on_terminate(app: QCoreApplication) -> TerminationWatch:
    """Quit ``app`` on SIGTERM, from now until it is gone."""
    return TerminationWatch(app)
