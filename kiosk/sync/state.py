"""What sync remembers between runs, as rows of the ``sync_state`` key/value table.

Kept in the database rather than in memory so that ``python -m kiosk status`` (another
process) sees what the running kiosk's worker did, and so that a restart resumes from
the same catalogue cursor. Never a secret in clear: the device token lives in the OS
keyring, or here sealed with the data key (``kiosk.sync.credentials``).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.db.models import SyncState
from wire.i18n import TrText

DEVICE_ID = "device_id"
CENTRE_ID = "centre_id"
CENTRE_NAME = "centre_name"
SERVER_URL = "server_url"
ENROLLED_AT = "enrolled_at"
#: The catalogue feed's cursor: sent as ``since`` and as the ``If-None-Match`` ETag.
CATALOG_CURSOR = "catalog_cursor"
LAST_ATTEMPT_AT = "last_attempt_at"
LAST_SUCCESS_AT = "last_success_at"
#: The last failure as a translatable text (JSON ``{context, source, params}``).
LAST_ERROR = "last_error"
#: "1" once the server refused the token: sync waits for a new enrolment.
NEEDS_ENROLMENT = "needs_enrolment"

ENROLMENT_KEYS = (DEVICE_ID, CENTRE_ID, CENTRE_NAME, SERVER_URL, ENROLLED_AT)


def read_all(session: Session) -> dict[str, str]:
    return {row.key: row.value for row in session.scalars(select(SyncState))}


def get(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return None if row is None else row.value


def put(session: Session, key: str, value: str | None) -> None:
    """Set ``key``, or remove it when ``value`` is ``None``."""
    if value is None:
        session.execute(delete(SyncState).where(SyncState.key == key))
        return
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value
    session.flush()


def put_instant(session: Session, key: str, when: datetime) -> None:
    put(session, key, when.isoformat())


def read_instant(values: dict[str, str], key: str) -> datetime | None:
    raw = values.get(key)
    return None if raw is None else datetime.fromisoformat(raw)


def put_error(session: Session, error: TrText | None) -> None:
    if error is None:
        put(session, LAST_ERROR, None)
        return
    params = {name: str(value) for name, value in error.params.items()}
    put(
        session,
        LAST_ERROR,
        json.dumps({"context": error.context, "source": error.source, "params": params}),
    )


def read_error(values: dict[str, str]) -> TrText | None:
    raw = values.get(LAST_ERROR)
    if raw is None:
        return None
    data = json.loads(raw)
    return TrText(data["context"], data["source"], dict(data.get("params", {})))
