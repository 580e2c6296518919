"""SyncWorker: sync passes on a thread of their own, so no screen ever waits for the network.

When it runs a pass:

- once at start-up;
- every ``interval_s`` while passes succeed;
- after a failure, when the back-off (or the server's ``Retry-After``, or the outbox
  entries' own wait) says so;
- while the server is unreachable, as soon as a cheap health probe (every
  ``probe_interval_s``) finds it again: the network is back;
- whenever :meth:`request_sync` asks ("Đồng bộ ngay" on the staff screen);
- as soon as the outbox grows (a declaration saved, a ticket issued: the kiosk's change
  feed announces ``outbox``), when the last pass succeeded. A citizen's declaration then
  reaches the centre's server within a second, not after ``interval_s``. After a
  failed pass a new entry changes nothing: the back-off, the server's ``Retry-After``
  and the probe keep spacing the attempts, so a busy morning offline is not a storm
  of connection attempts.

After a refused token (needs enrolment) or with no server configured it waits for
:meth:`request_sync` only. ``on_change`` is called from the worker thread with each
new :class:`SyncStatus`; the UI marshals it to its own thread.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from kiosk.changes import ChangeFeed, Changes, Unsubscribe
from kiosk.sync.api import SyncReport, SyncStatus
from kiosk.sync.backoff import Backoff
from kiosk.sync.service import SyncService
from wire.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("kiosk.sync")

#: Shown when a pass failed in a way the kiosk did not expect (a bug, logged in full).
UNEXPECTED_FAILURE = QT_TRANSLATE_NOOP("Sync", "Lỗi không mong đợi khi đồng bộ; xem nhật ký.")

StatusListener = Callable[[SyncStatus], None]


class SyncWorker:
    """Runs :meth:`SyncService.sync_once` on one non-daemon thread; :meth:`close` joins it."""

    def __init__(
        self,
        service: SyncService,
        *,
        interval_s: float | None = None,
        probe_interval_s: float = 15.0,
        backoff: Backoff | None = None,
        on_change: StatusListener | None = None,
        changes: ChangeFeed | None = None,
    ) -> None:
        """``changes``: the feed announcing new outbox entries (default: the service's)."""
        self._service = service
        self._changes = service.changes if changes is None else changes
        self._unsubscribe: Unsubscribe | None = None
        if interval_s is None:
            interval_s = service.settings.sync_interval_s
        self._interval_s = interval_s
        self._probe_interval_s = probe_interval_s
        self._backoff = backoff or Backoff()
        self._on_change = on_change
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._guard = threading.Lock()
        self._requested = False
        #: The feed announced new outbox entries since the thread last looked.
        self._outbox_grew = False
        #: Whether the last pass succeeded; written by the worker thread under the guard.
        self._last_pass_ok = False
        self._thread: threading.Thread | None = None
        self._online: bool | None = None
        self._syncing = False
        self._next_in_s: float | None = None
        #: Read once here; from then on refreshed by the worker thread only.
        self._status = service.status()
        self._passes = 0
        self._wakes = 0

    # --- control, from any thread; none of these wait for the network ----------------

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sync worker was already started")
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=False)
        self._unsubscribe = self._changes.subscribe(self._changed)
        self._thread.start()

    def request_sync(self) -> None:
        """Run a pass as soon as the current one (if any) is over."""
        with self._guard:
            self._requested = True
        self._wake.set()

    def close(self, timeout: float | None = None) -> None:
        """Stop and join; a pass in flight finishes first (bounded by the HTTP timeouts)."""
        self._stop.set()
        self._wake.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def passes(self) -> int:
        """Passes run so far (for the staff screen's diagnostics and tests)."""
        return self._passes

    @property
    def wakes(self) -> int:
        """Passes started because the outbox grew (never while offline)."""
        with self._guard:
            return self._wakes

    def state(self) -> SyncStatus:
        """The latest status, as of the last pass or probe; never touches disk or network."""
        with self._guard:
            return self._status

    def refresh(self) -> SyncStatus:
        """The counts re-read from the database now, with what the worker knows kept.

        Citizens submit between passes: staff opening their screen want the pending
        count of now, not of the last pass. Reads the database, so not for a UI thread;
        it publishes nothing, so a pass's own status is never overwritten by it.
        """
        known = self.state()
        fresh = self._service.status(online=known.online)
        return replace(fresh, syncing=known.syncing, next_attempt_at=known.next_attempt_at)

    # --- the thread -------------------------------------------------------------------

    def _run(self) -> None:
        failures = 0
        next_pass = time.monotonic()  # a pass at start-up
        next_probe = math.inf
        while not self._stop.is_set():
            now = time.monotonic()
            forced = self._take_request()
            grew = self._take_growth()
            due = now >= next_pass
            if forced or grew or due:
                if grew and not (forced or due):
                    with self._guard:
                        self._wakes += 1
                delay, failures = self._run_pass(forced, failures)
                next_pass = time.monotonic() + delay
                next_probe = time.monotonic() + self._probe_interval_s
                continue
            probing = self._online is False and not math.isinf(next_pass)
            if probing and now >= next_probe:
                next_probe = now + self._probe_interval_s
                if self._service.probe():
                    log.info("sync server reachable again")
                    self.request_sync()
                continue
            # The probe's time is kept, not restarted, when something wakes the thread
            # early: new entries arriving offline must not put the probe off for ever.
            wait = (min(next_pass, next_probe) if probing else next_pass) - now
            self._wake.wait(timeout=None if math.isinf(wait) else max(0.0, wait))
            self._wake.clear()

    def _changed(self, changes: Changes) -> None:
        """From the feed, on the writer's thread: new entries want a pass if online.

        Growth is noted even while a pass runs or after a failed one: the worker
        weighs it against how that pass ended (:meth:`_take_growth`).
        """
        if not changes.outbox:
            return
        with self._guard:
            self._outbox_grew = True
            if not self._last_pass_ok:
                return  # the back-off or the probe decides when to try again
        self._wake.set()

    def _run_pass(self, forced: bool, failures: int) -> tuple[float, int]:
        """One pass; returns the wait before the next one and the failure count.

        After an offline pass the outbox's back-off is not waited out: the worker's own
        schedule (or the probe) already spaced the attempts.
        """
        self._publish(syncing=True)
        try:
            report = self._service.sync_once(force=forced or self._online is False)
        except Exception:
            log.exception("sync pass failed unexpectedly")
            failures += 1
            delay = self._backoff.delay(failures)
            self._online = None
            self._set_last_pass_ok(False)
            self._publish(syncing=False, delay=delay, unexpected=True)
            return delay, failures
        finally:
            self._passes += 1
        self._set_last_pass_ok(report.outcome == "ok")
        delay, failures = self._schedule(report, failures)
        if report.online:
            self._online = True
        else:
            # Not reached: offline when it was tried, unknown when it was not (no server,
            # no token).
            self._online = False if report.outcome == "retry" else None
        self._publish(syncing=False, delay=delay)
        return delay, failures

    def _schedule(self, report: SyncReport, failures: int) -> tuple[float, int]:
        if report.outcome == "ok":
            return self._interval_s, 0
        if report.outcome in ("needs_enrolment", "not_configured"):
            return math.inf, failures
        failures += 1
        if report.retry_at is not None:
            return max(0.0, (report.retry_at - self._service.clock()).total_seconds()), failures
        return self._backoff.delay(failures), failures

    def _take_request(self) -> bool:
        with self._guard:
            requested, self._requested = self._requested, False
        return requested

    def _take_growth(self) -> bool:
        """Whether new entries want a pass now: only after a pass that succeeded."""
        with self._guard:
            grew, self._outbox_grew = self._outbox_grew and self._last_pass_ok, False
        return grew

    def _set_last_pass_ok(self, ok: bool) -> None:
        with self._guard:
            self._last_pass_ok = ok

    def _publish(
        self, *, syncing: bool, delay: float | None = None, unexpected: bool = False
    ) -> None:
        try:
            status = self._service.status(online=self._online)
        except Exception:
            log.exception("sync status could not be read")
            status = self.state()
        next_at = None
        if delay is not None and not math.isinf(delay):
            next_at = self._service.clock() + timedelta(seconds=delay)
        status = replace(status, online=self._online, syncing=syncing, next_attempt_at=next_at)
        if unexpected:
            status = replace(status, last_error=UNEXPECTED_FAILURE)
        with self._guard:
            self._status = status
        if self._on_change is not None:
            try:
                self._on_change(status)
            except Exception:
                log.exception("sync status listener failed")
