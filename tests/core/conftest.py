"""Fixtures for core tests: a real SQLite file per test and a clock that tests move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.audit import AuditLog
from kiosk.bundled_data import load_bundled_data
from kiosk.crypto import KeyringKeyStore
from kiosk.db import Database
from kiosk.staff import StaffAccess, StaffGrant
from tests.conftest import STAFF_PIN


class FakeClock:
    """A clock that stands still until a test moves it; never sleep in a test."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    # 09:00 in Hà Nội (UTC+7).
    return FakeClock(datetime(2025, 3, 10, 2, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kiosk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """Open, with the bundled catalogue and forms stored, as the services' start-up leaves it;
    its data key in the (in-memory) keyring, as a kiosk's."""
    database = Database(db_path, keys=KeyringKeyStore())
    database.open()
    load_bundled_data(database)
    yield database
    database.close()


@pytest.fixture
def audit(db: Database, clock: FakeClock) -> AuditLog:
    return AuditLog(db, clock)


@pytest.fixture
def staff(db: Database, audit: AuditLog, clock: FakeClock) -> StaffAccess:
    return StaffAccess(db, audit, clock)


@pytest.fixture
def staff_grant(staff: StaffAccess) -> StaffGrant:
    """Staff mode unlocked at the PIN pad, as counter staff do it."""
    staff.set_pin(STAFF_PIN)
    return staff.unlock(STAFF_PIN)
