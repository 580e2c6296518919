"""Unlocking staff mode with the PIN, with a lock-out that survives a restart.

The failure count and the lock live in the database, not in memory, so pulling the
plug does not buy a guesser five more tries. Every attempt is audited; the PIN never
is.

A right PIN yields a :class:`~kiosk.staff.grant.StaffGrant`, which every staff-only
service call takes and checks here (:meth:`StaffAccess.require`). The grants are the
opposite of the lock-out: kept in memory only, so a restart ends staff mode.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from kiosk.audit import AuditEntry, AuditLog
from kiosk.audit.log import JsonScalar
from kiosk.clock import LOCAL_TZ, Clock
from kiosk.db import Database
from kiosk.db.models import StaffCredential
from kiosk.errors import (
    PinLockedError,
    PinNotSetError,
    StaffGrantForgedError,
    StaffGrantMissingError,
    StaffGrantRevokedError,
    StaffPinError,
    WrongPinError,
)
from kiosk.staff.grant import StaffGrant
from kiosk.staff.pin import check_pin_format, hash_pin, verify_pin

#: The single row of ``staff_credentials``.
_ROW_ID = 1
#: Who the audit log names for attempts at the kiosk's PIN pad.
STAFF_ACTOR = "staff"
#: Who the audit log names for the command line: IT, who own the machine.
IT_ACTOR = "it"


@dataclass(frozen=True, slots=True)
class _Refusal:
    """Why an unlock failed, decided inside the transaction, raised after it commits."""

    error: StaffPinError


class StaffAccess:
    """The staff PIN: setting it, unlocking staff mode with it, and the grants it yields."""

    MAX_ATTEMPTS = 5
    LOCKOUT = timedelta(minutes=5)

    def __init__(self, db: Database, audit: AuditLog, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._guard = threading.Lock()
        #: Live grants by token; a grant is honoured only if it equals the one kept here.
        self._live: dict[str, StaffGrant] = {}
        #: Tokens locked since: told apart from made-up ones, for a clearer message.
        self._revoked: set[str] = set()

    def set_pin(self, pin: str, actor: str = IT_ACTOR) -> None:
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

    def unlock(self, pin: str) -> StaffGrant:
        """A grant if ``pin`` is right; otherwise raise a ``StaffPinError`` saying why.

        The failure count, the lock and the audit entry are committed before the
        error is raised, so they stick.
        """
        with self._db.transaction() as session:
            refusal = self._attempt(session, pin)
        if refusal is not None:
            raise refusal.error
        return self._issue(STAFF_ACTOR)

    def lock(self, grant: StaffGrant | None) -> None:
        """Lock staff mode again: ``grant`` is refused from now on (audited ``staff.lock``).

        Locking what is not live (nothing, a grant already locked) does nothing, so
        the idle reset and the lock button may both call it.
        """
        if grant is None:
            return
        with self._guard:
            live = self._live.get(grant.token)
            if live != grant:
                return
            del self._live[grant.token]
            self._revoked.add(grant.token)
        self._audit.record(grant.actor, "staff.lock")

    def require(self, grant: StaffGrant | None) -> str:
        """The actor to audit when ``grant`` is live; raises ``StaffAccessError`` if not."""
        if grant is None:
            raise StaffGrantMissingError()
        with self._guard:
            live = self._live.get(grant.token)
            revoked = grant.token in self._revoked
        if live is not None and live == grant:
            return live.actor
        if revoked and live is None:
            raise StaffGrantRevokedError()
        raise StaffGrantForgedError()

    def grant_for_command_line(self) -> StaffGrant:
        """A grant for ``python -m kiosk`` (actor ``it``), without a PIN.

        Only ``kiosk/cli/`` calls this: whoever runs the command line already owns the
        machine and the database file, so a PIN would protect nothing there. The
        actions it allows are audited as ``it``.
        """
        return self._issue(IT_ACTOR)

    def audit_entries(self, grant: StaffGrant | None, limit: int = 50) -> list[AuditEntry]:
        """The ``limit`` newest audit entries, newest first, for staff only.

        Staff read the log here, not through ``AuditLog.recent``: what was done at the
        kiosk is itself something a citizen at the screen has no business reading.
        """
        self.require(grant)
        return self._audit.recent(limit)

    def record(self, grant: StaffGrant | None, action: str, **detail: JsonScalar) -> None:
        """Audit a staff action that happens outside the core (leaving kiosk mode,
        quitting, asking for a sync pass) in the grant's name; refused without a live
        grant, so the screen acts only after the core said yes."""
        self._audit.record(self.require(grant), action, **detail)

    def _issue(self, actor: str) -> StaffGrant:
        grant = StaffGrant(actor=actor, unlocked_at=self._clock(), token=secrets.token_hex(32))
        with self._guard:
            self._live[grant.token] = grant
        return grant

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
