"""SyncBridge: the sync worker's life inside the window, and its news on the UI thread.

:class:`~kiosk.sync.worker.SyncWorker` runs passes on a Python thread of its own and
calls back from there. Widgets may only be touched from the UI thread, so the
callback only emits a signal of this object, which lives on the UI thread: the
queued connection turns it into a call there, and :attr:`status_changed` is always
emitted on the UI thread.

A kiosk with no server (the embedded default) runs no worker at all; the bridge then
publishes the database's status once, which says so. "Sync now" on such a kiosk looks
again, so a kiosk enrolled from the command line while it runs starts syncing at once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.errors import KioskError
from kiosk.sync.api import SyncStatus
from kiosk.sync.worker import SyncWorker
from ui.ops import Op

if TYPE_CHECKING:
    from kiosk.sync.backoff import Backoff
    from kiosk.sync.service import SyncService

log = logging.getLogger("kiosk.ui")

# How often an offline kiosk asks whether its server is back.
PROBE_INTERVAL_S = 15.0


class SyncBridge(QObject):
    """Owns the :class:`SyncWorker` (when there is a server) until :meth:`close`."""

    # The latest ``SyncStatus``; emitted on the UI thread only.
    status_changed = Signal(object)
    # Emitted on the worker's thread; queued to :meth:`_from_worker` on the UI thread.
    _reported = Signal(object)

    def __init__(
        self,
        service: SyncService,
        parent: QObject | None = None,
        *,
        interval_s: float | None = None,
        probe_interval_s: float = PROBE_INTERVAL_S,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._interval_s = interval_s
        self._probe_interval_s = probe_interval_s
        self._backoff = backoff
        self._worker: SyncWorker | None = None
        self._status: SyncStatus | None = None
        self._looking = False
        self._closed = False
        self._reports = 0  # statuses the worker reported so far
        self._reported.connect(self._from_worker, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        """A worker thread is syncing for this kiosk."""
        return self._worker is not None and self._worker.running

    def status(self) -> SyncStatus | None:
        """The latest status; ``None`` until the first one arrived."""
        return self._status

    def start(self) -> None:
        """Start the worker if the kiosk has a server; otherwise publish why not.

        Whether there is one is read from the database off the UI thread; the worker
        (whose construction reads the status) is built there too and started here.
        """
        if self._closed or self._worker is not None or self._looking:
            return
        self._looking = True
        service = self._service
        interval_s, probe_s, backoff = self._interval_s, self._probe_interval_s, self._backoff
        relay = self._relay

        def look() -> SyncWorker | SyncStatus:
            if service.server_url() is None:
                return service.status()
            return SyncWorker(
                service,
                interval_s=interval_s,
                probe_interval_s=probe_s,
                backoff=backoff,
                on_change=relay,
            )

        Op(look).on_success(self._begin).on_failure(self._look_failed).start()

    def refresh(self) -> None:
        """Re-read the counts now (staff opened their screen); the worker keeps running."""
        if self._closed or self._looking:
            return
        worker = self._worker
        read = self._service.status if worker is None else worker.refresh
        asked_at = self._reports

        def arrived(status: SyncStatus) -> None:
            # A pass that reported meanwhile knows better than this earlier read.
            if self._reports == asked_at:
                self._deliver(status)

        Op(read).on_success(arrived).on_failure(_read_failed).start()

    def request_sync(self) -> None:
        """A pass as soon as the current one is over; never waits for the network."""
        if self._worker is not None:
            self._worker.request_sync()
        else:
            self.start()

    def close(self, timeout: float | None = None) -> None:
        """Stop the worker and join its thread (a pass in flight finishes first)."""
        self._closed = True
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.close(timeout)
            log.info("sync worker stopped")

    def _begin(self, found: SyncWorker | SyncStatus) -> None:
        self._looking = False
        if self._closed:
            return
        if isinstance(found, SyncStatus):
            self._deliver(found)
            return
        self._worker = found
        found.start()
        log.info("sync worker started")
        self._deliver(found.state())

    def _look_failed(self, error: KioskError) -> None:
        self._looking = False
        _read_failed(error)

    def _relay(self, status: SyncStatus) -> None:
        """The worker's callback, on the worker's thread: hand over, touch nothing."""
        if not self._closed:
            self._reported.emit(status)

    @Slot(object)
    def _from_worker(self, status: SyncStatus) -> None:
        self._reports += 1
        self._deliver(status)

    def _deliver(self, status: SyncStatus) -> None:
        if self._closed:
            return
        self._status = status
        self.status_changed.emit(status)


def _read_failed(error: KioskError) -> None:
    log.warning("sync status could not be read: %s", type(error).__name__)
