"""Outbox entries the server refused, and what staff do about them: retry or discard.

A refused entry (``rejected_at`` set, see ``kiosk.sync.outbox``) waits for a person:
the sync worker never sends it again by itself. Staff (or IT on the command line)
either

- **retry** it once the cause is fixed (the procedure published on the server, the
  kiosk updated): the refusal is cleared and the entry is pending again under its own
  ``sequence``, so it goes out in its original place among what is still pending,
  before anything queued after it; or
- **discard** it, with a reason, when it can never be accepted: the entry is closed
  for good and the personal data it carries is removed, from its payload and from its
  row (a declaration's answers, an account's data). What is not personal stays: reference,
  procedure, form, times, status, so staff can still say what it was. The write-ahead
  log is then folded and truncated, so the answers do not linger in the files.

Both are staff-only and audited. Listing shows what staff need to decide, never the
payload: which kind of entry, its reference or ticket label, when and why it was
refused (the server's reasons name fields, never values).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kiosk.audit import AuditLog
from kiosk.changes import mark_changed
from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import Account, Declaration, OutboxEntry, Ticket
from kiosk.db.scrub import scrub_removed_data
from kiosk.queue.numbering import label
from kiosk.staff.grant import GrantCheck, StaffGrant
from kiosk.staff.reason import staff_reason
from kiosk.sync.errors import RefusedEntryNotFoundError

log = logging.getLogger("kiosk.sync")

#: The payload fields a discarded entry keeps, per entity type: facts, never a person's.
#: Anything else (a declaration's ``answers``, an account's ``data``, a field of an entity
#: this list does not know) is removed.
KEPT_FIELDS: dict[str, frozenset[str]] = {
    "dossier": frozenset(
        {
            "id",
            "reference",
            "procedure_code",
            "form_id",
            "form_version",
            "submitted_at",
            "kiosk_name",
        }
    ),
    "account": frozenset({"id", "created_at"}),
    "ticket": frozenset(
        {
            "id",
            "service_code",
            "service_day",
            "number",
            "label",
            "issued_at",
            "people_ahead",
            "priority",
            "dossier_reference",
            "kiosk_name",
            "status",
            "voided_at",
        }
    ),
}


@dataclass(frozen=True, slots=True)
class RefusedEntry:
    """A refused outbox entry as staff see it: what it is, when and why it was refused."""

    #: The entry's place in the upload order (``outbox.sequence``): what staff type.
    id: int
    #: ``declaration``, ``ticket`` or ``account``.
    entity_type: str
    operation: str
    #: The declaration's reference or the ticket's label; ``None`` for an account.
    subject: str | None
    created_at: datetime
    refused_at: datetime
    #: The server's reason (or the kiosk's own check); names fields, never values.
    reason: str | None
    attempts: int


class RefusedUploads:
    """Refused outbox entries for staff: list, retry, discard; each call needs a grant."""

    def __init__(self, db: Database, audit: AuditLog, clock: Clock, *, staff: GrantCheck) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._staff = staff

    def entries(self, grant: StaffGrant | None) -> list[RefusedEntry]:
        """Every refused entry not discarded yet, oldest first."""
        self._staff.require(grant)
        with self._db.transaction() as session:
            rows = list(session.scalars(_refused().order_by(OutboxEntry.sequence)))
            subjects = _subjects(session, rows)
            return [_entry(row, subjects.get(row.entity_id)) for row in rows]

    def retry(self, grant: StaffGrant | None, entry_id: int) -> RefusedEntry:
        """Send entry ``entry_id`` again; returns it as it was before (audited ``outbox.retry``).

        Raises ``RefusedEntryNotFoundError`` when no refused entry has that number.
        """
        actor = self._staff.require(grant)
        with self._db.transaction() as session:
            row = _find(session, entry_id)
            entry = _entry(row, _subjects(session, [row]).get(row.entity_id))
            row.rejected_at = None
            row.next_attempt_at = None
            row.last_error = None
            self._audit.record_in(
                session,
                actor,
                "outbox.retry",
                entry=entry.id,
                entity=entry.entity_type,
                subject=entry.subject,
            )
            # Stamping an entry is the worker's own bookkeeping and does not wake it;
            # an entry pending again is new work for it.
            mark_changed(session, "outbox")
        log.info("outbox entry %d (%s) will be sent again", entry.id, entry.entity_type)
        return entry

    def discard(self, grant: StaffGrant | None, entry_id: int, reason: str) -> RefusedEntry:
        """Close entry ``entry_id`` for good and remove the personal data it carries.

        ``reason`` is required (see ``kiosk.staff.reason``) and audited with the entry
        (``outbox.discard``). Returns the entry as it was before. Raises
        ``RefusedEntryNotFoundError`` when no refused entry has that number.
        """
        actor = self._staff.require(grant)
        reason = staff_reason(reason)
        now = self._clock()
        with self._db.transaction() as session:
            row = _find(session, entry_id)
            entry = _entry(row, _subjects(session, [row]).get(row.entity_id))
            _close_for_good(session, row, now)
            self._audit.record_in(
                session,
                actor,
                "outbox.discard",
                entry=entry.id,
                entity=entry.entity_type,
                subject=entry.subject,
                reason=reason,
            )
        scrub_removed_data(self._db)
        log.info("outbox entry %d (%s) discarded by staff", entry.id, entry.entity_type)
        return entry


def expire_refused(
    session: Session,
    audit: AuditLog | None,
    actor: str,
    *,
    refused_by: datetime,
    now: datetime,
    days: int,
) -> int:
    """Discard, as staff would, every entry refused by ``refused_by`` and still waiting.

    Staff who never decide must not make the kiosk keep a citizen's data for ever: after
    ``refused_retention_days`` the privacy purge closes the entry itself. Each one is
    audited ``outbox.expire`` by ``actor`` in the caller's transaction, with the
    reference or label and the limit (``days``); returns how many there were.
    """
    rows = list(
        session.scalars(
            _refused().where(OutboxEntry.rejected_at <= refused_by).order_by(OutboxEntry.sequence)
        )
    )
    subjects = _subjects(session, rows)
    for row in rows:
        _close_for_good(session, row, now)
        if audit is not None:
            audit.record_in(
                session,
                actor,
                "outbox.expire",
                entry=row.sequence,
                entity=row.entity_type,
                subject=subjects.get(row.entity_id),
                days=days,
            )
    return len(rows)


def _close_for_good(session: Session, row: OutboxEntry, now: datetime) -> None:
    """Never send ``row``; keep of it and of its entity's row nothing personal."""
    row.payload = _without_personal_data(row.entity_type, row.payload)
    row.discarded_at = now
    row.next_attempt_at = None
    _blank_entity(session, row.entity_type, row.entity_id, now)


def _refused() -> Select[OutboxEntry]:
    """Refused entries staff have not discarded: the ones waiting for a decision."""
    return select(OutboxEntry).where(
        OutboxEntry.acknowledged_at.is_(None),
        OutboxEntry.rejected_at.is_not(None),
        OutboxEntry.discarded_at.is_(None),
    )


def _find(session: Session, entry_id: int) -> OutboxEntry:
    row = session.scalars(_refused().where(OutboxEntry.sequence == entry_id)).first()
    if row is None:
        raise RefusedEntryNotFoundError(entry=entry_id)
    return row


def _subjects(session: Session, rows: list[OutboxEntry]) -> dict[uuid.UUID, str]:
    """Each row's reference or label, read from the entities' rows, never from a payload."""
    declaration_ids = [row.entity_id for row in rows if row.entity_type == "dossier"]
    ticket_ids = [row.entity_id for row in rows if row.entity_type == "ticket"]
    subjects: dict[uuid.UUID, str] = {}
    if declaration_ids:
        found = session.execute(
            select(Declaration.id, Declaration.reference).where(Declaration.id.in_(declaration_ids))
        )
        subjects.update({row.id: row.reference for row in found})
    if ticket_ids:
        found_tickets = session.execute(
            select(Ticket.id, Ticket.service_code, Ticket.number).where(Ticket.id.in_(ticket_ids))
        )
        subjects.update({ticket_id: label(code, n) for ticket_id, code, n in found_tickets})
    return subjects


def _entry(row: OutboxEntry, subject: str | None) -> RefusedEntry:
    assert row.rejected_at is not None  # only refused rows are read here
    return RefusedEntry(
        id=row.sequence,
        entity_type=row.entity_type,
        operation=row.operation,
        subject=subject,
        created_at=row.created_at,
        refused_at=row.rejected_at,
        reason=row.last_error,
        attempts=row.attempts,
    )


def _without_personal_data(entity_type: str, payload: dict[str, Any]) -> dict[str, Any]:
    kept = KEPT_FIELDS.get(entity_type, frozenset({"id"}))
    return {key: value for key, value in payload.items() if key in kept}


def _blank_entity(session: Session, entity_type: str, entity_id: uuid.UUID, now: datetime) -> None:
    """Empty the personal column of the entry's own row, as the purge would; stamp it purged."""
    if entity_type == "dossier":
        declaration = session.get(Declaration, entity_id)
        if declaration is not None:
            declaration.answers = {}
            declaration.purged_at = declaration.purged_at or now
    elif entity_type == "account":
        account = session.get(Account, entity_id)
        if account is not None:
            account.data = {}
            account.purged_at = account.purged_at or now
