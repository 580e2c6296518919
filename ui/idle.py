"""The idle watchdog: a citizen who walks away must leave nothing on screen.

An application-wide event filter restarts a timer on every touch, click, key or
wheel. When it runs out the window shows a countdown (``warning``); any input then
resumes (``resumed``); if the countdown ends, ``expired`` tells the window to wipe
the session and go home.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from typing_extensions import override

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


def _ms(seconds: float) -> int:
    return max(1, round(seconds * 1000))


class IdleWatchdog(QObject):
    """Counts quiet time; ``needs_warning`` may veto a warning (nothing to wipe)."""

    warning = Signal()
    resumed = Signal()
    expired = Signal()

    def __init__(self, timeout_s: float, warning_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needs_warning: Callable[[], bool] = lambda: True
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(_ms(timeout_s))
        self._idle.timeout.connect(self._on_idle)
        self._countdown = QTimer(self)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.setSingleShot(True)
        self._countdown.setInterval(_ms(warning_s))
        self._countdown.timeout.connect(self._on_expired)
        self._watching = False

    @property
    def warning_ms(self) -> int:
        return self._countdown.interval()

    def start(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        self._idle.start()

    def stop(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._idle.stop()
        self._countdown.stop()

    def is_warning(self) -> bool:
        return self._countdown.isActive()

    def remaining_ms(self) -> int:
        """Milliseconds left in the countdown (0 when none runs)."""
        if not self._countdown.isActive():
            return 0
        return min(self._countdown.interval(), max(0, self._countdown.remainingTime()))

    def poke(self) -> None:
        """Someone is here: cancel any countdown and start counting quiet time again."""
        if self._countdown.isActive():
            self._countdown.stop()
            self.resumed.emit()
        if self._watching:
            self._idle.start()

    def restart(self) -> None:
        """A new visit begins: a countdown left from the last one must not end this one."""
        self._countdown.stop()
        if self._watching:
            self._idle.start()

    def warn_now(self) -> None:
        """Start the countdown at once, as if the quiet time had just run out."""
        self._idle.stop()
        self._countdown.start()
        self.warning.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False

    def _on_idle(self) -> None:
        if not self.needs_warning():
            self._idle.start()
            return
        self._countdown.start()
        self.warning.emit()

    def _on_expired(self) -> None:
        self.expired.emit()
        if self._watching:
            self._idle.start()
