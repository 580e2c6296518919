"""Removing citizens' personal data once the server has it and the retention has passed.

A hồ sơ acknowledged more than ``retention_days`` ago keeps its reference, procedure,
form version and status (staff can still find it and say "received") but its
answers become ``{}``; an account's ``data`` likewise. Acknowledged outbox entries of
that age are deleted, since their payloads are copies of the same answers. Nothing
the server has not acknowledged is ever touched, and entries the server refused stay
for staff to deal with. Once something was purged, the write-ahead log is folded and
truncated (``kiosk.db.scrub``), so the answers do not linger in the files either.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import Account, Dossier, OutboxEntry
from kiosk.db.scrub import scrub_removed_data
from kiosk.sync.api import PurgeReport

log = logging.getLogger("kiosk.sync")


def purge_personal_data(db: Database, clock: Clock, retention: timedelta) -> PurgeReport:
    """Purge what is due, in one transaction; returns how many rows were purged."""
    now = clock()
    cutoff = now - retention
    with db.transaction() as session:
        dossiers = _blank_acknowledged(session, Dossier, cutoff, now, answers={})
        accounts = _blank_acknowledged(session, Account, cutoff, now, data={})
        entry_ids = list(
            session.scalars(
                select(OutboxEntry.sequence).where(
                    OutboxEntry.acknowledged_at.is_not(None), OutboxEntry.acknowledged_at <= cutoff
                )
            )
        )
        if entry_ids:
            session.execute(delete(OutboxEntry).where(OutboxEntry.sequence.in_(entry_ids)))
    report = PurgeReport(dossiers, accounts, len(entry_ids))
    if dossiers or accounts or entry_ids:
        scrub_removed_data(db)
        log.info(
            "purged personal data: %d dossiers, %d accounts, %d outbox entries",
            report.dossiers,
            report.accounts,
            report.outbox_entries,
        )
    return report


def _blank_acknowledged(
    session: Session,
    model: type[Dossier] | type[Account],
    cutoff: datetime,
    now: datetime,
    **blanked: object,
) -> int:
    """Empty the personal columns (``blanked``) of the rows acknowledged by ``cutoff``
    and not purged yet, stamping them purged; returns how many there were."""
    ids = list(
        session.scalars(
            select(model.id).where(
                model.acknowledged_at.is_not(None),
                model.acknowledged_at <= cutoff,
                model.purged_at.is_(None),
            )
        )
    )
    if ids:
        session.execute(update(model).where(model.id.in_(ids)).values(purged_at=now, **blanked))
    return len(ids)
