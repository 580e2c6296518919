"""Tap to acknowledgement: how soon the centre's server has what a citizen just did.

Runs inside ``bench sync`` (``kiosk.bench.sync``), on its kiosk, already enrolled
with the real server on loopback. A :class:`~kiosk.sync.worker.SyncWorker` runs as
in the kiosk, with the kiosk's own ``sync_interval_s`` (a minute by default), so a
timed pass cannot be what delivers the entry within the wait: only the worker being
woken by the new outbox entry can.

- ``submit_to_ack_ms``: from the call behind the citizen's tap on "Nộp"
  (``DeclarationService.submit``, with the bundled birth registration) until the
  server's acknowledgement is stamped on the declaration's outbox entry;
- ``ticket_to_ack_ms``: the same for a số thứ tự taken at the desk (issued, then
  printed on the ``file:`` printer), until its ``create`` entry is acknowledged.

The benchmark's thread learns of a stamp from the kiosk's change feed (a ``sync``
announcement), then reads the entry: no polling. Each sample starts with the worker
idle and the outbox drained, as when citizens come one after another.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from functools import partial

from sqlalchemy import select

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.changes import Changes
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.db.models import OutboxEntry
from kiosk.services import KioskServices
from kiosk.sync.api import SyncStatus
from kiosk.sync.worker import SyncWorker

#: Samples per metric: enough for a p95 that is not simply the maximum.
SAMPLES = 40
#: Far below ``sync_interval_s``: an acknowledgement later than this is a failed wake.
ACK_TIMEOUT_S = 30.0
QUEUE = "A"


def run(services: KioskServices, samples: int = SAMPLES) -> dict[str, list[float]]:
    """Milliseconds per sample for each metric; raises if an entry is not acknowledged."""
    watch = _Watch()
    unsubscribe = services.changes.subscribe(watch.announced)
    worker = SyncWorker(services.sync, on_change=watch.published)
    worker.start()
    try:
        watch.wait_until(watch.idle_and_drained, "the worker's first pass")
        form = services.forms.get(FORM_ID)
        submit: list[float] = []
        ticket: list[float] = []
        for _ in range(samples):
            started = time.perf_counter()
            consent = services.consent.agree(services.settings.language, DECLARATION_PURPOSES)
            declaration = services.declarations.submit(
                form, form.procedures[0], KHAI_SINH_ANSWERS, consent=consent
            )
            submit.append(_until_acknowledged(services, watch, declaration.id, started))
            watch.wait_until(watch.idle_and_drained, "the worker to rest")
        for _ in range(samples):
            started = time.perf_counter()
            issued = services.desk.take(QUEUE)
            ticket.append(_until_acknowledged(services, watch, issued.id, started))
            watch.wait_until(watch.idle_and_drained, "the worker to rest")
        if worker.wakes < 2 * samples:
            raise RuntimeError(f"{worker.wakes} wakes for {2 * samples} entries")
    finally:
        worker.close()
        unsubscribe()
    return {"submit_to_ack_ms": submit, "ticket_to_ack_ms": ticket}


def _until_acknowledged(
    services: KioskServices, watch: _Watch, entity_id: uuid.UUID, started: float
) -> float:
    """Milliseconds from ``started`` until the entity's ``create`` entry is acknowledged."""

    def acknowledged() -> bool:
        with services.db.transaction() as session:
            stamped = session.scalar(
                select(OutboxEntry.acknowledged_at).where(
                    OutboxEntry.entity_id == entity_id, OutboxEntry.operation == "create"
                )
            )
        return stamped is not None

    watch.wait_until(acknowledged, "the server's acknowledgement")
    return (time.perf_counter() - started) * 1000


class _Watch:
    """What the kiosk announced and the worker published, for the benchmark to wait on."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._events = 0
        self._status: SyncStatus | None = None

    def announced(self, changes: Changes) -> None:
        """Feed listener, on the committing thread: acknowledgements are ``sync``."""
        if changes.sync:
            self._bump()

    def published(self, status: SyncStatus) -> None:
        """The worker's status listener, on its thread."""
        with self._changed:
            self._status = status
        self._bump()

    def idle_and_drained(self) -> bool:
        with self._changed:
            status = self._status
        return status is not None and not status.syncing and status.pending == 0

    def wait_until(self, done: Callable[[], bool], what: str) -> None:
        """Check ``done`` (which may read the database) after every event until it holds."""
        deadline = time.monotonic() + ACK_TIMEOUT_S
        while True:
            with self._changed:
                seen = self._events
            if done():
                return
            with self._changed:
                left = deadline - time.monotonic()
                if left <= 0 or not self._changed.wait_for(partial(self._since, seen), left):
                    raise RuntimeError(f"gave up waiting for {what} after {ACK_TIMEOUT_S:.0f} s")

    def _since(self, seen: int) -> bool:
        return self._events != seen

    def _bump(self) -> None:
        with self._changed:
            self._events += 1
            self._changed.notify_all()
