"""Unlocking staff mode with a member's PIN, with a lock-out that survives a restart.

Each member of staff has their own PIN, and the PIN alone says who unlocks: the pad
needs no list of names a citizen could read. The wrong tries and the lock live in the
database, not in memory, so pulling the plug does not buy a guesser more tries; they
are counted for the whole kiosk (a wrong PIN names nobody), each lock longer than the
one before (``kiosk.staff.lockout``), and IT can lift them. Every attempt is audited;
the PIN never is.

A right PIN yields a :class:`~kiosk.staff.grant.StaffGrant` in the member's name
(``staff:<name>``), which every staff-only service call takes and checks here
(:meth:`StaffAccess.require`), so all that is done with it is audited in that name.
The grants are the opposite of the lock-out: kept in memory only, so a restart ends
staff mode.

Members are managed by IT on the command line (``python -m kiosk staff …``): the
methods that do it take the ``actor`` to audit and no grant, since whoever runs the
command line already owns the machine and the database file.
"""

from __future__ import annotations

import logging
import secrets
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.audit import AuditEntry, AuditLog
from kiosk.audit.actors import IT_ACTOR, STAFF_ACTOR
from kiosk.audit.log import JsonScalar
from kiosk.clock import LOCAL_TZ, Clock
from kiosk.db import Database
from kiosk.db.models import StaffLockout, StaffMemberRecord
from kiosk.errors import (
    OldPinWrongError,
    PinLockedError,
    PinNotSetError,
    StaffGrantForgedError,
    StaffGrantMissingError,
    StaffGrantRevokedError,
    StaffPinError,
    WrongPinError,
)
from kiosk.staff import roster
from kiosk.staff.grant import StaffGrant
from kiosk.staff.lockout import ATTEMPTS_PER_LOCK, LOCK_STEPS, lock_after, tries_left, whole_minutes
from kiosk.staff.pin import hash_pin, needs_rehash, verify_pin
from kiosk.staff.roster import StaffMember
from kiosk.staff.rules import check_new_pin

#: The single row of ``staff_lockout``.
_ROW_ID = 1

log = logging.getLogger("kiosk.staff")


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A member's hash as read before checking a PIN against it, outside any transaction."""

    id: uuid.UUID
    pin_hash: str


@dataclass(frozen=True, slots=True)
class _Refusal:
    """Why an unlock failed, decided inside the transaction, raised after it commits."""

    error: StaffPinError


class StaffAccess:
    """Staff members and their PINs, unlocking staff mode, and the grants it yields."""

    #: Wrong PINs before the first lock, and how long it lasts (later ones are longer).
    MAX_ATTEMPTS = ATTEMPTS_PER_LOCK
    LOCKOUT = LOCK_STEPS[0]

    def __init__(self, db: Database, audit: AuditLog, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._guard = threading.Lock()
        #: Live grants by token; a grant is honoured only if it equals the one kept here.
        self._live: dict[str, StaffGrant] = {}
        #: Tokens locked since: told apart from made-up ones, for a clearer message.
        self._revoked: set[str] = set()

    # -- members (IT, on the command line) -------------------------------------------
    #
    # Each runs in one transaction, PIN hashing included: it holds the write lock for a
    # hash per member, a fraction of a second, and IT runs these rarely.

    def members(self) -> list[StaffMember]:
        """Every member, by name; never a PIN or its hash."""
        with self._db.transaction() as session:
            return [roster.as_member(row) for row in roster.members(session)]

    def member(self, who: str | None) -> StaffMember:
        """The member ``who`` names (name or code, any case; ``None``: the only member).

        Raises ``StaffMemberNotFoundError`` or ``StaffMemberNeededError``.
        """
        with self._db.transaction() as session:
            return roster.as_member(roster.find(session, who))

    def is_pin_set(self) -> bool:
        """Whether anyone can unlock staff mode: at least one member has a PIN."""
        with self._db.transaction() as session:
            return bool(session.scalar(select(func.count()).select_from(StaffMemberRecord)))

    def add_member(
        self, name: str, pin: str, *, code: str | None = None, actor: str = IT_ACTOR
    ) -> StaffMember:
        """Add a member with their own PIN (audited ``staff.member_added``).

        Raises ``InvalidStaffNameError``/``InvalidStaffCodeError``,
        ``InvalidPinError``/``TrivialPinError`` (the rules of ``kiosk.staff.rules``),
        ``StaffMemberExistsError`` or ``PinInUseError``; nothing changes then.
        """
        clean = roster.clean_name(name)
        short = roster.clean_code(code)
        check_new_pin(pin)
        now = self._clock()
        with self._db.transaction() as session:
            rows = roster.members(session)
            roster.check_new_identity(rows, clean, short)
            roster.check_pin_unused(pin, rows)
            row = StaffMemberRecord(
                name=clean, code=short, pin_hash=hash_pin(pin), created_at=now, updated_at=now
            )
            session.add(row)
            self._audit.record_in(session, actor, "staff.member_added", member=clean, code=short)
            return roster.as_member(row)

    def remove_member(self, who: str, *, actor: str = IT_ACTOR) -> StaffMember:
        """Remove the member ``who`` names (name or code; audited ``staff.member_removed``).

        Their entries in the audit log keep their name. Removing the last member leaves
        the kiosk without staff mode until IT adds one.
        """
        with self._db.transaction() as session:
            row = roster.find(session, who)
            member = roster.as_member(row)
            session.delete(row)
            self._audit.record_in(session, actor, "staff.member_removed", member=member.name)
            return member

    def change_pin(self, who: str | None, old_pin: str, new_pin: str) -> StaffMember:
        """A member changes their own PIN, proving the old one (audited ``staff.pin_set``
        in their name). ``who=None`` is the kiosk's only member.

        A wrong old PIN raises ``OldPinWrongError`` and changes nothing, not even the
        pad's count of wrong tries: the command line is not the pad.
        """
        check_new_pin(new_pin)
        with self._db.transaction() as session:
            row = roster.find(session, who)
            if not verify_pin(old_pin, row.pin_hash):
                raise OldPinWrongError()
            self._replace_pin(session, row, new_pin)
            self._audit.record_in(
                session, roster.as_member(row).actor, "staff.pin_set", member=row.name
            )
            return roster.as_member(row)

    def reset_pin(self, who: str | None, new_pin: str, *, actor: str = IT_ACTOR) -> StaffMember:
        """IT sets a member's PIN without the old one (audited ``staff.pin_reset``).

        The pad's lock-out stays: it guards every member's PIN, not only this one
        (:meth:`lift_lockout` lifts it).
        """
        check_new_pin(new_pin)
        with self._db.transaction() as session:
            row = roster.find(session, who)
            self._replace_pin(session, row, new_pin)
            self._audit.record_in(session, actor, "staff.pin_reset", member=row.name)
            return roster.as_member(row)

    def set_pin(self, pin: str, actor: str = IT_ACTOR) -> StaffMember:
        """The PIN of a kiosk with one member: the first PIN set adds the member "Cán bộ";
        after that it resets that member's PIN (as :meth:`reset_pin`).

        For installers, the bench and demonstrations; a kiosk with several members
        raises ``StaffMemberNeededError``.
        """
        if self.is_pin_set():
            return self.reset_pin(None, pin, actor=actor)
        return self.add_member(roster.DEFAULT_NAME, pin, actor=actor)

    def _replace_pin(self, session: Session, row: StaffMemberRecord, pin: str) -> None:
        roster.check_pin_unused(pin, roster.members(session), besides=row)
        row.pin_hash = hash_pin(pin)
        row.updated_at = self._clock()

    # -- the lock-out ------------------------------------------------------------------

    def locked_until(self) -> datetime | None:
        """When the current lock-out ends, or ``None`` when not locked."""
        with self._db.transaction() as session:
            row = session.get(StaffLockout, _ROW_ID)
            if row is None or row.locked_until is None or row.locked_until <= self._clock():
                return None
            return row.locked_until

    def failed_attempts(self) -> int:
        """Wrong PINs in a row at the pad, across locks and restarts."""
        with self._db.transaction() as session:
            row = session.get(StaffLockout, _ROW_ID)
            return 0 if row is None else row.failed_attempts

    def lift_lockout(self, *, actor: str = IT_ACTOR) -> int:
        """IT's override: the pad unlocked and its count of wrong tries cleared, so a
        citizen who locked it cannot keep staff out (audited ``staff.lockout_lifted``).
        Returns how many wrong tries there had been."""
        with self._db.transaction() as session:
            row = _lockout_row(session, self._clock())
            attempts = row.failed_attempts
            locked = row.locked_until is not None and self._clock() < row.locked_until
            row.failed_attempts = 0
            row.locked_until = None
            row.updated_at = self._clock()
            self._audit.record_in(
                session, actor, "staff.lockout_lifted", attempts=attempts, locked=locked
            )
            return attempts

    # -- unlocking -----------------------------------------------------------------------

    def unlock(self, pin: str) -> StaffGrant:
        """A grant in the name of the member whose PIN ``pin`` is; otherwise raise a
        ``StaffPinError`` saying why.

        The PIN is checked against each member's hash outside any transaction (a hash
        per member is too long to hold the write lock for), then the outcome is settled
        in one: the count of wrong tries, the lock, the audit entry and, for a hash made
        the old way, its replacement are committed before an error is raised.
        """
        candidates, locked = self._pad_state()
        match = None if locked else _matching(pin, candidates)
        rehashed = hash_pin(pin) if match is not None and needs_rehash(match.pin_hash) else None
        with self._db.transaction() as session:
            outcome = self._settle(session, match, rehashed)
        if isinstance(outcome, _Refusal):
            raise outcome.error
        return self._issue(outcome)

    def _pad_state(self) -> tuple[list[_Candidate], bool]:
        with self._db.transaction() as session:
            row = session.get(StaffLockout, _ROW_ID)
            locked = (
                row is not None
                and row.locked_until is not None
                and self._clock() < row.locked_until
            )
            rows = roster.members(session)
            return [_Candidate(r.id, r.pin_hash) for r in rows], locked

    def _settle(
        self, session: Session, match: _Candidate | None, rehashed: str | None
    ) -> str | _Refusal:
        """The member's actor, or why not: decided on the database as it is now."""
        now = self._clock()
        if not roster.members(session):
            self._audit.record_in(session, STAFF_ACTOR, "staff.unlock_failed", reason="not_set")
            return _Refusal(PinNotSetError())
        row = _lockout_row(session, now)
        if row.locked_until is not None and now < row.locked_until:
            self._audit.record_in(session, STAFF_ACTOR, "staff.unlock_failed", reason="locked")
            return _Refusal(_locked_error(row.failed_attempts, row.locked_until, now))
        # A lock that has run out is gone; the count goes on, so the next lock is longer.
        row.locked_until = None
        member = session.get(StaffMemberRecord, match.id) if match is not None else None
        if member is not None and match is not None and member.pin_hash == match.pin_hash:
            row.failed_attempts = 0
            row.updated_at = now
            if rehashed is not None:
                member.pin_hash = rehashed
            actor = roster.as_member(member).actor
            self._audit.record_in(session, actor, "staff.unlock")
            return actor
        row.failed_attempts += 1
        row.updated_at = now
        length = lock_after(row.failed_attempts)
        remaining = 0 if length is not None else tries_left(row.failed_attempts)
        self._audit.record_in(
            session, STAFF_ACTOR, "staff.unlock_failed", reason="wrong", remaining=remaining
        )
        if length is None:
            return _Refusal(WrongPinError(remaining))
        row.locked_until = now + length
        self._audit.record_in(
            session,
            STAFF_ACTOR,
            "staff.locked_out",
            attempts=row.failed_attempts,
            until=row.locked_until.isoformat(),
            minutes=whole_minutes(length),
        )
        return _Refusal(_locked_error(row.failed_attempts, row.locked_until, now))

    # -- grants ------------------------------------------------------------------------

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
        if not self._db.is_open:
            # The kiosk is closing and its database went first: the grant is refused
            # all the same (it lives in memory only); the audit line cannot be written.
            log.warning("staff mode locked after the database closed; not audited")
            return
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


def _matching(pin: str, candidates: list[_Candidate]) -> _Candidate | None:
    return next((c for c in candidates if verify_pin(pin, c.pin_hash)), None)


def _lockout_row(session: Session, now: datetime) -> StaffLockout:
    row = session.get(StaffLockout, _ROW_ID)
    if row is None:
        row = StaffLockout(id=_ROW_ID, failed_attempts=0, locked_until=None, updated_at=now)
        session.add(row)
    return row


def _locked_error(failures: int, until: datetime, now: datetime) -> PinLockedError:
    """The pad's message: how long this lock is, and until when (with the day when it
    is not today)."""
    length = lock_after(failures) or (until - now)
    local, today = until.astimezone(LOCAL_TZ), now.astimezone(LOCAL_TZ)
    shown = f"{local:%H:%M}" if local.date() == today.date() else f"{local:%H:%M %d/%m}"
    return PinLockedError(until=shown, minutes=whole_minutes(length))
