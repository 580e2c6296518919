"""Removing citizens' personal data from the database once the retention has passed.

When the clock starts (:class:`RetentionPolicy`):

- **with a server**, at the server's acknowledgement: a declaration acknowledged more than
  ``retention_days`` ago keeps its reference, procedure, form version and status (staff
  can still find it and say "received") but its answers become ``{}``; an account's
  ``data`` likewise. Acknowledged outbox entries of that age are deleted, since their
  payloads are copies of the same answers. Nothing the server has not acknowledged is
  touched: it is the only copy the centre has;
- **with no server** (offline only, the embedded default), at submission: nothing will
  ever acknowledge the data, and the counter works from the paper the citizen brings
  and from the A4 form staff print before the purge (``privacy report`` lists what is
  due soon). The rows are blanked the same way and their outbox entries, which no
  server will ever receive, deleted;
- **an upload the server refused** waits for staff to send it again or discard it; one
  they leave for ``refused_retention_days`` is discarded by the kiosk itself, audited
  ``outbox.expire`` (``kiosk.sync.refused.expire_refused``).

Everything is one transaction. Once something was removed, the write-ahead log is
folded and truncated (``kiosk.db.scrub``), so the answers do not linger in the files
either; ``secure_delete`` has zeroed the freed space already.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Result, delete, select, update
from sqlalchemy.orm import Session

from kiosk.audit import AuditLog
from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.db.scrub import scrub_removed_data
from kiosk.sync.api import PurgeReport
from kiosk.sync.refused import expire_refused

log = logging.getLogger("kiosk.sync")

#: Who the audit log says purged when nobody asked: the kiosk itself, on its schedule.
AUTOMATIC_ACTOR = "kiosk"


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How long personal data stays, and from when."""

    retention: timedelta
    #: No server: the retention counts from submission, not from an acknowledgement.
    standalone: bool = False
    #: A refused upload nobody resolved is discarded after this long; ``None``: never.
    refused_limit: timedelta | None = None

    @classmethod
    def of(
        cls, settings: Settings, *, standalone: bool, retention_days: int | None = None
    ) -> RetentionPolicy:
        """The settings' policy; ``retention_days`` replaces theirs (``privacy purge
        --older-than``)."""
        days = settings.retention_days if retention_days is None else retention_days
        return cls(
            retention=timedelta(days=days),
            standalone=standalone,
            refused_limit=timedelta(days=settings.refused_retention_days),
        )


def purge_personal_data(
    db: Database,
    clock: Clock,
    policy: RetentionPolicy,
    *,
    audit: AuditLog | None = None,
    actor: str = AUTOMATIC_ACTOR,
    always_audit: bool = False,
) -> PurgeReport:
    """Purge what ``policy`` says is due, in one transaction; returns what it removed.

    With ``audit``, a purge that removed anything is recorded ``privacy.purge`` by
    ``actor`` with its counts (and every one, ``always_audit``, when a person asked).
    """
    now = clock()
    cutoff = now - policy.retention
    with db.transaction() as session:
        declarations = _blank(
            session, Declaration, _acknowledged_by(Declaration, cutoff), now, answers={}
        )
        accounts = _blank(session, Account, _acknowledged_by(Account, cutoff), now, data={})
        entries = _delete_entries(
            session,
            OutboxEntry.acknowledged_at.is_not(None),
            OutboxEntry.acknowledged_at <= cutoff,
        )
        if policy.standalone:
            declarations += _blank(
                session, Declaration, _submitted_by(Declaration, cutoff), now, answers={}
            )
            accounts += _blank(session, Account, _submitted_by(Account, cutoff), now, data={})
            # Pending for a server that does not exist: never to be sent, and emptied.
            entries += _delete_entries(
                session,
                OutboxEntry.entity_id.in_(
                    select(Declaration.id)
                    .where(Declaration.purged_at.is_not(None))
                    .union(select(Account.id).where(Account.purged_at.is_not(None)))
                ),
                OutboxEntry.acknowledged_at.is_(None),
                OutboxEntry.rejected_at.is_(None),
                OutboxEntry.discarded_at.is_(None),
            )
        refused = 0
        if policy.refused_limit is not None:
            refused = expire_refused(
                session,
                audit,
                AUTOMATIC_ACTOR,
                refused_by=now - policy.refused_limit,
                now=now,
                days=policy.refused_limit.days,
            )
        report = PurgeReport(declarations, accounts, entries, refused_discarded=refused)
        if audit is not None and (always_audit or report.removed_anything):
            audit.record_in(
                session,
                actor,
                "privacy.purge",
                declarations=report.declarations,
                accounts=report.accounts,
                outbox_entries=report.outbox_entries,
                refused_discarded=report.refused_discarded,
                retention_days=policy.retention.days,
            )
    if report.removed_anything:
        scrub_removed_data(db)
        log.info(
            "purged personal data: %d declarations, %d accounts, %d outbox entries, "
            "%d refused uploads discarded",
            report.declarations,
            report.accounts,
            report.outbox_entries,
            report.refused_discarded,
        )
    return report


def _acknowledged_by(
    model: type[Declaration] | type[Account], cutoff: datetime
) -> ColumnElement[bool]:
    return model.acknowledged_at.is_not(None) & (model.acknowledged_at <= cutoff)


def _submitted_by(
    model: type[Declaration] | type[Account], cutoff: datetime
) -> ColumnElement[bool]:
    """Submitted by ``cutoff``, and acknowledged by no server."""
    return model.acknowledged_at.is_(None) & (model.created_at <= cutoff)


def _blank(
    session: Session,
    model: type[Declaration] | type[Account],
    condition: ColumnElement[bool],
    now: datetime,
    **blanked: object,
) -> int:
    """Empty the personal columns (``blanked``) of the rows matching ``condition`` and
    not purged yet, stamping them purged; returns how many there were.

    One statement, however many rows: a kiosk first upgraded after a year offline may
    have more of them than SQLite takes variables in one ``IN (…)``.
    """
    statement = update(model).where(condition, model.purged_at.is_(None))
    done = session.execute(statement.values(purged_at=now, **blanked))
    return _count(done)


def _delete_entries(session: Session, *conditions: ColumnElement[bool]) -> int:
    return _count(session.execute(delete(OutboxEntry).where(*conditions)))


def _count(result: Result[Any]) -> int:
    assert isinstance(result, CursorResult)  # what an UPDATE or DELETE gives
    return int(result.rowcount)
