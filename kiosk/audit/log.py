"""The staff audit log (nhật ký thao tác): who did what at the kiosk, and when.

Every staff action is recorded, including failed unlocks, so a centre can answer
"who left kiosk mode at 14:02?". A PIN is never recorded: detail keys that look like
one are refused, because a PIN in the audit log would be readable by anyone who can
read the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from sqlalchemy import desc, literal_column, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import AuditRecord

#: A dotted lower-case name: ``staff.unlock``, ``staff.leave_kiosk_mode``.
_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
#: Detail values must be plain JSON scalars, so nothing personal hides in an object.
JsonScalar = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One recorded action, as shown on the staff screen."""

    at: datetime
    actor: str
    action: str
    detail: Mapping[str, JsonScalar]


class AuditLog:
    """Writes and reads the audit log; each record in its own transaction or the caller's."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def record(self, actor: str, action: str, **detail: JsonScalar) -> None:
        """Record ``action`` by ``actor`` in a transaction of its own."""
        with self._db.transaction() as session:
            self.record_in(session, actor, action, **detail)

    def record_in(self, session: Session, actor: str, action: str, **detail: JsonScalar) -> None:
        """Record ``action`` inside the caller's transaction: kept only if it commits."""
        _check(actor, action, detail)
        session.add(AuditRecord(at=self._clock(), actor=actor, action=action, detail=detail))

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        """The ``limit`` newest entries, newest first."""
        # rowid breaks ties between entries made in the same instant (insert order).
        query = (
            select(AuditRecord)
            .order_by(desc(AuditRecord.at), desc(literal_column("audit_log.rowid")))
            .limit(limit)
        )
        with self._db.transaction() as session:
            return [
                AuditEntry(r.at, r.actor, r.action, MappingProxyType(dict(r.detail)))
                for r in session.scalars(query)
            ]


def _check(actor: str, action: str, detail: Mapping[str, JsonScalar]) -> None:
    if not actor or len(actor) > 64:
        raise ValueError(f"bad audit actor {actor!r}")
    if not _ACTION.fullmatch(action) or len(action) > 64:
        raise ValueError(f"bad audit action {action!r}")
    for key, value in detail.items():
        if "pin" in key.lower().split("_"):
            raise ValueError(f"audit detail {key!r} looks like a PIN; PINs are never logged")
        if not isinstance(value, str | int | float | bool | None):
            raise TypeError(f"audit detail {key!r} must be a JSON scalar")
