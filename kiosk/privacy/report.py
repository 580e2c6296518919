"""What personal data the kiosk holds right now, and when each piece will leave.

For IT and for a centre asked "what do you keep about citizens, and for how long?"
(``python -m kiosk privacy report``). It counts; it never shows a value. The only
names it lists are declaration references, and only of the declarations a kiosk with no server
is about to purge: they exist nowhere else, so staff print or export their A4 forms
first (``declaration print`` / ``declaration pdf``) if the counter still needs them.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.clock import LOCAL_TZ
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.printing.retention import FolderContents
from kiosk.sync.purge import RetentionPolicy

#: How far ahead "due soon" looks: a working day for staff to print what they need.
DUE_SOON = timedelta(days=1)
#: Outbox entries of these kinds carry a citizen's answers or account data.
PERSONAL_ENTITIES = ("dossier", "account")


@dataclass(frozen=True, slots=True)
class HeldRows:
    """How many rows hold personal data, and since when the oldest one."""

    count: int = 0
    oldest_at: datetime | None = None

    def as_json(self, now: datetime) -> dict[str, object]:
        return {
            "count": self.count,
            "oldest_at": _iso(self.oldest_at),
            "oldest_age_days": _age_days(self.oldest_at, now),
        }


@dataclass(frozen=True, slots=True)
class DueDay:
    """What the purge will remove on one local day (or, when that day is past, next)."""

    day: date
    declarations: int = 0
    accounts: int = 0


@dataclass(frozen=True, slots=True)
class PrivacyReport:
    """The personal data on this kiosk, the rules that remove it, and the files."""

    at: datetime
    #: No server: retention counts from submission.
    standalone: bool
    retention_days: int
    refused_retention_days: int
    declarations: HeldRows
    accounts: HeldRows
    #: Outbox entries whose payload still carries answers or account data.
    outbox_entries: HeldRows
    #: Declarations and accounts the server has not acknowledged yet: kept until it has, and
    #: ``retention_days`` more.
    waiting_for_server: int
    #: Uploads the server refused that staff have not resolved.
    refused: int
    #: By local day, what will be purged; days already past are due at the next purge.
    schedule: tuple[DueDay, ...]
    #: References of declarations only this kiosk has, purged within :data:`DUE_SOON`.
    due_soon: tuple[str, ...]
    printouts: FolderContents
    spool: FolderContents

    def as_json(self) -> dict[str, object]:
        return {
            "at": self.at.isoformat(),
            "standalone": self.standalone,
            "retention_days": self.retention_days,
            "refused_retention_days": self.refused_retention_days,
            "declarations": self.declarations.as_json(self.at),
            "accounts": self.accounts.as_json(self.at),
            "outbox_entries": self.outbox_entries.as_json(self.at),
            "waiting_for_server": self.waiting_for_server,
            "refused": self.refused,
            "schedule": [
                {
                    "day": due.day.isoformat(),
                    "declarations": due.declarations,
                    "accounts": due.accounts,
                }
                for due in self.schedule
            ],
            "due_soon": list(self.due_soon),
            "printouts": _files_json(self.printouts, self.at),
            "spool": _files_json(self.spool, self.at),
        }


@dataclass(frozen=True, slots=True)
class _Held:
    """One declaration or account that still holds personal data."""

    kind: str
    id: uuid.UUID
    reference: str | None
    created_at: datetime
    acknowledged_at: datetime | None


def build_report(
    session: Session,
    policy: RetentionPolicy,
    now: datetime,
    printouts: FolderContents,
    spool: FolderContents,
) -> PrivacyReport:
    """The report as of ``now``, read in the caller's transaction."""
    held = _held(session)
    refused_at = _refused_at(session)
    waiting = 0
    days: Counter[tuple[date, str]] = Counter()
    due_soon = []
    for row in held:
        due = _due(row, policy, refused_at.get(row.id))
        if due is None:
            waiting += 1
            continue
        days[(max(due, now).astimezone(LOCAL_TZ).date(), row.kind)] += 1
        only_copy = row.acknowledged_at is None and row.id not in refused_at
        if row.reference is not None and only_copy and due <= now + DUE_SOON:
            due_soon.append(row.reference)
    schedule = tuple(
        DueDay(day, days[(day, "dossier")], days[(day, "account")])
        for day in sorted({day for day, _kind in days})
    )
    entries = session.execute(
        select(OutboxEntry.created_at).where(
            OutboxEntry.entity_type.in_(PERSONAL_ENTITIES), OutboxEntry.discarded_at.is_(None)
        )
    ).all()
    assert policy.refused_limit is not None  # the report's policy always has one
    return PrivacyReport(
        at=now,
        standalone=policy.standalone,
        retention_days=policy.retention.days,
        refused_retention_days=policy.refused_limit.days,
        declarations=_count(row.created_at for row in held if row.kind == "dossier"),
        accounts=_count(row.created_at for row in held if row.kind == "account"),
        outbox_entries=_count(created for (created,) in entries),
        waiting_for_server=waiting,
        refused=len(refused_at),
        schedule=schedule,
        due_soon=tuple(sorted(due_soon)),
        printouts=printouts,
        spool=spool,
    )


def _held(session: Session) -> list[_Held]:
    declarations = session.execute(
        select(
            Declaration.id,
            Declaration.reference,
            Declaration.created_at,
            Declaration.acknowledged_at,
        ).where(Declaration.purged_at.is_(None))
    )
    accounts = session.execute(
        select(Account.id, Account.created_at, Account.acknowledged_at).where(
            Account.purged_at.is_(None)
        )
    )
    return [_Held("dossier", *row) for row in declarations] + [
        _Held("account", row.id, None, row.created_at, row.acknowledged_at) for row in accounts
    ]


def _refused_at(session: Session) -> dict[uuid.UUID, datetime]:
    """When each entity's upload was refused, for the refused entries still waiting."""
    rows = session.execute(
        select(OutboxEntry.entity_id, OutboxEntry.rejected_at).where(
            OutboxEntry.acknowledged_at.is_(None),
            OutboxEntry.rejected_at.is_not(None),
            OutboxEntry.discarded_at.is_(None),
        )
    )
    return {entity_id: rejected for entity_id, rejected in rows if rejected is not None}


def _due(row: _Held, policy: RetentionPolicy, refused_at: datetime | None) -> datetime | None:
    """When the purge removes ``row``'s personal data; ``None`` while it waits for a server."""
    candidates = []
    if row.acknowledged_at is not None:
        candidates.append(row.acknowledged_at + policy.retention)
    elif policy.standalone:
        candidates.append(row.created_at + policy.retention)
    if refused_at is not None and policy.refused_limit is not None:
        candidates.append(refused_at + policy.refused_limit)
    return min(candidates) if candidates else None


def _count(dates: Iterable[datetime]) -> HeldRows:
    found = list(dates)
    return HeldRows(len(found), min(found) if found else None)


def _files_json(contents: FolderContents, now: datetime) -> dict[str, object]:
    return {
        "files": contents.files,
        "bytes": contents.bytes,
        "oldest_at": _iso(contents.oldest_at),
        "oldest_age_days": _age_days(contents.oldest_at, now),
    }


def _iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat()


def _age_days(when: datetime | None, now: datetime) -> float | None:
    if when is None:
        return None
    return round(max(0.0, (now - when).total_seconds()) / 86400, 1)
