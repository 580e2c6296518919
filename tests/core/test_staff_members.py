"""Staff with their own PINs: the PIN says who unlocked, and the audit log names them."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from alembic import command
from sqlalchemy import select

from kiosk.audit import AuditEntry, AuditLog
from kiosk.audit.log import JsonScalar
from kiosk.audit.wording import describe, describe_actor
from kiosk.db import Database, create_kiosk_engine
from kiosk.db.migrate import alembic_config
from kiosk.db.models import StaffLockout, StaffMemberRecord
from kiosk.errors import (
    InvalidStaffCodeError,
    InvalidStaffNameError,
    OldPinWrongError,
    PinInUseError,
    PinLockedError,
    StaffMemberExistsError,
    StaffMemberNeededError,
    StaffMemberNotFoundError,
    TrivialPinError,
    WrongPinError,
)
from kiosk.services import KioskServices
from kiosk.staff import StaffAccess
from kiosk.staff.pin import needs_rehash, verify_pin

if TYPE_CHECKING:
    from tests.core.conftest import FakeClock

AN, AN_PIN = "Nguyễn Văn An", "739154"
BINH, BINH_PIN = "Trần Thị Bình", "582916"


def _hashes(db: Database) -> dict[str, str]:
    with db.transaction() as session:
        return {r.name: r.pin_hash for r in session.scalars(select(StaffMemberRecord))}


def test_two_members_each_unlock_with_their_own_pin_and_the_audit_names_them(
    services: KioskServices,
) -> None:
    staff = services.staff
    staff.add_member(AN, AN_PIN, code="cb01")
    staff.add_member(BINH, BINH_PIN)
    an = staff.unlock(AN_PIN)
    binh = staff.unlock(BINH_PIN)
    assert (an.actor, binh.actor) == (f"staff:{AN}", f"staff:{BINH}")
    staff.record(an, "staff.sync_now")
    staff.record(binh, "staff.leave_kiosk_mode")
    staff.lock(an)
    entries = [(e.actor, e.action) for e in reversed(services.audit.recent(5))]
    assert entries == [
        (f"staff:{AN}", "staff.unlock"),
        (f"staff:{BINH}", "staff.unlock"),
        (f"staff:{AN}", "staff.sync_now"),
        (f"staff:{BINH}", "staff.leave_kiosk_mode"),
        (f"staff:{AN}", "staff.lock"),
    ]
    newest = services.audit.recent(1)[0]
    assert describe_actor(newest.actor).render() == AN  # as the staff screen shows it
    assert describe_actor("staff").render() == "Cán bộ"
    assert describe_actor("staff:it").render() == "it"  # a member called "it" is not IT


def test_a_members_grant_acts_in_their_name_in_every_service(services: KioskServices) -> None:
    services.staff.add_member(AN, AN_PIN)
    grant = services.staff.unlock(AN_PIN)
    services.slips.test_page_for_staff(grant)
    newest = services.audit.recent(1)[0]
    assert (newest.actor, newest.action) == (f"staff:{AN}", "printer.test_page")


def test_members_are_listed_by_name_with_their_codes_and_never_a_hash(
    staff: StaffAccess, clock: FakeClock
) -> None:
    staff.add_member("  Trần   Thị Bình ", BINH_PIN)
    staff.add_member(AN, AN_PIN, code=" cb01 ")
    listed = staff.members()
    assert [(m.name, m.code) for m in listed] == [(AN, "CB01"), (BINH, None)]
    assert listed[0].created_at == clock.now
    assert not any(hasattr(m, "pin_hash") for m in listed)
    assert staff.member("cb01").name == AN
    assert staff.member("nguyễn văn an").name == AN
    with pytest.raises(StaffMemberNeededError):
        staff.member(None)
    with pytest.raises(StaffMemberNotFoundError):
        staff.member("Lê Văn C")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (AN, None),
        ("NGUYỄN VĂN AN", None),
        ("Lê Văn Cường", "cb01"),
        ("CB01", None),  # a name that is another member's code
    ],
)
def test_names_and_codes_are_unique_ignoring_case(
    staff: StaffAccess, name: str, code: str | None
) -> None:
    staff.add_member(AN, AN_PIN, code="CB01")
    with pytest.raises(StaffMemberExistsError):
        staff.add_member(name, BINH_PIN, code=code)
    assert [m.name for m in staff.members()] == [AN]


@pytest.mark.parametrize("name", ["", "   ", "12345", "A" * 51, "An\u200bNguyễn", "An\x07"])
def test_a_name_needs_letters_and_no_hidden_characters(staff: StaffAccess, name: str) -> None:
    with pytest.raises(InvalidStaffNameError):
        staff.add_member(name, AN_PIN)
    assert staff.members() == []


@pytest.mark.parametrize("code", ["CB-01", "ĐB01", "ABCDEFGHI"])
def test_a_code_is_a_few_plain_letters_or_digits(staff: StaffAccess, code: str) -> None:
    with pytest.raises(InvalidStaffCodeError):
        staff.add_member(AN, AN_PIN, code=code)
    assert staff.members() == []


def test_two_members_may_not_share_a_pin(staff: StaffAccess, db: Database) -> None:
    staff.add_member(AN, AN_PIN)
    with pytest.raises(PinInUseError):
        staff.add_member(BINH, AN_PIN)
    staff.add_member(BINH, BINH_PIN)
    before = _hashes(db)
    with pytest.raises(PinInUseError):
        staff.change_pin(BINH, BINH_PIN, AN_PIN)
    with pytest.raises(PinInUseError):
        staff.reset_pin(BINH, AN_PIN)
    assert _hashes(db) == before


def test_a_member_changes_their_pin_with_the_old_one_in_their_own_name(
    staff: StaffAccess, audit: AuditLog
) -> None:
    staff.add_member(AN, AN_PIN)
    staff.change_pin("nguyễn văn an", AN_PIN, "480162")
    newest = audit.recent(1)[0]
    assert (newest.actor, newest.action, dict(newest.detail)) == (
        f"staff:{AN}",
        "staff.pin_set",
        {"member": AN},
    )
    assert describe(newest).render() == f"Đổi mã PIN của {AN}"
    assert staff.unlock("480162").actor == f"staff:{AN}"
    with pytest.raises(WrongPinError):
        staff.unlock(AN_PIN)


def test_a_wrong_old_pin_is_refused_and_nothing_changes(
    staff: StaffAccess, db: Database, audit: AuditLog
) -> None:
    staff.add_member(AN, AN_PIN)
    before = (_hashes(db), audit.recent(50), staff.failed_attempts())
    with pytest.raises(OldPinWrongError) as refused:
        staff.change_pin(AN, "480162", "913578")
    assert "chưa có gì thay đổi" in refused.value.message.render()
    # A trivial new PIN is refused before the old one is even looked at.
    with pytest.raises(TrivialPinError):
        staff.change_pin(AN, AN_PIN, "111111")
    assert (_hashes(db), audit.recent(50), staff.failed_attempts()) == before
    assert staff.unlock(AN_PIN).actor == f"staff:{AN}"


def test_it_resets_a_pin_without_the_old_one_audited_as_a_reset(
    staff: StaffAccess, audit: AuditLog
) -> None:
    staff.add_member(AN, AN_PIN, code="CB01")
    staff.reset_pin("CB01", "480162")
    newest = audit.recent(1)[0]
    assert (newest.actor, newest.action, dict(newest.detail)) == (
        "it",
        "staff.pin_reset",
        {"member": AN},
    )
    assert describe(newest).render() == f"Đặt lại mã PIN của {AN} (không cần mã cũ)"
    assert staff.unlock("480162").actor == f"staff:{AN}"


def test_set_pin_is_for_a_kiosk_with_one_member(staff: StaffAccess, audit: AuditLog) -> None:
    staff.set_pin(AN_PIN)
    staff.set_pin(BINH_PIN)  # the one member's PIN, reset
    assert [m.name for m in staff.members()] == ["Cán bộ"]
    assert [e.action for e in audit.recent(2)] == ["staff.pin_reset", "staff.member_added"]
    staff.add_member(AN, AN_PIN)
    with pytest.raises(StaffMemberNeededError):
        staff.set_pin("480162")
    assert staff.unlock(BINH_PIN).actor == "staff"


def test_a_removed_member_cannot_unlock_and_the_log_keeps_their_name(
    staff: StaffAccess, audit: AuditLog
) -> None:
    staff.add_member(AN, AN_PIN)
    staff.add_member(BINH, BINH_PIN)
    staff.record(staff.unlock(AN_PIN), "staff.sync_now")
    removed = staff.remove_member(AN)
    assert removed.name == AN
    with pytest.raises(WrongPinError):
        staff.unlock(AN_PIN)
    actors = {e.actor for e in audit.recent(50) if e.action == "staff.sync_now"}
    assert actors == {f"staff:{AN}"}
    newest_it = [e for e in audit.recent(50) if e.action == "staff.member_removed"]
    assert [(e.actor, dict(e.detail)) for e in newest_it] == [("it", {"member": AN})]
    with pytest.raises(StaffMemberNotFoundError):
        staff.remove_member(AN)


def test_wrong_pins_are_counted_for_the_kiosk_not_per_member(staff: StaffAccess) -> None:
    """A wrong PIN names nobody: the pad locks for every member at once."""
    staff.add_member(AN, AN_PIN)
    staff.add_member(BINH, BINH_PIN)
    for _ in range(4):
        with pytest.raises(WrongPinError):
            staff.unlock("913578")
    with pytest.raises(PinLockedError):
        staff.unlock("913579")
    for pin in (AN_PIN, BINH_PIN):
        with pytest.raises(PinLockedError):
            staff.unlock(pin)


# --- migration 0007 -------------------------------------------------------------------


def _scrypt(pin: str) -> str:
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    parts = (base64.b64encode(salt).decode(), base64.b64encode(digest).decode())
    return "$".join(("scrypt", "16384", "8", "1", *parts))


def test_0007_carries_the_single_pin_over_as_the_unnamed_member(
    tmp_path: Path, clock: FakeClock
) -> None:
    path = tmp_path / "old.sqlite3"
    locked_until = datetime(2025, 3, 10, 2, 3)  # naive UTC, as the database keeps instants
    engine = create_kiosk_engine(path)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0006")
            connection.exec_driver_sql(
                "INSERT INTO staff_credentials "
                "(id, pin_hash, failed_attempts, locked_until, updated_at) "
                "VALUES (1, ?, 5, ?, ?)",
                (
                    _scrypt("2468"),
                    f"{locked_until:%Y-%m-%d %H:%M:%S.%f}",
                    "2025-03-09 01:00:00.000000",
                ),
            )
    finally:
        engine.dispose()
    database = Database(path)
    database.open()
    try:
        audit = AuditLog(database, clock)
        staff = StaffAccess(database, audit, clock)
        (member,) = staff.members()
        assert (member.name, member.code) == ("Cán bộ", None)
        assert member.created_at == datetime(2025, 3, 9, 1, 0, tzinfo=UTC)
        # The lock carried over: 09:03 in Hà Nội.
        assert staff.locked_until() == locked_until.replace(tzinfo=UTC)
        assert staff.failed_attempts() == 5
        with pytest.raises(PinLockedError):
            staff.unlock("2468")
        clock.now = datetime(2025, 3, 10, 2, 3, tzinfo=UTC)
        # The old four-digit PIN still unlocks, as the shared "staff" it always was...
        assert staff.unlock("2468").actor == "staff"
        with database.transaction() as session:
            stored = session.scalars(select(StaffMemberRecord.pin_hash)).one()
            lockout = session.get(StaffLockout, 1)
            assert lockout is not None
            assert lockout.failed_attempts == 0
        # ...and is now kept as Argon2id.
        assert not needs_rehash(stored)
        assert verify_pin("2468", stored)
    finally:
        database.close()


def test_0007_downgrade_keeps_the_unnamed_members_pin(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "k.sqlite3"
    database = Database(path)
    database.open()
    try:
        staff = StaffAccess(database, AuditLog(database, clock), clock)
        staff.add_member(AN, AN_PIN)
        staff.add_member("Cán bộ", BINH_PIN)
    finally:
        database.close()
    engine = create_kiosk_engine(path)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection=connection), "0006")
            (stored,) = connection.exec_driver_sql(
                "SELECT pin_hash FROM staff_credentials"
            ).scalars()
        assert verify_pin(BINH_PIN, stored)
    finally:
        engine.dispose()


# --- the audit log in words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "detail", "sentence"),
    [
        ("staff.member_added", {"member": AN, "code": "CB01"}, f"Thêm cán bộ {AN} (mã CB01)"),
        ("staff.member_added", {"member": AN, "code": None}, f"Thêm cán bộ {AN}"),
        ("staff.member_added", {"member": "Cán bộ", "code": None}, "Đặt mã PIN cán bộ mới"),
        ("staff.member_removed", {"member": AN}, f"Xóa cán bộ {AN}"),
        ("staff.pin_set", {"member": AN}, f"Đổi mã PIN của {AN}"),
        ("staff.pin_set", {}, "Đặt mã PIN cán bộ mới"),  # written before members had names
        ("staff.pin_reset", {"member": AN}, f"Đặt lại mã PIN của {AN} (không cần mã cũ)"),
        (
            "staff.lockout_lifted",
            {"attempts": 10, "locked": True},
            "Gỡ tạm khóa nhập mã PIN (đã nhập sai 10 lần)",
        ),
        (
            "staff.lockout_lifted",
            {"attempts": 3, "locked": False},
            "Xóa số lần nhập sai mã PIN (đã nhập sai 3 lần, chưa bị khóa)",
        ),
    ],
)
def test_staff_actions_read_as_sentences(
    action: str, detail: dict[str, JsonScalar], sentence: str
) -> None:
    entry = AuditEntry(datetime(2025, 3, 10, 2, 0, tzinfo=UTC), "it", action, detail)
    text = describe(entry)
    assert (text.context, text.render()) == ("Audit", sentence)
