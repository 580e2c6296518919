"""Centres and their kiosks: one-time enrolment codes, device tokens, revocation.

IT staff enrol a kiosk with a code the centre's admin made (``python -m server admin
create-code``); the kiosk gets a bearer token once and the server keeps its hash. A
revoked kiosk's token stops working at once; its data stays.

A kiosk's number (``kiosk_number``, 1–9) sets its offline band of ticket numbers and
the middle of its dossier references, so two live kiosks of one centre never share
it: enrolling a second one is refused (``kiosk_number_taken``) and the code stays
unused. A kiosk that enrols again while still enrolled sends its current token with
the request: that device, if it is the centre's, is the one being replaced, so its
number does not count and it is revoked once the new one exists. A kiosk that lost its
token (a reinstall) is a new device: revoke the old one first (``admin revoke``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server import credentials
from server.db.models import Centre, Device, EnrolmentCode
from server.errors import (
    CodeUsedError,
    KioskNumberTakenError,
    NotFoundError,
    UnauthorisedError,
)
from wire.protocol import EnrolRequest, EnrolResponse

#: ``last_seen_at`` is written at most this often per kiosk, not on every request.
LAST_SEEN_RESOLUTION = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class AuthenticatedDevice:
    """The kiosk a request came from, as the API handlers need it."""

    id: uuid.UUID
    centre_id: uuid.UUID
    name: str
    kiosk_number: int


def create_centre(session: Session, name: str, *, now: datetime) -> Centre:
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise ValueError("a centre's name has 1 to 200 characters")
    centre = Centre(id=uuid.uuid4(), name=name, created_at=now)
    session.add(centre)
    session.flush()
    return centre


def get_centre(session: Session, centre_id: uuid.UUID) -> Centre:
    centre = session.get(Centre, centre_id)
    if centre is None:
        raise NotFoundError(f"no centre {centre_id}")
    return centre


def list_centres(session: Session) -> list[Centre]:
    return list(session.scalars(select(Centre).order_by(Centre.created_at, Centre.name)))


def create_enrolment_code(
    session: Session, centre_id: uuid.UUID, *, now: datetime, valid_for: timedelta
) -> tuple[str, datetime]:
    """A new one-time code for ``centre_id`` and when it expires; only its hash is kept."""
    get_centre(session, centre_id)
    code = credentials.new_enrolment_code()
    expires_at = now + valid_for
    session.add(
        EnrolmentCode(
            code_hash=credentials.hash_secret(credentials.normalise_code(code)),
            centre_id=centre_id,
            created_at=now,
            expires_at=expires_at,
        )
    )
    return code, expires_at


def enrol(
    session: Session, request: EnrolRequest, *, now: datetime, replacing: str | None = None
) -> EnrolResponse:
    """Use the code once and make the kiosk's device and token.

    The code's row is locked (``FOR UPDATE`` on PostgreSQL; SQLite transactions are
    serialised) so two kiosks typing the same code at once cannot both enrol.
    ``replacing`` is the token the enrolling kiosk holds, if any: its live device at
    the code's centre is revoked, and its number is free for the new one.
    """
    digest = credentials.hash_secret(credentials.normalise_code(request.code))
    code = session.scalars(
        select(EnrolmentCode).where(EnrolmentCode.code_hash == digest).with_for_update()
    ).one_or_none()
    if code is None:
        raise CodeUsedError("unknown enrolment code")
    if code.used_at is not None:
        raise CodeUsedError("enrolment code already used")
    if code.expires_at <= now:
        raise CodeUsedError("enrolment code expired")
    centre = get_centre(session, code.centre_id)
    replaced = _live_device(session, replacing, centre.id) if replacing else None
    _check_kiosk_number(session, centre.id, request.kiosk_number, replaced)
    token = credentials.new_device_token()
    device = Device(
        id=uuid.uuid4(),
        centre_id=centre.id,
        name=request.kiosk_name,
        kiosk_number=request.kiosk_number,
        app_version=request.app_version,
        token_hash=credentials.hash_secret(token),
        enrolled_at=now,
        last_seen_at=now,
    )
    session.add(device)
    session.flush()
    code.used_at = now
    code.device_id = device.id
    if replaced is not None:
        replaced.revoked_at = now
    return EnrolResponse(
        device_id=device.id, token=token, centre_id=centre.id, centre_name=centre.name
    )


def _live_device(session: Session, token: str, centre_id: uuid.UUID) -> Device | None:
    """The centre's live device holding ``token``, if there is one."""
    digest = credentials.hash_secret(token)
    device = session.scalars(select(Device).where(Device.token_hash == digest)).one_or_none()
    if device is None or device.revoked_at is not None or device.centre_id != centre_id:
        return None
    return device if credentials.same_hash(device.token_hash, digest) else None


def _check_kiosk_number(
    session: Session, centre_id: uuid.UUID, number: int, replaced: Device | None
) -> None:
    """Refuse ``number`` when a live kiosk of the centre other than ``replaced`` has it.

    The centre's row is locked first (as for leases), so two kiosks enrolling with the
    same number at once, with two codes, cannot both have it.
    """
    session.execute(select(Centre.id).where(Centre.id == centre_id).with_for_update())
    holder = session.scalars(
        select(Device)
        .where(
            Device.centre_id == centre_id,
            Device.kiosk_number == number,
            Device.revoked_at.is_(None),
            *([] if replaced is None else [Device.id != replaced.id]),
        )
        .limit(1)
    ).first()
    if holder is not None:
        raise KioskNumberTakenError(
            f"kiosk number {number} is taken by kiosk {holder.name!r} ({holder.id}) of this "
            "centre: set another kiosk_number, or revoke that kiosk first"
        )


def authenticate(session: Session, token: str, *, now: datetime) -> AuthenticatedDevice:
    """The kiosk holding ``token``; ``UnauthorisedError`` if none, or if it was revoked."""
    digest = credentials.hash_secret(token)
    device = session.scalars(select(Device).where(Device.token_hash == digest)).one_or_none()
    if device is None or not credentials.same_hash(device.token_hash, digest):
        raise UnauthorisedError("unknown token")
    if device.revoked_at is not None:
        raise UnauthorisedError("device revoked")
    if device.last_seen_at is None or now - device.last_seen_at >= LAST_SEEN_RESOLUTION:
        session.execute(update(Device).where(Device.id == device.id).values(last_seen_at=now))
    return AuthenticatedDevice(
        id=device.id,
        centre_id=device.centre_id,
        name=device.name,
        kiosk_number=device.kiosk_number,
    )


def revoke(session: Session, device_id: uuid.UUID, *, now: datetime) -> Device:
    """Stop the device's token working; revoking twice keeps the first time."""
    device = session.get(Device, device_id)
    if device is None:
        raise NotFoundError(f"no device {device_id}")
    if device.revoked_at is None:
        device.revoked_at = now
    return device


def list_devices(session: Session, centre_id: uuid.UUID) -> list[Device]:
    get_centre(session, centre_id)
    return list(
        session.scalars(
            select(Device)
            .where(Device.centre_id == centre_id)
            .order_by(Device.kiosk_number, Device.enrolled_at)
        )
    )
