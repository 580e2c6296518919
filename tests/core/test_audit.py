"""The audit log: its own transaction or the caller's, newest first, never a PIN."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from kiosk.audit import AuditEntry, AuditLog
from kiosk.db import Database

if TYPE_CHECKING:
    from tests.core.conftest import FakeClock


def test_record_and_read_back(audit: AuditLog, clock: FakeClock) -> None:
    audit.record("staff", "staff.leave_kiosk_mode", screen="home", forced=False)
    (entry,) = audit.recent()
    assert entry == AuditEntry(
        at=clock.now,
        actor="staff",
        action="staff.leave_kiosk_mode",
        detail={"screen": "home", "forced": False},
    )
    assert entry.at.tzinfo is UTC


def test_recent_is_newest_first_and_limited(audit: AuditLog, clock: FakeClock) -> None:
    for minute in range(5):
        audit.record("staff", f"staff.action_{minute}")
        clock.advance(timedelta(minutes=1))
    entries = audit.recent(limit=3)
    assert [e.action for e in entries] == ["staff.action_4", "staff.action_3", "staff.action_2"]


def test_same_instant_keeps_insertion_order(audit: AuditLog) -> None:
    for name in ("first", "second", "third"):
        audit.record("staff", f"staff.{name}")
    assert [e.action for e in audit.recent()] == ["staff.third", "staff.second", "staff.first"]


def test_record_in_joins_the_callers_transaction(db: Database, audit: AuditLog) -> None:
    class FailedError(Exception):
        pass

    def action_that_fails() -> None:
        with db.transaction() as session:
            audit.record_in(session, "staff", "staff.quit")
            raise FailedError

    with pytest.raises(FailedError):
        action_that_fails()
    assert audit.recent() == []

    with db.transaction() as session:
        audit.record_in(session, "staff", "staff.quit")
    assert [e.action for e in audit.recent()] == ["staff.quit"]


@pytest.mark.parametrize("key", ["pin", "PIN", "new_pin", "pin_hash"])
def test_pin_like_details_are_refused(audit: AuditLog, key: str) -> None:
    with pytest.raises(ValueError, match="PIN"):
        audit.record("staff", "staff.unlock", **{key: "1234"})
    assert audit.recent() == []


@pytest.mark.parametrize("action", ["unlock", "Staff.Unlock", "staff.", "staff unlock", ""])
def test_actions_must_be_dotted_names(audit: AuditLog, action: str) -> None:
    with pytest.raises(ValueError, match="action"):
        audit.record("staff", action)


def test_details_must_be_scalars(audit: AuditLog) -> None:
    with pytest.raises(TypeError):
        audit.record("staff", "staff.unlock", nested={"a": 1})  # type: ignore[arg-type]


def test_entries_are_frozen(audit: AuditLog) -> None:
    audit.record("staff", "staff.quit", reason="closing")
    (entry,) = audit.recent()
    with pytest.raises(AttributeError):
        entry.actor = "someone else"  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.detail["reason"] = "x"  # type: ignore[index]


def test_timestamps_come_from_the_injected_clock(db: Database) -> None:
    fixed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    log = AuditLog(db, lambda: fixed)
    log.record("it", "staff.pin_set")
    assert log.recent()[0].at == fixed
