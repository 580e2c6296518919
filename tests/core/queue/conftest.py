"""Fixtures for the queue tests: ticket services on real SQLite files, a movable clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from kiosk.audit import AuditLog
from kiosk.bundled_data import load_bundled_data
from kiosk.config import Settings
from kiosk.crypto import KeyringKeyStore
from kiosk.db import Database
from kiosk.db.models import QueueService
from kiosk.queue.tickets import TicketService
from kiosk.staff import StaffAccess

ALL_DAY = {day: [["00:00", "23:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


def set_queue(db: Database, code: str, **values: Any) -> None:
    """Change a bundled queue's row (hours, limit) the way a catalogue update would."""
    with db.transaction() as session:
        session.execute(update(QueueService).where(QueueService.code == code).values(**values))


@pytest.fixture
def make_tickets(
    db: Database, audit: AuditLog, clock: Callable[[], Any], staff: StaffAccess
) -> Callable[..., TicketService]:
    def make(**overrides: Any) -> TicketService:
        return TicketService(db, audit, clock, Settings(**overrides), staff=staff)

    return make


@pytest.fixture
def tickets(make_tickets: Callable[..., TicketService]) -> TicketService:
    """A kiosk without a server (the out-of-the-box setup): it numbers by itself."""
    return make_tickets()


@pytest.fixture
def open_databases(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """More kiosks' databases, each a real file, closed after the test."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        database = Database(tmp_path / name / "kiosk.sqlite3", keys=KeyringKeyStore())
        database.open()
        load_bundled_data(database)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.close()
