"""Where a hồ sơ stands: the kiosk asks by reference, the counter sets it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import get_args

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import Dossier
from server.devices import get_centre
from server.errors import BadRequestError, NotFoundError
from wire.protocol import DossierState, DossierStatus

STATES: tuple[str, ...] = get_args(DossierState)
_MAX_NOTE = 200


def _find(session: Session, centre_id: uuid.UUID, reference: str) -> Dossier:
    dossier = session.scalars(
        select(Dossier).where(Dossier.centre_id == centre_id, Dossier.reference == reference)
    ).one_or_none()
    if dossier is None:
        raise NotFoundError("no dossier with that reference at this centre")
    return dossier


def status(session: Session, centre_id: uuid.UUID, reference: str) -> DossierStatus:
    """The status of ``reference`` if it is a dossier of ``centre_id``; else ``NotFoundError``."""
    dossier = _find(session, centre_id, reference)
    return DossierStatus(
        reference=dossier.reference,
        state=dossier.state,  # type: ignore[arg-type]  # the table's check constraint
        updated_at=dossier.updated_at,
        note=dossier.note,
    )


def set_status(
    session: Session,
    centre_id: uuid.UUID,
    reference: str,
    state: str,
    *,
    note: str = "",
    now: datetime,
) -> Dossier:
    """Record what the counter did; the kiosk shows it on the next look-up."""
    if state not in STATES:
        raise BadRequestError(f"state must be one of {', '.join(STATES)}")
    if len(note) > _MAX_NOTE:
        raise BadRequestError(f"the note has more than {_MAX_NOTE} characters")
    get_centre(session, centre_id)
    dossier = _find(session, centre_id, reference)
    dossier.state = state
    dossier.note = note
    dossier.updated_at = now
    return dossier
