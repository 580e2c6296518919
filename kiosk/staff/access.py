"""Unlocking staff mode with the PIN, with a lock-out that survives a restart.

The failure count and the lock live in the database, not in memory, so pulling the
plug does not buy a guesser five more tries. Every attempt is audited; the PIN never
is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.audit import AuditLog
from kiosk.clock import LOCAL_TZ, Clock
from kiosk.db import Database
from kiosk.db.models import StaffCredential
from kiosk.errors import PinLockedError, PinNotSetError, StaffPinError, WrongPinError
from kiosk.staff.pin import check_pin_format, hash_pin, verify_pin

#: The single row of ``staff_credentials``.
_ROW_ID = 1
#: Who the audit log names for attempts at the kiosk's PIN pad.
STAFF_ACTOR = "staff"


@dataclass(frozen=True, slots=True)
class _Refusal:
    """Why an unlock failed, decided inside the transaction, raised after it commits."""

    error: StaffPinError


class StaffAccess:
    """The staff PIN: setting it, and unlocking staff mode with it."""

    MAX_ATTEMPTS = 5
    LOCKOUT = timedelta(minutes=5)

    def __init__(self, db: Database, audit: AuditLog, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    def set_pin(self, pin: str, actor: str = "it") -> None:
        """Set or replace the PIN (4–12 digits) and lift any lock-out."""
        check_pin_format(pin)
        pin_hash = hash_pin(pin)
        now = self._clock()
        with self._db.transaction() as session:
            row = session.get(StaffCredential, _ROW_ID)
            if row is None:
                session.add(
                    StaffCredential(
                        id=_ROW_ID, pin_hash=pin_hash, failed_attempts=0, updated_at=now
                    )
                )
            else:
                row.pin_hash = pin_hash
                row.failed_attempts = 0
                row.locked_until = None
                row.updated_at = now
            self._audit.record_in(session, actor, "staff.pin_set")

    def is_pin_set(self) -> bool:
        with self._db.transaction() as session:
            return session.get(StaffCredential, _ROW_ID) is not None

    def locked_until(self) -> datetime | None:
        """When the current lock-out ends, or ``None`` when not locked."""
        with self._db.transaction() as session:
            row = session.get(StaffCredential, _ROW_ID)
            if row is None or row.locked_until is None or row.locked_until <= self._clock():
                return None
            return row.locked_until

    def unlock(self, pin: str) -> None:
        """Return if ``pin`` is right; otherwise raise a ``StaffPinError`` saying why.

        The failure count, the lock and the audit entry are committed before the
        error is raised, so they stick.
        """
        with self._db.transaction() as session:
            refusal = self._attempt(session, pin)
        if refusal is not None:
            raise refusal.error

    def _attempt(self, session: Session, pin: str) -> _Refusal | None:
        row = session.get(StaffCredential, _ROW_ID)
        if row is None:
            self._audit.record_in(session, STAFF_ACTOR, "staff.unlock_failed", reason="not_set")
            return _Refusal(PinNotSetError())
        now = self._clock()
        if row.locked_until is not None:
            if now < row.locked_until:
                self._audit.record_in(session, STAFF_ACTOR, "staff.unlock_failed", reason="locked")
                return _Refusal(PinLockedError(until=_local_hh_mm(row.locked_until)))
            # The lock has run out: a fresh set of tries.
            row.locked_until = None
            row.failed_attempts = 0
        if verify_pin(pin, row.pin_hash):
            row.failed_attempts = 0
            row.updated_at = now
            self._audit.record_in(session, STAFF_ACTOR, "staff.unlock")
            return None
        row.failed_attempts += 1
        row.updated_at = now
        remaining = self.MAX_ATTEMPTS - row.failed_attempts
        self._audit.record_in(
            session, STAFF_ACTOR, "staff.unlock_failed", reason="wrong", remaining=remaining
        )
        if remaining > 0:
            return _Refusal(WrongPinError(remaining))
        row.locked_until = now + self.LOCKOUT
        self._audit.record_in(
            session,
            STAFF_ACTOR,
            "staff.locked_out",
            attempts=row.failed_attempts,
            until=row.locked_until.isoformat(),
        )
        return _Refusal(PinLockedError(until=_local_hh_mm(row.locked_until)))


def _local_hh_mm(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M")
