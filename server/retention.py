"""Personal data on the server: exported or handed on by the operator, then purged.

The server is where kiosks' dossiers and accounts end up, but not where they are
processed: the centre's staff take each dossier into the one-stop system
(hand it on) or export what was received to a file for it. Until then the server's
copy may be the only one, so nothing is purged before; after, a dossier's answers
and an account's data are removed the retention (``server.config``: 30 days unless
configured) after the first of the two marks. What stays is what the counter and the kiosks
still need: the reference, procedure, form and version, status, times and consent
record of a dossier; the ids, outcome and times of an entry.

- :func:`export` returns the dossiers and accounts received (since a time) as one
  JSON-able document, marks them exported, and records each one read (``server.audit``);
- :func:`mark_handed_on` marks dossiers (by reference, or everything received before
  a time) and accounts handed on without an export;
- :func:`purge` removes what is due; the server runs it at start and every hour, and
  ``admin purge`` runs it now.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, Update, and_, func, or_, select, update
from sqlalchemy.orm import Session

from server import audit
from server.db.models import Dossier, ReceivedEntry
from server.devices import get_centre
from server.errors import NotFoundError

EXPORT_FORMAT: Final = "mot-cua-dossier-export"
#: Ids per ``IN (...)``: well under SQLite's limit on a statement's parameters.
_CHUNK: Final = 500


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge removed, and what is past the retention but waits for the operator."""

    dossiers: int
    accounts: int
    #: Dossiers and accounts older than the retention, neither exported nor handed on.
    waiting: int


def _accounts() -> ColumnElement[bool]:
    return and_(ReceivedEntry.entity_type == "account", ReceivedEntry.outcome == "accepted")


def export(
    session: Session,
    centre_id: uuid.UUID,
    *,
    now: datetime,
    since: datetime | None = None,
    who: str | None = None,
) -> dict[str, Any]:
    """The centre's dossiers and accounts received since ``since``, not yet purged.

    Marks each exported (the first export's time is kept) and records the read.
    """
    get_centre(session, centre_id)
    dossier_query = select(Dossier).where(
        Dossier.centre_id == centre_id, Dossier.purged_at.is_(None)
    )
    account_query = select(ReceivedEntry).where(
        ReceivedEntry.centre_id == centre_id, _accounts(), ReceivedEntry.purged_at.is_(None)
    )
    if since is not None:
        dossier_query = dossier_query.where(Dossier.received_at >= since)
        account_query = account_query.where(ReceivedEntry.received_at >= since)
    dossiers = list(session.scalars(dossier_query.order_by(Dossier.received_at, Dossier.id)))
    accounts = list(
        session.scalars(account_query.order_by(ReceivedEntry.received_at, ReceivedEntry.sequence))
    )
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "centre_id": str(centre_id),
        "exported_at": now.isoformat(),
        "since": None if since is None else since.isoformat(),
        "dossiers": [_dossier_json(dossier) for dossier in dossiers],
        "accounts": [_account_json(entry) for entry in accounts],
    }
    for dossier in dossiers:
        dossier.exported_at = dossier.exported_at or now
    for entry in accounts:
        entry.exported_at = entry.exported_at or now
    audit.record_reads(
        session,
        action="export-dossiers",
        centre_id=centre_id,
        now=now,
        detail="" if since is None else f"since {since.isoformat()}",
        dossier_ids=[dossier.id for dossier in dossiers],
        entry_ids=[entry.entry_id for entry in accounts],
        who=who,
    )
    return document


def _dossier_json(dossier: Dossier) -> dict[str, Any]:
    return {
        "id": str(dossier.id),
        "reference": dossier.reference,
        "procedure_code": dossier.procedure_code,
        "form_id": dossier.form_id,
        "form_version": dossier.form_version,
        "answers": dossier.answers,
        "consent": dossier.consent,
        "kiosk_name": dossier.kiosk_name,
        "state": dossier.state,
        "note": dossier.note,
        "submitted_at": dossier.submitted_at.isoformat(),
        "received_at": dossier.received_at.isoformat(),
    }


def _account_json(entry: ReceivedEntry) -> dict[str, Any]:
    return {
        "id": str(entry.entity_id),
        "entry_id": str(entry.entry_id),
        "data": entry.payload.get("data", {}),
        "created_at": entry.created_at.isoformat(),
        "received_at": entry.received_at.isoformat(),
    }


def mark_handed_on(
    session: Session,
    centre_id: uuid.UUID,
    *,
    now: datetime,
    references: list[str] | None = None,
    received_before: datetime | None = None,
) -> int:
    """Mark dossiers (and, by time, accounts) handed on; returns how many were marked.

    By ``references``: those dossiers, each of which must exist at the centre. By
    ``received_before``: every dossier and account received before it. A mark already
    set is kept.
    """
    get_centre(session, centre_id)
    if references is not None:
        found = set(
            session.scalars(
                select(Dossier.reference).where(
                    Dossier.centre_id == centre_id, Dossier.reference.in_(references)
                )
            )
        )
        missing = sorted(set(references) - found)
        if missing:
            raise NotFoundError(f"no dossier {', '.join(missing)[:150]} at this centre")
        dossier_filter: ColumnElement[bool] = Dossier.reference.in_(references)
    elif received_before is not None:
        dossier_filter = Dossier.received_at < received_before
    else:
        raise ValueError("name the dossiers or a time")
    marked = _updated(
        session,
        update(Dossier)
        .where(Dossier.centre_id == centre_id, dossier_filter, Dossier.handed_on_at.is_(None))
        .values(handed_on_at=now),
    )
    if received_before is not None:
        marked += _updated(
            session,
            update(ReceivedEntry)
            .where(
                ReceivedEntry.centre_id == centre_id,
                _accounts(),
                ReceivedEntry.received_at < received_before,
                ReceivedEntry.handed_on_at.is_(None),
            )
            .values(handed_on_at=now),
        )
    return marked


def purge(
    session: Session,
    *,
    now: datetime,
    retention: timedelta,
    centre_id: uuid.UUID | None = None,
) -> PurgeReport:
    """Remove the answers and account data whose retention after export or hand-on ran out.

    A dossier keeps its row (reference, status, times) with ``answers`` ``{}``; its
    outbox entries, and a purged account's entry, keep no payload.
    """
    cutoff = now - retention
    centre = [] if centre_id is None else [Dossier.centre_id == centre_id]
    entry_centre = [] if centre_id is None else [ReceivedEntry.centre_id == centre_id]
    due_dossiers = list(
        session.scalars(
            select(Dossier.id).where(
                *centre,
                Dossier.purged_at.is_(None),
                or_(Dossier.exported_at <= cutoff, Dossier.handed_on_at <= cutoff),
            )
        )
    )
    for start in range(0, len(due_dossiers), _CHUNK):
        chunk = due_dossiers[start : start + _CHUNK]
        session.execute(
            update(Dossier).where(Dossier.id.in_(chunk)).values(answers={}, purged_at=now)
        )
        session.execute(
            update(ReceivedEntry)
            .where(ReceivedEntry.entity_type == "dossier", ReceivedEntry.entity_id.in_(chunk))
            .values(payload={}, purged_at=now)
        )
    accounts = _updated(
        session,
        update(ReceivedEntry)
        .where(
            *entry_centre,
            _accounts(),
            ReceivedEntry.purged_at.is_(None),
            or_(ReceivedEntry.exported_at <= cutoff, ReceivedEntry.handed_on_at <= cutoff),
        )
        .values(payload={}, purged_at=now),
    )
    waiting = (
        session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(
                *centre,
                Dossier.purged_at.is_(None),
                Dossier.exported_at.is_(None),
                Dossier.handed_on_at.is_(None),
                Dossier.received_at <= cutoff,
            )
        )
        or 0
    )
    waiting += (
        session.scalar(
            select(func.count())
            .select_from(ReceivedEntry)
            .where(
                *entry_centre,
                _accounts(),
                ReceivedEntry.purged_at.is_(None),
                ReceivedEntry.exported_at.is_(None),
                ReceivedEntry.handed_on_at.is_(None),
                ReceivedEntry.received_at <= cutoff,
            )
        )
        or 0
    )
    return PurgeReport(dossiers=len(due_dossiers), accounts=int(accounts), waiting=int(waiting))


def _updated(session: Session, statement: Update) -> int:
    """Run an UPDATE in the session's transaction; how many rows it changed."""
    return int(session.connection().execute(statement).rowcount)
