"""Receiving a kiosk's outbox: every entry stored once, in order, or refused with a reason.

A batch is one transaction. Each entry runs in its own savepoint, so an entry whose
payload is wrong is answered ``rejected`` (and kept, with the reason, for staff to
see) while the entries around it go in. An entry id seen before is answered as it
was the first time: ``duplicate`` for one stored, ``rejected`` again for one refused;
a kiosk that lost the first answer (cable pulled mid-response) can send it again.

Payloads are decoded with the protocol's structs (``PAYLOADS``), exactly as strictly
as the whole body was. They hold personal data: nothing here logs them or puts them
in an error message.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.sync.protocol import (
    PAYLOADS,
    AccountCreate,
    DossierCreate,
    EntryResult,
    OutboxBatch,
    OutboxItem,
    OutboxResult,
    TicketCreate,
    TicketUpdate,
)
from server.db.models import Dossier, ReceivedEntry, Ticket
from server.devices import AuthenticatedDevice

log = logging.getLogger("server.outbox")

_MAX_REASON = 200
#: The largest value of a 32-bit ``INTEGER`` column on PostgreSQL.
_MAX_INT = 2**31 - 1


class _EntryRejectedError(Exception):
    """The entry cannot be stored as sent; ``reason`` goes back to the kiosk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason[:_MAX_REASON]


def receive(
    session: Session, device: AuthenticatedDevice, batch: OutboxBatch, *, now: datetime
) -> OutboxResult:
    """Store ``batch`` for ``device``'s centre; one result per entry, in order."""
    # One query for the retries, rather than one per entry: a retried batch is common.
    ids = [item.id for item in batch.entries]
    seen = {
        entry.entry_id: entry
        for entry in session.scalars(select(ReceivedEntry).where(ReceivedEntry.entry_id.in_(ids)))
    }
    results = tuple(_receive_one(session, device, item, now, seen) for item in batch.entries)
    counts = Counter(result.outcome for result in results)
    log.info(
        "outbox from device %s: %d accepted, %d duplicate, %d rejected",
        device.id,
        counts["accepted"],
        counts["duplicate"],
        counts["rejected"],
    )
    return OutboxResult(results=results)


def _receive_one(
    session: Session,
    device: AuthenticatedDevice,
    item: OutboxItem,
    now: datetime,
    seen: dict[uuid.UUID, ReceivedEntry],
) -> EntryResult:
    previous = seen.get(item.id)
    if previous is not None:
        return _answer_again(previous, device, item.id)
    try:
        _check_values(item, "")
    except _EntryRejectedError as refused:
        # Not even the entry's own fields can be kept: refused without a record, which
        # answers a retry the same way.
        return EntryResult(id=item.id, outcome="rejected", error=refused.reason)
    try:
        with session.begin_nested():
            try:
                _apply(session, device, item, _payload(item), now)
            except _EntryRejectedError as refused:
                error: str | None = refused.reason
            else:
                error = None
            record = _record(device, item, now, error)
            session.add(record)
            session.flush()
        seen[item.id] = record
    except IntegrityError:
        # Only a race gets here: the same entry uploaded twice at once (PostgreSQL), or a
        # row another entry made meanwhile. The savepoint is gone; say what is there now.
        log.info("entry %s met a concurrent upload", item.id)
        session.expire_all()
        previous = session.get(ReceivedEntry, item.id)
        if previous is not None:
            return _answer_again(previous, device, item.id)
        error = "conflicts with data stored meanwhile"
        with session.begin_nested():
            record = _record(device, item, now, error)
            session.add(record)
        seen[item.id] = record
    if error is not None:
        return EntryResult(id=item.id, outcome="rejected", error=error)
    return EntryResult(id=item.id, outcome="accepted")


def _answer_again(
    previous: ReceivedEntry, device: AuthenticatedDevice, entry_id: uuid.UUID
) -> EntryResult:
    if previous.device_id != device.id:
        return EntryResult(
            id=entry_id, outcome="rejected", error="entry id already used by another kiosk"
        )
    if previous.outcome == "rejected":
        return EntryResult(id=entry_id, outcome="rejected", error=previous.error)
    return EntryResult(id=entry_id, outcome="duplicate")


def _record(
    device: AuthenticatedDevice, item: OutboxItem, now: datetime, error: str | None
) -> ReceivedEntry:
    return ReceivedEntry(
        entry_id=item.id,
        device_id=device.id,
        centre_id=device.centre_id,
        sequence=item.sequence,
        entity_type=item.entity_type,
        entity_id=item.entity_id,
        operation=item.operation,
        payload=item.payload,
        created_at=item.created_at,
        received_at=now,
        outcome="rejected" if error else "accepted",
        error=error,
    )


def _check_values(struct: msgspec.Struct, where: str) -> None:
    """What the struct's types let through but the tables cannot keep the same."""
    for name in struct.__struct_fields__:
        value = getattr(struct, name)
        if isinstance(value, datetime) and value.utcoffset() is None:
            raise _EntryRejectedError(f"{where}{name}: a time needs its UTC offset")
        if isinstance(value, int) and not isinstance(value, bool) and value > _MAX_INT:
            raise _EntryRejectedError(f"{where}{name}: number too large")


def _payload(item: OutboxItem) -> Any:
    kind = PAYLOADS.get((item.entity_type, item.operation))
    if kind is None:
        raise _EntryRejectedError(f"{item.entity_type}/{item.operation} is not accepted")
    try:
        payload = msgspec.json.decode(msgspec.json.encode(item.payload), type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise _EntryRejectedError(f"payload: {exc}") from None
    _check_values(payload, "payload.")
    if payload.id != item.entity_id:  # type: ignore[attr-defined]
        raise _EntryRejectedError("payload id differs from entity_id")
    return payload


def _apply(
    session: Session, device: AuthenticatedDevice, item: OutboxItem, payload: Any, now: datetime
) -> None:
    if isinstance(payload, TicketCreate):
        _create_ticket(session, device, payload, now)
    elif isinstance(payload, TicketUpdate):
        _void_ticket(session, device, payload)
    elif isinstance(payload, DossierCreate):
        _create_dossier(session, device, payload, now)
    elif isinstance(payload, AccountCreate):
        _check_new_account(session, device, item)
    else:  # PAYLOADS grew without this module
        raise _EntryRejectedError(f"{item.entity_type}/{item.operation} is not accepted")


def _create_ticket(
    session: Session, device: AuthenticatedDevice, ticket: TicketCreate, now: datetime
) -> None:
    if session.get(Ticket, ticket.id) is not None:
        raise _EntryRejectedError("ticket already received in another entry")
    session.add(
        Ticket(
            id=ticket.id,
            centre_id=device.centre_id,
            device_id=device.id,
            service_code=ticket.service_code,
            service_day=ticket.service_day,
            number=ticket.number,
            label=ticket.label,
            issued_at=ticket.issued_at,
            people_ahead=ticket.people_ahead,
            priority=ticket.priority,
            dossier_reference=ticket.dossier_reference,
            kiosk_name=ticket.kiosk_name,
            status="issued",
            received_at=now,
        )
    )


def _void_ticket(session: Session, device: AuthenticatedDevice, update: TicketUpdate) -> None:
    ticket = session.get(Ticket, update.id)
    if ticket is None or ticket.centre_id != device.centre_id:
        raise _EntryRejectedError("unknown ticket")
    ticket.status = update.status
    ticket.voided_at = update.voided_at


def _create_dossier(
    session: Session, device: AuthenticatedDevice, dossier: DossierCreate, now: datetime
) -> None:
    if session.get(Dossier, dossier.id) is not None:
        raise _EntryRejectedError("dossier already received in another entry")
    taken = session.scalar(
        select(
            exists().where(
                Dossier.centre_id == device.centre_id, Dossier.reference == dossier.reference
            )
        )
    )
    if taken:
        raise _EntryRejectedError("reference already used by another dossier of this centre")
    session.add(
        Dossier(
            id=dossier.id,
            centre_id=device.centre_id,
            device_id=device.id,
            reference=dossier.reference,
            procedure_code=dossier.procedure_code,
            form_id=dossier.form_id,
            form_version=dossier.form_version,
            answers=dossier.answers,
            kiosk_name=dossier.kiosk_name,
            state="received",
            note="",
            submitted_at=dossier.submitted_at,
            received_at=now,
            updated_at=now,
        )
    )


def _check_new_account(session: Session, device: AuthenticatedDevice, item: OutboxItem) -> None:
    """An account is kept as its entry's payload; a second entry for it is refused."""
    seen = session.scalar(
        select(
            exists().where(
                ReceivedEntry.centre_id == device.centre_id,
                ReceivedEntry.entity_type == "account",
                ReceivedEntry.entity_id == item.entity_id,
                ReceivedEntry.outcome == "accepted",
            )
        )
    )
    if seen:
        raise _EntryRejectedError("account already received in another entry")


def entries_from(session: Session, device_id: uuid.UUID) -> list[ReceivedEntry]:
    """What a kiosk sent, in its outbox order (for staff, ``admin received``)."""
    return list(
        session.scalars(
            select(ReceivedEntry)
            .where(ReceivedEntry.device_id == device_id)
            .order_by(ReceivedEntry.sequence, ReceivedEntry.received_at)
        )
    )
