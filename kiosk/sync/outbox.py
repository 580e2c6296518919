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

Declarations and accounts acknowledged by the server are stamped ``acknowledged_at``
(the purge's clock starts then) and a declaration's status becomes ``received``.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import msgspec
from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.db.sealed import is_unreadable
from kiosk.sync.api import PushReport
from kiosk.sync.backoff import Backoff
from kiosk.sync.errors import BatchTooLargeError, RequestRefusedError, SyncError
from wire import protocol
from wire.protocol import OutboxBatch, OutboxItem, OutboxResult

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


@dataclass(frozen=True, slots=True)
class PendingEntry:
    """A pending outbox row as the upload reads it: the payload opened, as JSON text.

    The stored payload is sealed (``kiosk.db.sealed``), so it is opened and encoded
    again here; msgspec checks the text as the server will. ``payload_json`` is
    ``None`` when the payload cannot be opened on this kiosk (its data key is lost):
    such an entry is refused here and waits for staff, never sent empty.
    """

    entry_id: uuid.UUID
    sequence: int
    entity_type: str
    entity_id: uuid.UUID
    operation: str
    payload_json: str | None
    created_at: datetime
    next_attempt_at: datetime | None


def pending_entries(session: Session, limit: int) -> list[PendingEntry]:
    """The first ``limit`` pending entries, in upload order."""
    rows = session.execute(
        select(
            OutboxEntry.entry_id,
            OutboxEntry.sequence,
            OutboxEntry.entity_type,
            OutboxEntry.entity_id,
            OutboxEntry.operation,
            OutboxEntry.payload,
            OutboxEntry.created_at,
            OutboxEntry.next_attempt_at,
        )
        .where(OutboxEntry.acknowledged_at.is_(None), OutboxEntry.rejected_at.is_(None))
        .order_by(OutboxEntry.sequence)
        .limit(limit)
    )
    return [PendingEntry(*row[:5], _payload_json(row.payload), *row[6:]) for row in rows]


def _payload_json(payload: dict[str, Any]) -> str | None:
    return None if is_unreadable(payload) else _json.encode(payload).decode()


def counts(session: Session) -> tuple[int, int]:
    """``(pending, rejected)`` entries; rejected ones staff discarded are done with."""
    pending = session.scalar(
        select(func.count())
        .select_from(OutboxEntry)
        .where(OutboxEntry.acknowledged_at.is_(None), OutboxEntry.rejected_at.is_(None))
    )
    rejected = session.scalar(
        select(func.count())
        .select_from(OutboxEntry)
        .where(
            OutboxEntry.acknowledged_at.is_(None),
            OutboxEntry.rejected_at.is_not(None),
            OutboxEntry.discarded_at.is_(None),
        )
    )
    return int(pending or 0), int(rejected or 0)


def head_wait(session: Session) -> datetime | None:
    """When the oldest pending entry may be sent again, if it is waiting."""
    head = session.scalars(pending_query().limit(1)).first()
    return None if head is None else head.next_attempt_at


def wire_item(entry: PendingEntry) -> tuple[OutboxItem, int]:
    """The entry as the protocol sends it, and its encoded size.

    Raises ``ValueError`` naming the place that does not match the protocol, never a
    value (msgspec's own messages may quote one, so only their place is kept).
    """
    kind = protocol.PAYLOADS.get((entry.entity_type, entry.operation))
    if kind is None:
        raise ValueError(f"no protocol payload for {entry.entity_type}/{entry.operation}")
    if entry.payload_json is None:
        raise ValueError("payload cannot be opened on this kiosk: its data key is lost")
    payload = entry.payload_json.encode()
    try:
        protocol.decode(payload, kind)
    except msgspec.DecodeError as exc:
        raise ValueError(f"payload does not match {kind.__name__} at {_place(exc)}") from None
    raw = _json.encode(
        {
            "id": entry.entry_id,
            "sequence": entry.sequence,
            "entity_type": entry.entity_type,
            "entity_id": entry.entity_id,
            "operation": entry.operation,
            "payload": msgspec.Raw(payload),
            "created_at": entry.created_at,
        }
    )
    try:
        item = protocol.decode(raw, OutboxItem)
    except msgspec.ValidationError as exc:
        raise ValueError(f"entry does not match OutboxItem at {_place(exc)}") from None
    # Measured as it will go out: the stored text may escape what msgspec writes as UTF-8.
    return item, len(_json.encode(item))


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
            entries = pending_entries(session, limit)
            if not entries:
                return None
            head_wait = entries[0].next_attempt_at
            if not force and head_wait is not None and head_wait > now:
                tally.deferred = True
                return None
            batch: list[OutboxItem] = []
            size = 0
            for entry in entries:
                try:
                    item, item_size = wire_item(entry)
                except ValueError as exc:
                    _refuse_entry(session, entry, f"invalid on the kiosk: {exc}", now)
                    tally.rejected += 1
                    continue
                if item_size > self._max_bytes:
                    _refuse_entry(session, entry, "too large for one upload", now)
                    tally.rejected += 1
                    continue
                if batch and size + item_size > self._max_bytes:
                    break
                batch.append(item)
                size += item_size + 1
            return batch

    def _apply(self, result: OutboxResult, tally: _Tally) -> None:
        """Record the server's answers: one query finds the rows, one UPDATE per answer kind.

        A backlog of thousands of entries is acknowledged a batch at a time, so nothing
        here goes row by row except a refusal, whose reason is the entry's own. A batch
        holds at most ``MAX_BATCH_ENTRIES`` (500) ids: one ``IN (...)`` each time.
        """
        now = self._clock()
        with self._db.transaction() as session:
            rows = _answered_rows(session, [outcome.id for outcome in result.results])
            answered: list[uuid.UUID] = []
            acknowledged: list[uuid.UUID] = []
            created: dict[str, list[uuid.UUID]] = {"dossier": [], "account": []}
            for outcome in result.results:
                row = rows.get(outcome.id)
                if row is None:
                    continue
                answered.append(outcome.id)
                if outcome.outcome == "rejected":
                    tally.rejected += 1
                    _refuse_entry(session, row, outcome.error or "rejected by the server", now)
                    continue
                if outcome.outcome == "duplicate":
                    tally.duplicates += 1
                else:
                    tally.accepted += 1
                if row.acknowledged_at is None:
                    acknowledged.append(outcome.id)
                    if row.operation == "create" and row.entity_type in created:
                        created[row.entity_type].append(row.entity_id)
            now_acknowledged = set(acknowledged)
            again = [entry_id for entry_id in answered if entry_id not in now_acknowledged]
            if again:
                session.execute(
                    update(OutboxEntry)
                    .where(OutboxEntry.entry_id.in_(again))
                    .values(attempts=OutboxEntry.attempts + 1)
                    .execution_options(synchronize_session=False)
                )
            if acknowledged:
                session.execute(
                    update(OutboxEntry)
                    .where(OutboxEntry.entry_id.in_(acknowledged))
                    .values(
                        attempts=OutboxEntry.attempts + 1,
                        acknowledged_at=now,
                        next_attempt_at=None,
                        last_error=None,
                    )
                    .execution_options(synchronize_session=False)
                )
            _acknowledge_entities(session, created, now)

    def _record_failure(
        self, entry_ids: list[uuid.UUID], error: SyncError, retry_after: float | None
    ) -> None:
        """Count an attempt and set one ``next_attempt_at`` for the whole batch.

        The wait is the server's ``Retry-After`` when it gave one, else a back-off
        drawn from the oldest entry's attempt count.
        """
        now = self._clock()
        reason = error.message.render()
        waiting = (OutboxEntry.entry_id.in_(entry_ids), OutboxEntry.acknowledged_at.is_(None))
        with self._db.transaction() as session:
            attempts = session.scalars(
                select(OutboxEntry.attempts).where(*waiting).order_by(OutboxEntry.sequence).limit(1)
            ).first()
            if attempts is None:
                return
            wait = retry_after if retry_after is not None else self._backoff.delay(attempts + 1)
            session.execute(
                update(OutboxEntry)
                .where(*waiting)
                .values(
                    attempts=OutboxEntry.attempts + 1,
                    next_attempt_at=now + timedelta(seconds=wait),
                    last_error=reason,
                )
            )

    def _refuse(self, entry_id: uuid.UUID, reason: str) -> None:
        now = self._clock()
        with self._db.transaction() as session:
            row = _by_entry_id(session, entry_id)
            if row is not None:
                self._refuse_row(row, reason, now)

    @staticmethod
    def _refuse_row(row: OutboxEntry, reason: str, now: datetime) -> None:
        _log_refusal(row.sequence, row.entity_type, row.operation)
        row.rejected_at = now
        row.next_attempt_at = None
        row.last_error = reason[:500]


@dataclass(frozen=True, slots=True)
class _Answered:
    """What acknowledging an entry needs to know of it (not its payload)."""

    entry_id: uuid.UUID
    sequence: int
    entity_type: str
    entity_id: uuid.UUID
    operation: str
    acknowledged_at: datetime | None


def _answered_rows(session: Session, entry_ids: list[uuid.UUID]) -> dict[uuid.UUID, _Answered]:
    rows = session.execute(
        select(
            OutboxEntry.entry_id,
            OutboxEntry.sequence,
            OutboxEntry.entity_type,
            OutboxEntry.entity_id,
            OutboxEntry.operation,
            OutboxEntry.acknowledged_at,
        ).where(OutboxEntry.entry_id.in_(entry_ids))
    )
    return {row.entry_id: _Answered(*row) for row in rows}


class _EntryFacts(Protocol):
    @property
    def entry_id(self) -> uuid.UUID: ...
    @property
    def sequence(self) -> int: ...
    @property
    def entity_type(self) -> str: ...
    @property
    def operation(self) -> str: ...


def _refuse_entry(session: Session, entry: _EntryFacts, reason: str, now: datetime) -> None:
    """Refused for good: kept for staff, never sent again, no longer holding others up."""
    _log_refusal(entry.sequence, entry.entity_type, entry.operation)
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.entry_id == entry.entry_id)
        .values(rejected_at=now, next_attempt_at=None, last_error=reason[:500])
        .execution_options(synchronize_session=False)
    )


def _log_refusal(sequence: int, entity_type: str, operation: str) -> None:
    # The reason names the entry's place in the protocol, never a value; the log
    # line names only the entry.
    log.warning(
        "outbox entry %d (%s/%s) refused for good; kept for staff", sequence, entity_type, operation
    )


def _by_entry_id(session: Session, entry_id: uuid.UUID) -> OutboxEntry | None:
    return session.scalars(select(OutboxEntry).where(OutboxEntry.entry_id == entry_id)).first()


def _acknowledge_entities(
    session: Session, created: dict[str, list[uuid.UUID]], now: datetime
) -> None:
    """The server has these declarations and accounts: stamp them, so the purge may start."""
    if created["dossier"]:
        session.execute(
            update(Declaration)
            .where(Declaration.id.in_(created["dossier"]), Declaration.acknowledged_at.is_(None))
            .values(acknowledged_at=now, status="received")
        )
    if created["account"]:
        session.execute(
            update(Account)
            .where(Account.id.in_(created["account"]), Account.acknowledged_at.is_(None))
            .values(acknowledged_at=now)
        )


def _place(exc: Exception) -> str:
    _, _, place = str(exc).rpartition(" - at ")
    return place or "$"
