"""The core's change announcements (``kiosk.changes``) as a Qt signal on the UI thread.

The core announces on whichever thread committed (usually the database worker); a
widget may only be touched on the UI thread. This adapter subscribes to the feed and
re-emits each :class:`~kiosk.changes.Changes` through a signal of an object that lives
on the UI thread, so Qt queues the call there (or makes it at once when the commit
already ran on the UI thread, as in tests that run operations synchronously). Each
screen then decides what to refresh (``if changes.tickets: …``), as Anki's screens do
with ``OpChanges``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from kiosk.changes import ChangeFeed, Changes, Unsubscribe


class ChangeSignals(QObject):
    """Owned by the window; :meth:`attach` once the services exist, :meth:`detach` at close."""

    # A ``Changes`` value, always emitted on the UI thread.
    changed = Signal(object)
    # Emitted on the committing thread; delivered to ``_deliver`` on the UI thread.
    _announced = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Unsubscribe | None = None
        self._announced.connect(self._deliver)

    def attach(self, feed: ChangeFeed) -> None:
        self.detach()
        self._unsubscribe = feed.subscribe(self._announced.emit)

    def detach(self) -> None:
        unsubscribe, self._unsubscribe = self._unsubscribe, None
        if unsubscribe is not None:
            unsubscribe()

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        self.changed.emit(changes)
