"""Who read personal data through the admin command line: one row per dossier or entry.

An admin command that shows or writes out a dossier's answers or an account's data
records, in the same transaction, the operating-system user that ran it, the action,
the time and which dossier or entry. A read the audit cannot record is not made (the
transaction rolls back and nothing is printed). The kiosks' own reads are not here:
kiosks only ever ask for a dossier's status, which holds no personal data.
"""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from server.db.models import AdminRead

_MAX_USER = 64
_MAX_DETAIL = 200


def os_user() -> str:
    """The operating-system account running this command (``sudo -u`` gives the target)."""
    try:
        return getpass.getuser()[:_MAX_USER] or "unknown"
    except (OSError, KeyError):  # no login name and no passwd entry (a bare container)
        return "unknown"


def record_reads(
    session: Session,
    *,
    action: str,
    centre_id: uuid.UUID | None,
    now: datetime,
    detail: str = "",
    dossier_ids: Iterable[uuid.UUID] = (),
    entry_ids: Iterable[uuid.UUID] = (),
    who: str | None = None,
) -> int:
    """Record one read per dossier and per entry; returns how many rows were written."""
    user = os_user() if who is None else who[:_MAX_USER]
    base = {
        "read_at": now,
        "os_user": user,
        "action": action,
        "centre_id": centre_id,
        "detail": detail[:_MAX_DETAIL],
    }
    rows = [{**base, "id": uuid.uuid4(), "dossier_id": d, "entry_id": None} for d in dossier_ids]
    rows += [{**base, "id": uuid.uuid4(), "dossier_id": None, "entry_id": e} for e in entry_ids]
    if rows:
        session.execute(insert(AdminRead), rows)
    return len(rows)


def reads(
    session: Session,
    *,
    centre_id: uuid.UUID | None = None,
    dossier_id: uuid.UUID | None = None,
    since: datetime | None = None,
) -> list[AdminRead]:
    """The recorded reads, oldest first, narrowed to a centre, a dossier or a time."""
    query = select(AdminRead).order_by(AdminRead.read_at, AdminRead.action)
    if centre_id is not None:
        query = query.where(AdminRead.centre_id == centre_id)
    if dossier_id is not None:
        query = query.where(AdminRead.dossier_id == dossier_id)
    if since is not None:
        query = query.where(AdminRead.read_at >= since)
    return list(session.scalars(query))
