"""Receiving a kiosk's outbox: every entry stored once, in order, or refused with a reason.

A batch is one transaction. Each entry is judged on its own, so an entry whose
payload is wrong is answered ``rejected`` (and kept, with the reason, for staff to
see) while the entries around it go in. An entry id seen before is answered as it
was the first time: ``duplicate`` for one stored, ``rejected`` again for one refused;
a kiosk that lost the first answer (cable pulled mid-response) can send it again.

A kiosk back from an outage sends thousands of entries, so a batch is judged from a
handful of queries and written with one multi-row INSERT per table rather than row by
row; the answers are the ones entry-by-entry processing in order would give. Only a
batch that meets a concurrent upload is received again entry by entry, each in its
own savepoint.

Payloads are decoded with the protocol's structs (``PAYLOADS``), exactly as strictly
as the whole body was, then checked by ``server.admission``: times within reach, texts
every table can keep, tickets for the centre's queues and days with numbers no other
ticket has, and a dossier's answers against the form version it names. They hold
personal data: nothing here logs them or puts them in an error message, a refused
entry is kept without its payload, and a dossier's answers are kept once, in its row.
Batches with tickets are serialised on their centre's row, as leases are, so two
kiosks uploading the same number at once cannot both have it.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import msgspec
from sqlalchemy import exists, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server import published
from server.admission import MAX_REASON, answers_problem, ticket_problem, values_problem
from server.db.models import Centre, Dossier, ReceivedEntry, Ticket
from server.devices import AuthenticatedDevice
from wire.forms import FormDefinition
from wire.protocol import (
    PAYLOADS,
    AccountCreate,
    DossierCreate,
    EntryResult,
    OutboxBatch,
    OutboxItem,
    OutboxResult,
    TicketCreate,
    TicketUpdate,
    ticket_priority,
)

log = logging.getLogger("server.outbox")


class _EntryRejectedError(Exception):
    """The entry cannot be stored as sent; ``reason`` goes back to the kiosk."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = _printable(reason)[:MAX_REASON]


def _printable(text: str) -> str:
    """``text`` with control characters written out (``\\x00``): a reason may quote what
    the kiosk sent (msgspec names an unknown field), and PostgreSQL cannot store a NUL."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


def receive(
    session: Session, device: AuthenticatedDevice, batch: OutboxBatch, *, now: datetime
) -> OutboxResult:
    """Store ``batch`` for ``device``'s centre; one result per entry, in order.

    When the write meets a constraint anyway (the same batch uploaded twice at once,
    on PostgreSQL) its savepoint is rolled back and the batch is received again one
    entry at a time, each answered with what is there by then.
    """
    ids = [item.id for item in batch.entries]
    if any(item.entity_type == "ticket" for item in batch.entries):
        session.execute(select(Centre.id).where(Centre.id == device.centre_id).with_for_update())
    plan = _plan(session, device, batch, now, _seen(session, ids))
    try:
        with session.begin_nested():
            plan.write(session)
        results = plan.results
    except IntegrityError:
        log.info("outbox batch from device %s met a concurrent upload", device.id)
        seen = _seen(session, ids)
        results = [_receive_one(session, device, item, now, seen) for item in batch.entries]
    counts = Counter(result.outcome for result in results)
    log.info(
        "outbox from device %s: %d accepted, %d duplicate, %d rejected",
        device.id,
        counts["accepted"],
        counts["duplicate"],
        counts["rejected"],
    )
    return OutboxResult(results=tuple(results))


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the server answered an entry id the first time."""

    device_id: uuid.UUID
    outcome: str
    error: str | None


def _seen(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, _Seen]:
    """The entries of ``ids`` received before: one query, since retried batches are common."""
    rows = session.execute(
        select(
            ReceivedEntry.entry_id,
            ReceivedEntry.device_id,
            ReceivedEntry.outcome,
            ReceivedEntry.error,
        ).where(ReceivedEntry.entry_id.in_(ids))
    )
    return {row.entry_id: _Seen(row.device_id, row.outcome, row.error) for row in rows}


@dataclass(slots=True)
class _Plan:
    """A batch's answers and the rows that make them true, written in one go."""

    results: list[EntryResult] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    dossiers: list[dict[str, Any]] = field(default_factory=list)
    voids: list[dict[str, Any]] = field(default_factory=list)

    def write(self, session: Session) -> None:
        # Tickets before their voids: a ticket and its void may come in one batch.
        for model, rows in ((Ticket, self.tickets), (Dossier, self.dossiers)):
            if rows:
                session.execute(insert(model), rows)
        if self.voids:
            session.execute(update(Ticket), self.voids)
        if self.received:
            session.execute(insert(ReceivedEntry), self.received)


@dataclass(slots=True)
class _Taken:
    """Ids and references the batch must not use again: stored ones, then its own."""

    #: Ticket id -> its centre.
    tickets: dict[uuid.UUID, uuid.UUID]
    dossier_ids: set[uuid.UUID]
    references: set[str]
    accounts: set[uuid.UUID]
    #: (queue, day, number) -> the ticket that has it.
    numbers: dict[tuple[str, date, int], uuid.UUID]
    #: The queues of every catalogue the centre published.
    queues: frozenset[str]


def _plan(
    session: Session,
    device: AuthenticatedDevice,
    batch: OutboxBatch,
    now: datetime,
    seen: dict[uuid.UUID, _Seen],
) -> _Plan:
    """Decide every entry's answer, in order, as the one-by-one path would."""
    decoded = [_decode(item, now) for item in batch.entries]
    taken = _taken(session, device, [entry for entry in decoded if not isinstance(entry, str)])
    plan = _Plan()
    for item, entry in zip(batch.entries, decoded, strict=True):
        previous = seen.get(item.id)
        if previous is not None:
            plan.results.append(_answer_again(previous, device, item.id))
            continue
        if isinstance(entry, str):
            # Not even the entry's own fields can be kept: refused without a record,
            # which answers a retry the same way.
            plan.results.append(EntryResult(id=item.id, outcome="rejected", error=entry))
            continue
        try:
            _plan_one(plan, taken, device, item, entry.payload(), session=session, now=now)
        except _EntryRejectedError as refused:
            error: str | None = refused.reason
        else:
            error = None
        plan.received.append(_record_row(device, item, now, error))
        seen[item.id] = _Seen(device.id, "rejected" if error else "accepted", error)
        if error is not None:
            plan.results.append(EntryResult(id=item.id, outcome="rejected", error=error))
        else:
            plan.results.append(EntryResult(id=item.id, outcome="accepted"))
    return plan


@dataclass(frozen=True, slots=True)
class _Decoded:
    """An entry whose own fields can be kept, and its payload or why it is refused."""

    item: OutboxItem
    decoded: Any

    def payload(self) -> Any:
        if isinstance(self.decoded, _EntryRejectedError):
            raise self.decoded
        return self.decoded


def _decode(item: OutboxItem, now: datetime) -> _Decoded | str:
    """The entry's payload struct; the reason as a string when the entry cannot be kept."""
    try:
        _check_values(item, "", now)
    except _EntryRejectedError as refused:
        return refused.reason
    try:
        return _Decoded(item, _payload(item, now))
    except _EntryRejectedError as refused:
        return _Decoded(item, refused)


def _taken(session: Session, device: AuthenticatedDevice, entries: list[_Decoded]) -> _Taken:
    """One query per kind for the ids and references the batch names."""
    payloads = [entry.decoded for entry in entries]
    ticket_ids = {p.id for p in payloads if isinstance(p, TicketCreate | TicketUpdate)}
    dossier_ids = {p.id for p in payloads if isinstance(p, DossierCreate)}
    references = {p.reference for p in payloads if isinstance(p, DossierCreate)}
    accounts = {e.item.entity_id for e in entries if isinstance(e.decoded, AccountCreate)}
    new_tickets = [p for p in payloads if isinstance(p, TicketCreate)]
    taken = _Taken(
        tickets={},
        dossier_ids=set(),
        references=set(),
        accounts=set(),
        numbers={},
        queues=published.ever_published_queues(session, device.centre_id)
        if new_tickets
        else frozenset(),
    )
    if ticket_ids:
        rows = session.execute(select(Ticket.id, Ticket.centre_id).where(Ticket.id.in_(ticket_ids)))
        taken.tickets = {row.id: row.centre_id for row in rows}
    for code, day in {(ticket.service_code, ticket.service_day) for ticket in new_tickets}:
        rows = session.execute(
            select(Ticket.number, Ticket.id).where(
                Ticket.centre_id == device.centre_id,
                Ticket.service_code == code,
                Ticket.service_day == day,
            )
        )
        taken.numbers.update({(code, day, row.number): row.id for row in rows})
    if dossier_ids:
        taken.dossier_ids = set(
            session.scalars(select(Dossier.id).where(Dossier.id.in_(dossier_ids)))
        )
    if references:
        taken.references = set(
            session.scalars(
                select(Dossier.reference).where(
                    Dossier.centre_id == device.centre_id, Dossier.reference.in_(references)
                )
            )
        )
    if accounts:
        taken.accounts = set(
            session.scalars(
                select(ReceivedEntry.entity_id).where(
                    ReceivedEntry.centre_id == device.centre_id,
                    ReceivedEntry.entity_type == "account",
                    ReceivedEntry.entity_id.in_(accounts),
                    ReceivedEntry.outcome == "accepted",
                )
            )
        )
    return taken


def _plan_one(
    plan: _Plan,
    taken: _Taken,
    device: AuthenticatedDevice,
    item: OutboxItem,
    payload: Any,
    *,
    session: Session,
    now: datetime,
) -> None:
    """Queue the rows of one accepted entry, or raise why it is refused."""
    if isinstance(payload, TicketCreate):
        if payload.id in taken.tickets:
            raise _EntryRejectedError("ticket already received in another entry")
        _refuse(ticket_problem(payload, taken.queues, now))
        number = (payload.service_code, payload.service_day, payload.number)
        if taken.numbers.get(number, payload.id) != payload.id:
            raise _EntryRejectedError(_NUMBER_TAKEN)
        plan.tickets.append(_ticket_row(device, payload, now))
        taken.tickets[payload.id] = device.centre_id
        taken.numbers[number] = payload.id
    elif isinstance(payload, TicketUpdate):
        if taken.tickets.get(payload.id) != device.centre_id:
            raise _EntryRejectedError("unknown ticket")
        plan.voids.append(
            {"id": payload.id, "status": payload.status, "voided_at": payload.voided_at}
        )
    elif isinstance(payload, DossierCreate):
        if payload.id in taken.dossier_ids:
            raise _EntryRejectedError("dossier already received in another entry")
        if payload.reference in taken.references:
            raise _EntryRejectedError("reference already used by another dossier of this centre")
        _refuse(answers_problem(_form_of(session, device, payload), payload))
        plan.dossiers.append(_dossier_row(device, payload, now))
        taken.dossier_ids.add(payload.id)
        taken.references.add(payload.reference)
    elif isinstance(payload, AccountCreate):
        if item.entity_id in taken.accounts:
            raise _EntryRejectedError("account already received in another entry")
        taken.accounts.add(item.entity_id)
    else:  # PAYLOADS grew without this module
        raise _EntryRejectedError(f"{item.entity_type}/{item.operation} is not accepted")


# --- one entry at a time: the path taken when a batch meets a concurrent upload ------


def _receive_one(
    session: Session,
    device: AuthenticatedDevice,
    item: OutboxItem,
    now: datetime,
    seen: dict[uuid.UUID, _Seen],
) -> EntryResult:
    previous = seen.get(item.id)
    if previous is not None:
        return _answer_again(previous, device, item.id)
    try:
        _check_values(item, "", now)
    except _EntryRejectedError as refused:
        return EntryResult(id=item.id, outcome="rejected", error=refused.reason)
    try:
        with session.begin_nested():
            try:
                _apply(session, device, item, _payload(item, now), now)
            except _EntryRejectedError as refused:
                error: str | None = refused.reason
            else:
                error = None
            session.add(_record(device, item, now, error))
            session.flush()
        seen[item.id] = _Seen(device.id, "rejected" if error else "accepted", error)
    except IntegrityError:
        # Only a race gets here: the same entry uploaded twice at once (PostgreSQL), or a
        # row another entry made meanwhile. The savepoint is gone; say what is there now.
        log.info("entry %s met a concurrent upload", item.id)
        session.expire_all()
        found = _seen(session, [item.id]).get(item.id)
        if found is not None:
            return _answer_again(found, device, item.id)
        error = "conflicts with data stored meanwhile"
        with session.begin_nested():
            session.add(_record(device, item, now, error))
        seen[item.id] = _Seen(device.id, "rejected", error)
    if error is not None:
        return EntryResult(id=item.id, outcome="rejected", error=error)
    return EntryResult(id=item.id, outcome="accepted")


def _answer_again(previous: _Seen, device: AuthenticatedDevice, entry_id: uuid.UUID) -> EntryResult:
    if previous.device_id != device.id:
        return EntryResult(
            id=entry_id, outcome="rejected", error="entry id already used by another kiosk"
        )
    if previous.outcome == "rejected":
        return EntryResult(id=entry_id, outcome="rejected", error=previous.error)
    return EntryResult(id=entry_id, outcome="duplicate")


def _record_row(
    device: AuthenticatedDevice, item: OutboxItem, now: datetime, error: str | None
) -> dict[str, Any]:
    return {
        "entry_id": item.id,
        "device_id": device.id,
        "centre_id": device.centre_id,
        "sequence": item.sequence,
        "entity_type": item.entity_type,
        "entity_id": item.entity_id,
        "operation": item.operation,
        "payload": _stored_payload(item, error),
        "created_at": item.created_at,
        "received_at": now,
        "outcome": "rejected" if error else "accepted",
        "error": error,
    }


def _stored_payload(item: OutboxItem, error: str | None) -> dict[str, Any]:
    """Nothing of a refused entry (its reason is kept); a dossier's answers only once,
    in its row, where the retention purge finds them (``server.retention``)."""
    if error is not None:
        return {}
    payload = _kept_payload(item)
    if item.entity_type == "dossier" and "answers" in payload:
        return {**payload, "answers": {}}
    return payload


def _kept_payload(item: OutboxItem) -> dict[str, Any]:
    """The payload as kept: a ticket's as its row has it (a priority group an older kiosk
    sent becomes ``True``, and a priority ticket keeps no dossier reference)."""
    payload = item.payload
    if (item.entity_type, item.operation) != ("ticket", "create") or "priority" not in payload:
        return payload
    priority = ticket_priority(payload["priority"])
    kept = {**payload, "priority": priority}
    if priority:
        kept["dossier_reference"] = None
    return kept


def _record(
    device: AuthenticatedDevice, item: OutboxItem, now: datetime, error: str | None
) -> ReceivedEntry:
    return ReceivedEntry(**_record_row(device, item, now, error))


def _check_values(struct: msgspec.Struct, where: str, now: datetime) -> None:
    """What the struct's types let through but the tables cannot keep the same (an
    entry's payload is checked once decoded, as ``payload.<field>``)."""
    _refuse(values_problem(struct, where, now, skip=_PAYLOAD))


_PAYLOAD = frozenset({"payload"})


def _refuse(problem: str | None) -> None:
    if problem is not None:
        raise _EntryRejectedError(problem)


_NUMBER_TAKEN = "ticket number already used by another ticket of this queue and day"


def _form_of(
    session: Session, device: AuthenticatedDevice, dossier: DossierCreate
) -> FormDefinition | None:
    return published.published_form(
        session, device.centre_id, dossier.form_id, dossier.form_version
    )


def _payload(item: OutboxItem, now: datetime) -> Any:
    kind = PAYLOADS.get((item.entity_type, item.operation))
    if kind is None:
        raise _EntryRejectedError(f"{item.entity_type}/{item.operation} is not accepted")
    try:
        payload = msgspec.json.decode(msgspec.json.encode(item.payload), type=kind, strict=True)
    except msgspec.ValidationError as exc:
        raise _EntryRejectedError(f"payload: {exc}") from None
    _check_values(payload, "payload.", now)
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
    _refuse(ticket_problem(ticket, published.ever_published_queues(session, device.centre_id), now))
    number_taken = session.scalar(
        select(
            exists().where(
                Ticket.centre_id == device.centre_id,
                Ticket.service_code == ticket.service_code,
                Ticket.service_day == ticket.service_day,
                Ticket.number == ticket.number,
            )
        )
    )
    if number_taken:
        raise _EntryRejectedError(_NUMBER_TAKEN)
    session.add(Ticket(**_ticket_row(device, ticket, now)))


def _ticket_row(device: AuthenticatedDevice, ticket: TicketCreate, now: datetime) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "centre_id": device.centre_id,
        "device_id": device.id,
        "service_code": ticket.service_code,
        "service_day": ticket.service_day,
        "number": ticket.number,
        "label": ticket.label,
        "issued_at": ticket.issued_at,
        "people_ahead": ticket.people_ahead,
        # Ưu tiên, never which group; a priority ticket is never linked to a dossier.
        "priority": ticket_priority(ticket.priority),
        "dossier_reference": None if ticket_priority(ticket.priority) else ticket.dossier_reference,
        "kiosk_name": ticket.kiosk_name,
        "status": "issued",
        "voided_at": None,
        "received_at": now,
    }


def _void_ticket(session: Session, device: AuthenticatedDevice, void: TicketUpdate) -> None:
    ticket = session.get(Ticket, void.id)
    if ticket is None or ticket.centre_id != device.centre_id:
        raise _EntryRejectedError("unknown ticket")
    ticket.status = void.status
    ticket.voided_at = void.voided_at


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
    _refuse(answers_problem(_form_of(session, device, dossier), dossier))
    session.add(Dossier(**_dossier_row(device, dossier, now)))


def _dossier_row(
    device: AuthenticatedDevice, dossier: DossierCreate, now: datetime
) -> dict[str, Any]:
    return {
        "id": dossier.id,
        "centre_id": device.centre_id,
        "device_id": device.id,
        "reference": dossier.reference,
        "procedure_code": dossier.procedure_code,
        "form_id": dossier.form_id,
        "form_version": dossier.form_version,
        "answers": dossier.answers,
        "kiosk_name": dossier.kiosk_name,
        "consent": None if dossier.consent is None else msgspec.to_builtins(dossier.consent),
        "state": "received",
        "note": "",
        "submitted_at": dossier.submitted_at,
        "received_at": now,
        "updated_at": now,
    }


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
