"""Staff PIN: hashing, the rules a new PIN follows, unlocking, and the escalating
lock-out that survives a restart, with IT's override."""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import argon2
import pytest
from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import select

from kiosk.audit import AuditLog
from kiosk.db import Database
from kiosk.db.models import AuditRecord, StaffLockout, StaffMemberRecord
from kiosk.errors import (
    InvalidPinError,
    PinLockedError,
    PinNotSetError,
    TrivialPinError,
    WrongPinError,
)
from kiosk.staff import StaffAccess
from kiosk.staff.lockout import LOCK_STEPS, lock_after, tries_left
from kiosk.staff.pin import hash_pin, needs_rehash, verify_pin
from kiosk.staff.rules import check_new_pin

if TYPE_CHECKING:
    from tests.core.conftest import FakeClock

PIN = "246810"
WRONG = "135790"


def _actions(audit: AuditLog) -> list[str]:
    return [entry.action for entry in reversed(audit.recent(limit=200))]


def _scrypt_hash(pin: str) -> str:
    """A PIN hashed as kiosks did before Argon2id: ``scrypt$16384$8$1$salt$hash``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    encoded = (base64.b64encode(salt).decode(), base64.b64encode(digest).decode())
    return "$".join(("scrypt", "16384", "8", "1", *encoded))


def _b64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


# --- hashing ---------------------------------------------------------------------------


def test_hash_is_argon2id_at_owasps_parameters() -> None:
    stored = hash_pin(PIN)
    _, variant, version, parameters, salt, digest = stored.split("$")
    assert (variant, version, parameters) == ("argon2id", "v=19", "m=19456,t=2,p=1")
    assert len(_b64(salt)) == 16
    expected = hash_secret_raw(
        PIN.encode(),
        _b64(salt),
        time_cost=2,
        memory_cost=19456,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    assert _b64(digest) == expected
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
    assert not verify_pin(PIN, "$argon2id$v=19$m=19456,t=2,p=1$broken")


def test_an_older_kiosks_scrypt_hash_still_verifies_and_asks_for_a_rehash() -> None:
    old = _scrypt_hash(PIN)
    assert verify_pin(PIN, old)
    assert not verify_pin(WRONG, old)
    assert needs_rehash(old)
    assert not needs_rehash(hash_pin(PIN))
    weaker = argon2.PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PIN)
    assert verify_pin(PIN, weaker)
    assert needs_rehash(weaker)


# --- the rules a new PIN follows -----------------------------------------------------------


@pytest.mark.parametrize("pin", ["", "12345", "1234567890123", "12a456", "123 456", "١٢٣٤٥٦"])
def test_a_pin_must_be_6_to_12_ascii_digits(staff: StaffAccess, pin: str) -> None:
    with pytest.raises(InvalidPinError) as refused:
        staff.set_pin(pin)
    assert "6 đến 12 chữ số" in refused.value.message.render()
    assert not staff.is_pin_set()


@pytest.mark.parametrize(
    ("pin", "rule"),
    [
        ("000000", "few_digits"),
        ("999999999999", "few_digits"),
        ("121212", "few_digits"),
        ("110011", "few_digits"),
        ("123123", "repeated"),
        ("12341234", "repeated"),
        ("908908908908", "repeated"),
        ("123456", "sequence"),
        ("654321", "sequence"),
        ("890123", "sequence"),
        ("3210987654", "sequence"),
        ("150390", "date"),  # 15/03/1990
        ("290200", "date"),  # 29/02/2000
        ("15031990", "date"),
        ("19900315", "date"),
        ("31122024", "date"),
    ],
)
def test_trivial_pins_are_refused_with_what_to_choose(
    staff: StaffAccess, pin: str, rule: str
) -> None:
    with pytest.raises(TrivialPinError) as refused:
        staff.set_pin(pin)
    assert refused.value.rule == rule
    said = refused.value.message.render()
    assert said.endswith("Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.")
    assert refused.value.message.params == {}  # the PIN is never quoted back
    assert not staff.is_pin_set()


@pytest.mark.parametrize("pin", [PIN, WRONG, "290201", "320190", "739154", "120590123874"])
def test_ordinary_pins_are_accepted(staff: StaffAccess, pin: str) -> None:
    check_new_pin(pin)  # 29/02/2001 and 32/01 are no dates
    staff.set_pin(pin)
    assert staff.unlock(pin).actor == "staff"


# --- unlocking ---------------------------------------------------------------------------


def test_unlock_without_any_member(staff: StaffAccess, audit: AuditLog) -> None:
    assert not staff.is_pin_set()
    with pytest.raises(PinNotSetError):
        staff.unlock(PIN)
    assert _actions(audit) == ["staff.unlock_failed"]


def test_set_pin_stores_only_a_hash_and_is_audited(
    staff: StaffAccess, db: Database, audit: AuditLog
) -> None:
    member = staff.set_pin(PIN, actor="it-hung")
    assert member.name == "Cán bộ"
    assert staff.is_pin_set()
    with db.transaction() as session:
        row = session.scalars(select(StaffMemberRecord)).one()
        assert PIN not in row.pin_hash
        assert verify_pin(PIN, row.pin_hash)
    (entry,) = audit.recent()
    assert (entry.actor, entry.action) == ("it-hung", "staff.member_added")
    assert entry.detail["member"] == "Cán bộ"


def test_right_pin_unlocks_and_is_audited(staff: StaffAccess, audit: AuditLog) -> None:
    staff.set_pin(PIN)
    staff.unlock(PIN)
    assert _actions(audit) == ["staff.member_added", "staff.unlock"]


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
    assert staff.failed_attempts() == 0
    with pytest.raises(WrongPinError) as caught:
        staff.unlock(WRONG)
    assert caught.value.remaining == 4


def _lock_out(staff: StaffAccess) -> PinLockedError:
    """Five wrong PINs: four count down, the fifth locks."""
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
    assert (error.until, error.minutes) == ("09:05", 5)
    assert error.message.render().startswith(
        "Nhập sai mã PIN quá nhiều lần. Tạm khóa 5 phút, đến 09:05."
    )
    assert "bộ phận CNTT" in error.message.render()
    assert staff.locked_until() == clock.now + timedelta(minutes=5)
    remaining = [e.detail["remaining"] for e in audit.recent() if e.action == "staff.unlock_failed"]
    assert remaining == [0, 1, 2, 3, 4]  # newest first
    (locked,) = [e for e in audit.recent() if e.action == "staff.locked_out"]
    assert dict(locked.detail) == {
        "attempts": 5,
        "until": (clock.now + timedelta(minutes=5)).isoformat(),
        "minutes": 5,
    }


def test_while_locked_even_the_right_pin_is_refused_and_not_counted(
    staff: StaffAccess, clock: FakeClock
) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    clock.advance(timedelta(minutes=4, seconds=59))
    for pin in (PIN, WRONG):
        with pytest.raises(PinLockedError) as caught:
            staff.unlock(pin)
        assert (caught.value.until, caught.value.minutes) == ("09:05", 5)
    assert staff.failed_attempts() == 5


def test_a_right_pin_after_the_lock_expires_lifts_it(staff: StaffAccess, clock: FakeClock) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    clock.advance(StaffAccess.LOCKOUT)
    assert staff.locked_until() is None
    assert staff.unlock(PIN).actor == "staff"
    assert staff.failed_attempts() == 0
    with pytest.raises(WrongPinError) as caught:
        staff.unlock(WRONG)
    assert caught.value.remaining == StaffAccess.MAX_ATTEMPTS - 1


def test_the_schedule_escalates_and_tops_out_at_a_day() -> None:
    assert [lock_after(n) for n in (1, 4, 6, 9)] == [None] * 4
    assert [lock_after(5 * step) for step in range(1, 8)] == [
        timedelta(minutes=5),
        timedelta(minutes=30),
        timedelta(hours=2),
        timedelta(hours=8),
        timedelta(hours=24),
        timedelta(hours=24),
        timedelta(hours=24),
    ]
    assert LOCK_STEPS[-1] == timedelta(hours=24)
    assert [tries_left(n) for n in (0, 4, 5, 9)] == [5, 1, 5, 1]


def _wrong_until_locked(staff: StaffAccess) -> PinLockedError:
    """Wrong PINs until the next lock, whatever the count so far."""
    while True:
        try:
            staff.unlock(WRONG)
        except WrongPinError:
            continue
        except PinLockedError as locked:
            return locked


def _restarted(db_path: Path, clock: FakeClock) -> tuple[Database, StaffAccess]:
    database = Database(db_path)
    database.open()
    return database, StaffAccess(database, AuditLog(database, clock), clock)


def test_the_lock_out_escalates_across_restarts(
    staff: StaffAccess, db_path: Path, clock: FakeClock
) -> None:
    """5 wrong → 5 min, 10 → 30 min, 15 → 2 h, 20 → 8 h: each lock waited out, the
    kiosk restarted between them (a new process opens the same file), the count going on."""
    staff.set_pin(PIN)
    seen = []
    for expected in (5, 30, 120, 480):
        database, restarted = _restarted(db_path, clock)
        try:
            locked = _wrong_until_locked(restarted)
        finally:
            database.close()
        seen.append(locked.minutes)
        assert locked.minutes == expected
        database, restarted = _restarted(db_path, clock)
        try:
            # Still locked after the restart, by as much.
            assert restarted.locked_until() == clock.now + timedelta(minutes=expected)
            with pytest.raises(PinLockedError):
                restarted.unlock(PIN)
        finally:
            database.close()
        clock.advance(timedelta(minutes=expected))
    assert seen == [5, 30, 120, 480]
    database, restarted = _restarted(db_path, clock)
    try:
        assert restarted.failed_attempts() == 20
        assert restarted.unlock(PIN).actor == "staff"  # the lock ran out: the right PIN
        assert restarted.failed_attempts() == 0
    finally:
        database.close()


def test_a_lock_longer_than_the_day_says_which_day(staff: StaffAccess, clock: FakeClock) -> None:
    staff.set_pin(PIN)
    for minutes in (5, 30, 120):
        _wrong_until_locked(staff)
        clock.advance(timedelta(minutes=minutes))
    # 11:35 on 10/03 in Hà Nội; 8 hours on is 19:35 the same day.
    assert (
        _wrong_until_locked(staff)
        .message.render()
        .startswith("Nhập sai mã PIN quá nhiều lần. Tạm khóa 8 giờ, đến 19:35.")
    )
    clock.advance(timedelta(hours=8))
    locked = _wrong_until_locked(staff)
    assert (locked.until, locked.minutes) == ("19:35 11/03", 24 * 60)
    assert "Tạm khóa 24 giờ, đến 19:35 11/03." in locked.message.render()


def test_it_lifts_the_lock_out_at_once_and_it_is_audited(
    staff: StaffAccess, audit: AuditLog, db: Database
) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    assert staff.lift_lockout() == 5
    assert staff.locked_until() is None
    assert staff.unlock(PIN).actor == "staff"
    (lifted,) = [e for e in audit.recent() if e.action == "staff.lockout_lifted"]
    assert lifted.actor == "it"
    assert dict(lifted.detail) == {"attempts": 5, "locked": True}
    with db.transaction() as session:
        row = session.get(StaffLockout, 1)
        assert row is not None
        assert (row.failed_attempts, row.locked_until) == (0, None)


def test_lifting_also_restarts_the_escalation(staff: StaffAccess, clock: FakeClock) -> None:
    staff.set_pin(PIN)
    _lock_out(staff)
    clock.advance(timedelta(minutes=5))
    assert _wrong_until_locked(staff).minutes == 30
    staff.lift_lockout()
    assert _wrong_until_locked(staff).minutes == 5


def test_a_reset_pin_does_not_lift_the_lock_out(staff: StaffAccess) -> None:
    """The lock guards every member's PIN, not only the one IT just reset."""
    staff.set_pin(PIN)
    _lock_out(staff)
    staff.set_pin("739154")
    assert staff.locked_until() is not None
    with pytest.raises(PinLockedError):
        staff.unlock("739154")
    staff.lift_lockout()
    staff.unlock("739154")
    with pytest.raises(WrongPinError):
        staff.unlock(PIN)


def test_an_old_hash_unlocks_and_the_right_pin_rehashes_it(
    staff: StaffAccess, db: Database, clock: FakeClock
) -> None:
    old = _scrypt_hash(PIN)
    with db.transaction() as session:
        session.add(
            StaffMemberRecord(
                name="Cán bộ", code=None, pin_hash=old, created_at=clock.now, updated_at=clock.now
            )
        )
    with pytest.raises(WrongPinError):
        staff.unlock(WRONG)
    with db.transaction() as session:
        assert session.scalars(select(StaffMemberRecord.pin_hash)).one() == old
    assert staff.unlock(PIN).actor == "staff"
    with db.transaction() as session:
        upgraded = session.scalars(select(StaffMemberRecord.pin_hash)).one()
    assert upgraded.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert not needs_rehash(upgraded)
    assert staff.unlock(PIN).actor == "staff"


def test_no_pin_ever_reaches_the_audit_log(staff: StaffAccess, db: Database) -> None:
    staff.set_pin(PIN)
    staff.unlock(PIN)
    _lock_out(staff)
    staff.lift_lockout()
    with db.transaction() as session:
        rows = session.scalars(select(AuditRecord)).all()
        dumped = " ".join(f"{r.actor} {r.action} {r.detail}" for r in rows)
    assert len(rows) >= 8
    assert PIN not in dumped
    assert WRONG not in dumped
