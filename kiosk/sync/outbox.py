"""Draining the outbox: in order, in batches, marked done only on the server's word.

- **Order.** Entries go oldest ``sequence`` first, and a batch is sent only once the
  one before it was answered: a ticket's void never reaches the server before the
  ticket itself.
- **Idempotency.** Each entry carries its ``entry_id``; when an answer is lost the same
  entries are sent again and the server answers ``duplicate``, which counts as done.
- **Refusals.** An entry the server ``rejected`` is stamped ``rejected_at`` and kept
  for staff, never sent again, and no longer holds up the ones behind it. An entry that
  would fail the protocol's own schema is refused here, before sending, the same way:
  the server would refuse it for the same reason, and sending it could refuse its
  whole batch.
- **Failures.** When the network or server fails, nothing is marked done: the batch's
  entries count an attempt and wait (``next_attempt_at``) with back-off, or as long as
  the server's ``Retry-After`` says.

Dossiers and accounts acknowledged by the server are stamped ``acknowledged_at``
(the purge's clock starts then) and a dossier's status becomes ``received``.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import msgspec
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import Account, Dossier, OutboxEntry
from kiosk.sync import protocol
from kiosk.sync.api import PushReport
from kiosk.sync.backoff import Backoff
from kiosk.sync.errors import BatchTooLargeError, RequestRefusedError, SyncError
from kiosk.sync.protocol import OutboxBatch, OutboxItem, OutboxResult

if TYPE_CHECKING:
    from kiosk.sync.client import SyncClient

log = logging.getLogger("kiosk.sync")

#: Room left in a request for the batch's own JSON around its entries.
_BATCH_OVERHEAD_BYTES = 1024
_json = msgspec.json.Encoder()


def pending_query() -> Select[OutboxEntry]:
    """Entries not yet acknowledged nor refused, in upload order."""
    return (
        select(OutboxEntry)
        .where(OutboxEntry.acknowledged_at.is_(None), OutboxEntry.rejected_at.is_(None))
        .order_by(OutboxEntry.sequence)
    )


def counts(session: Session) -> tuple[int, int]:
    """``(pending, rejected)`` entries."""
    pending = session.scalar(
        select(func.count())
        .select_from(OutboxEntry)
        .where(OutboxEntry.acknowledged_at.is_(None), OutboxEntry.rejected_at.is_(None))
    )
    rejected = session.scalar(
        select(func.count())
        .select_from(OutboxEntry)
        .where(OutboxEntry.acknowledged_at.is_(None), OutboxEntry.rejected_at.is_not(None))
    )
    return int(pending or 0), int(rejected or 0)


def head_wait(session: Session) -> datetime | None:
    """When the oldest pending entry may be sent again, if it is waiting."""
    head = session.scalars(pending_query().limit(1)).first()
    return None if head is None else head.next_attempt_at


def wire_item(row: OutboxEntry) -> tuple[OutboxItem, int]:
    """The row as the protocol sends it, and its encoded size.

    Raises ``ValueError`` naming the place that does not match the protocol, never a
    value (msgspec's own messages may quote one, so only their place is kept).
    """
    kind = protocol.PAYLOADS.get((row.entity_type, row.operation))
    if kind is None:
        raise ValueError(f"no protocol payload for {row.entity_type}/{row.operation}")
    try:
        protocol.decode(_json.encode(row.payload), kind)
    except msgspec.ValidationError as exc:
        raise ValueError(f"payload does not match {kind.__name__} at {_place(exc)}") from None
    raw = _json.encode(
        {
            "id": row.entry_id,
            "sequence": row.sequence,
            "entity_type": row.entity_type,
            "entity_id": row.entity_id,
            "operation": row.operation,
            "payload": row.payload,
            "created_at": row.created_at,
        }
    )
    try:
        return protocol.decode(raw, OutboxItem), len(raw)
    except msgspec.ValidationError as exc:
        raise ValueError(f"entry does not match OutboxItem at {_place(exc)}") from None


@dataclass(slots=True)
class _Tally:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    deferred: bool = False

    def report(self) -> PushReport:
        return PushReport(self.sent, self.accepted, self.duplicates, self.rejected, self.deferred)


class OutboxPusher:
    """Sends the pending entries through a :class:`SyncClient`."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        backoff: Backoff,
        batch_size: int = 100,
        max_bytes: int = protocol.MAX_REQUEST_BYTES,
    ) -> None:
        self._db = db
        self._clock = clock
        self._backoff = backoff
        self._batch_size = max(1, min(batch_size, protocol.MAX_BATCH_ENTRIES))
        self._max_bytes = max_bytes - _BATCH_OVERHEAD_BYTES

    def push(
        self, client: SyncClient, *, force: bool = False
    ) -> tuple[PushReport, SyncError | None]:
        """Send everything pending, batch after batch, stopping at the first failure.

        Returns what was done and the failure that stopped it, if any. Without
        ``force`` nothing is sent while the oldest entry waits out its back-off.
        """
        tally = _Tally()
        limit = self._batch_size
        while True:
            batch = self._next_batch(limit, force=force, tally=tally)
            if batch is None:
                break
            if not batch:
                continue  # every entry of this slice was refused locally
            try:
                result = client.push(OutboxBatch(entries=tuple(batch)))
            except BatchTooLargeError as exc:
                if len(batch) > 1:
                    limit = max(1, len(batch) // 2)
                    continue
                self._refuse(batch[0].id, f"{exc.code}: {exc.server_message}".strip(": "))
                tally.rejected += 1
                continue
            except SyncError as exc:
                retry_after = getattr(exc, "retry_after", None)
                self._record_failure([item.id for item in batch], exc, retry_after)
                if isinstance(exc, RequestRefusedError):
                    log.warning(
                        "outbox batch of %d refused whole (%s, HTTP %d); will retry",
                        len(batch),
                        exc.code,
                        exc.status,
                    )
                return tally.report(), exc
            tally.sent += len(batch)
            self._apply(result, tally)
        return tally.report(), None

    # --- steps ------------------------------------------------------------------------

    def _next_batch(self, limit: int, *, force: bool, tally: _Tally) -> list[OutboxItem] | None:
        """The next entries to send (``[]`` if all were refused locally), or ``None``."""
        now = self._clock()
        with self._db.transaction() as session:
            rows = list(session.scalars(pending_query().limit(limit)))
            if not rows:
                return None
            head_wait = rows[0].next_attempt_at
            if not force and head_wait is not None and head_wait > now:
                tally.deferred = True
                return None
            batch: list[OutboxItem] = []
            size = 0
            for row in rows:
                try:
                    item, item_size = wire_item(row)
                except ValueError as exc:
                    self._refuse_row(row, f"invalid on the kiosk: {exc}", now)
                    tally.rejected += 1
                    continue
                if item_size > self._max_bytes:
                    self._refuse_row(row, "too large for one upload", now)
                    tally.rejected += 1
                    continue
                if batch and size + item_size > self._max_bytes:
                    break
                batch.append(item)
                size += item_size + 1
            return batch

    def _apply(self, result: OutboxResult, tally: _Tally) -> None:
        now = self._clock()
        with self._db.transaction() as session:
            for outcome in result.results:
                row = _by_entry_id(session, outcome.id)
                if row is None:
                    continue
                row.attempts += 1
                if outcome.outcome == "rejected":
                    tally.rejected += 1
                    self._refuse_row(row, outcome.error or "rejected by the server", now)
                    continue
                if outcome.outcome == "duplicate":
                    tally.duplicates += 1
                else:
                    tally.accepted += 1
                if row.acknowledged_at is None:
                    row.acknowledged_at = now
                    row.next_attempt_at = None
                    row.last_error = None
                    _acknowledge_entity(session, row, now)

    def _record_failure(
        self, entry_ids: list[uuid.UUID], error: SyncError, retry_after: float | None
    ) -> None:
        """Count an attempt and set one ``next_attempt_at`` for the whole batch.

        The wait is the server's ``Retry-After`` when it gave one, else a back-off
        drawn from the oldest entry's attempt count.
        """
        now = self._clock()
        reason = error.message.render()
        with self._db.transaction() as session:
            rows = [
                row
                for row in (_by_entry_id(session, entry_id) for entry_id in entry_ids)
                if row is not None and row.acknowledged_at is None
            ]
            if not rows:
                return
            failures = rows[0].attempts + 1
            wait = retry_after if retry_after is not None else self._backoff.delay(failures)
            for row in rows:
                row.attempts += 1
                row.next_attempt_at = now + timedelta(seconds=wait)
                row.last_error = reason

    def _refuse(self, entry_id: uuid.UUID, reason: str) -> None:
        now = self._clock()
        with self._db.transaction() as session:
            row = _by_entry_id(session, entry_id)
            if row is not None:
                self._refuse_row(row, reason, now)

    @staticmethod
    def _refuse_row(row: OutboxEntry, reason: str, now: datetime) -> None:
        # The reason names the entry's place in the protocol, never a value; the log
        # line names only the entry.
        log.warning(
            "outbox entry %d (%s/%s) refused for good; kept for staff",
            row.sequence,
            row.entity_type,
            row.operation,
        )
        row.rejected_at = now
        row.next_attempt_at = None
        row.last_error = reason[:500]


def _by_entry_id(session: Session, entry_id: uuid.UUID) -> OutboxEntry | None:
    return session.scalars(select(OutboxEntry).where(OutboxEntry.entry_id == entry_id)).first()


def _acknowledge_entity(session: Session, row: OutboxEntry, now: datetime) -> None:
    """The server has the hồ sơ or tài khoản: stamp it, so the purge may start counting."""
    if row.operation != "create":
        return
    if row.entity_type == "dossier":
        dossier = session.get(Dossier, row.entity_id)
        if dossier is not None and dossier.acknowledged_at is None:
            dossier.acknowledged_at = now
            dossier.status = "received"
    elif row.entity_type == "account":
        account = session.get(Account, row.entity_id)
        if account is not None and account.acknowledged_at is None:
            account.acknowledged_at = now


def _place(exc: Exception) -> str:
    _, _, place = str(exc).rpartition(" - at ")
    return place or "$"
