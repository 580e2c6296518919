"""Staff PIN: hashing, unlocking, lock-out that survives a restart, and its audit."""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import select

from kiosk.audit import AuditLog
from kiosk.db import Database
from kiosk.db.models import AuditRecord, StaffCredential
from kiosk.errors import InvalidPinError, PinLockedError, PinNotSetError, WrongPinError
from kiosk.staff import StaffAccess
from kiosk.staff.pin import hash_pin, verify_pin

if TYPE_CHECKING:
    from tests.core.conftest import FakeClock

PIN = "246810"
WRONG = "135790"


@pytest.fixture
def staff(db: Database, audit: AuditLog, clock: FakeClock) -> StaffAccess:
    return StaffAccess(db, audit, clock)


def _actions(audit: AuditLog) -> list[str]:
    return [entry.action for entry in reversed(audit.recent(limit=100))]


# --- hashing ---------------------------------------------------------------------------


def test_hash_is_self_describing_salted_scrypt() -> None:
    stored = hash_pin(PIN)
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    salt_bytes = base64.b64decode(salt)
    assert len(salt_bytes) == 16
    expected = hashlib.scrypt(PIN.encode(), salt=salt_bytes, n=2**14, r=8, p=1, dklen=32)
    assert base64.b64decode(digest) == expected
    assert PIN not in stored


def test_same_pin_hashes_differently_each_time() -> None:
    assert hash_pin(PIN) != hash_pin(PIN)


def test_verify_accepts_right_and_rejects_wrong_or_malformed() -> None:
    stored = hash_pin(PIN)
    assert verify_pin(PIN, stored)
    assert not verify_pin(WRONG, stored)
    assert not verify_pin(PIN, "garbage")
    assert not verify_pin(PIN, "bcrypt$1$2$3$AAAA$AAAA")
    assert not verify_pin(PIN, "scrypt$16384$8$1$not-base64!$AAAA")


@pytest.mark.parametrize("pin", ["", "123", "1234567890123", "12a4", "12 34", "١٢٣٤", "１２３４"])
def test_invalid_pins_are_refused(staff: StaffAccess, pin: str) -> None:
    with pytest.raises(InvalidPinError):
        staff.set_pin(pin)
    assert not staff.is_pin_set()


@pytest.mark.parametrize("pin", ["0000", "123456789012"])
def test_pins_of_4_to_12_digits_are_accepted(staff: StaffAccess, pin: str) -> None:
    staff.set_pin(pin)
    staff.unlock(pin)


# --- unlocking ---------------------------------------------------------------------------


def test_unlock_without_pin_set(staff: StaffAccess, audit: AuditLog) -> None:
    assert not staff.is_pin_set()
    with pytest.raises(PinNotSetError):
        staff.unlock(PIN)
    assert _actions(audit) == ["staff.unlock_failed"]


def test_set_pin_stores_only_a_hash_and_is_audited(
    staff: StaffAccess, db: Database, audit: AuditLog
) -> None:
    staff.set_pin(PIN, actor="it-hung")
    assert staff.is_pin_set()
    with db.transaction() as session:
        row = session.get(StaffCredential, 1)
        assert row is not None
        assert PIN not in row.pin_hash
        assert verify_pin(PIN, row.pin_hash)
    (entry,) = audit.recent()
    assert (entry.actor, entry.action) == ("it-hung", "staff.pin_set")


def test_right_pin_unlocks_and_is_audited(staff: StaffAccess, audit: AuditLog) -> None:
    staff.set_pin(PIN)
    staff.unlock(PIN)
    assert _actions(audit) == ["staff.pin_set", "staff.unlock"]


def test_wrong_pin_counts_down(staff: StaffAccess, audit: AuditLog) -> None:
    staff.set_pin(PIN)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongPinError) as caught:
            staff.unlock(WRONG)
        assert caught.value.remaining == remaining
    assert _actions(audit).count("staff.unlock_failed") == 4
    assert staff.locked_until() is None


def test_right_pin_resets_the_count(staff: StaffAccess) -> None:
    staff.set_pin(PIN)
    for _ in range(4):
        with pytest.raises(WrongPinError):
            staff.unlock(WRONG)
    staff.unlock(PIN)
    with pytest.raises(WrongPinError) as caught:
        staff.unlock(WRONG)
    assert caught.value.remaining == 4


def _lock_out(staff: StaffAccess) -> PinLockedError:
    for _ in range(StaffAccess.MAX_ATTEMPTS - 1):
        with pytest.raises(WrongPinError):
            staff.unlock(WRONG)
    with pytest.raises(PinLockedError) as caught:
        staff.unlock(WRONG)
    return caught.value


def test_fifth_wrong_pin_locks_for_five_minutes(
    staff: StaffAccess, audit: AuditLog, clock: FakeClock
) -> None:
    staff.set_pin(PIN)
    error = _lock_out(staff)
    # The clock says 09:00 in Hà Nội; the lock ends 5 minutes later, local time.
    assert error.until == "09:05"
    assert staff.locked_until() == clock.now + timedelta(minutes=5)
    assert "staff.locked_out" in _actions(audit)


def test_while_locked_even_the_right_pin_is_refused(staff: StaffAccess, clock: FakeClock) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    clock.advance(timedelta(minutes=4, seconds=59))
    with pytest.raises(PinLockedError) as caught:
        staff.unlock(PIN)
    assert caught.value.until == "09:05"


def test_after_the_lock_expires_tries_are_allowed_again(
    staff: StaffAccess, clock: FakeClock
) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    clock.advance(StaffAccess.LOCKOUT)
    assert staff.locked_until() is None
    with pytest.raises(WrongPinError) as caught:
        staff.unlock(WRONG)
    assert caught.value.remaining == StaffAccess.MAX_ATTEMPTS - 1
    staff.unlock(PIN)


def test_lock_out_survives_a_restart(db_path: Path, clock: FakeClock) -> None:
    first = Database(db_path)
    first.open()
    staff = StaffAccess(first, AuditLog(first, clock), clock)
    staff.set_pin(PIN)
    _lock_out(staff)
    first.close()

    second = Database(db_path)
    second.open()
    try:
        restarted = StaffAccess(second, AuditLog(second, clock), clock)
        assert restarted.locked_until() == clock.now + StaffAccess.LOCKOUT
        with pytest.raises(PinLockedError):
            restarted.unlock(PIN)
    finally:
        second.close()


def test_setting_a_new_pin_lifts_the_lock(staff: StaffAccess) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    staff.set_pin("9999")
    assert staff.locked_until() is None
    staff.unlock("9999")
    with pytest.raises(WrongPinError):
        staff.unlock(PIN)


def test_no_pin_ever_reaches_the_audit_log(staff: StaffAccess, db: Database) -> None:
    staff.set_pin(PIN)
    staff.unlock(PIN)
    _lock_out(staff)
    with db.transaction() as session:
        rows = session.scalars(select(AuditRecord)).all()
        dumped = " ".join(f"{r.actor} {r.action} {r.detail}" for r in rows)
    assert len(rows) >= 7
    assert PIN not in dumped
    assert WRONG not in dumped
