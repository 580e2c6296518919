"""Writing an outbox entry beside the change it reports, in the caller's transaction.

Every change the server must receive (a ticket, a declaration, an account) is queued
here *inside* the transaction that makes the change: both are committed or neither
is, so the sync worker can never upload something the kiosk does not have, nor miss
something it does. The sync worker reads and acknowledges these rows; this module
only adds them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from kiosk.db.models import OutboxEntry


def add_outbox_entry(
    session: Session,
    entity_type: str,
    entity_id: uuid.UUID,
    operation: str,
    payload: dict[str, Any],
    *,
    now: datetime,
) -> OutboxEntry:
    """Queue ``payload`` (plain JSON values) for upload; sent when ``session`` commits."""
    entry = OutboxEntry(
        entry_id=uuid.uuid4(),
        entity_type=entity_type,
        entity_id=entity_id,
        operation=operation,
        payload=payload,
        created_at=now,
        attempts=0,
    )
    session.add(entry)
    return entry
