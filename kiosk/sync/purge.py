"""Removing citizens' personal data once the server has it and the retention has passed.

A hồ sơ acknowledged more than ``retention_days`` ago keeps its reference, procedure,
form version and status (staff can still find it and say "received") but its
answers become ``{}``; an account's ``data`` likewise. Acknowledged outbox entries of
that age are deleted, since their payloads are copies of the same answers. Nothing
the server has not acknowledged is ever touched, and entries the server refused stay
for staff to deal with.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy import delete, select, update

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import Account, Dossier, OutboxEntry
from kiosk.sync.api import PurgeReport

log = logging.getLogger("kiosk.sync")


def purge_personal_data(db: Database, clock: Clock, retention: timedelta) -> PurgeReport:
    """Purge what is due, in one transaction; returns how many rows were purged."""
    now = clock()
    cutoff = now - retention
    with db.transaction() as session:
        dossier_ids = list(
            session.scalars(
                select(Dossier.id).where(
                    Dossier.acknowledged_at.is_not(None),
                    Dossier.acknowledged_at <= cutoff,
                    Dossier.purged_at.is_(None),
                )
            )
        )
        if dossier_ids:
            session.execute(
                update(Dossier).where(Dossier.id.in_(dossier_ids)).values(answers={}, purged_at=now)
            )
        account_ids = list(
            session.scalars(
                select(Account.id).where(
                    Account.acknowledged_at.is_not(None),
                    Account.acknowledged_at <= cutoff,
                    Account.purged_at.is_(None),
                )
            )
        )
        if account_ids:
            session.execute(
                update(Account).where(Account.id.in_(account_ids)).values(data={}, purged_at=now)
            )
        entry_ids = list(
            session.scalars(
                select(OutboxEntry.sequence).where(
                    OutboxEntry.acknowledged_at.is_not(None), OutboxEntry.acknowledged_at <= cutoff
                )
            )
        )
        if entry_ids:
            session.execute(delete(OutboxEntry).where(OutboxEntry.sequence.in_(entry_ids)))
    report = PurgeReport(len(dossier_ids), len(account_ids), len(entry_ids))
    if dossier_ids or account_ids or entry_ids:
        log.info(
            "purged personal data: %d dossiers, %d accounts, %d outbox entries",
            report.dossiers,
            report.accounts,
            report.outbox_entries,
        )
    return report
