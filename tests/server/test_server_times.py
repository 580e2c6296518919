"""The server's own column type for instants, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from server.db.models import Centre
from tests.server.conftest import LiveServer

HANOI = timezone(timedelta(hours=7))


def test_an_instant_reads_back_as_the_same_instant_in_utc(server: LiveServer) -> None:
    written = datetime(2026, 3, 10, 9, 5, 30, tzinfo=HANOI)
    centre_id = uuid.uuid4()
    with server.db.transaction() as session:
        session.add(Centre(id=centre_id, name="Trung tâm thử giờ", created_at=written))
    with server.db.transaction() as session:
        read = session.get_one(Centre, centre_id).created_at
    assert read == written
    assert read.tzinfo is UTC
    assert (read.hour, read.minute, read.second) == (2, 5, 30)


def test_a_time_without_its_zone_is_refused(server: LiveServer) -> None:
    with pytest.raises(Exception, match="naive"), server.db.transaction() as session:
        session.add(Centre(id=uuid.uuid4(), name="Trung tâm", created_at=datetime(2026, 3, 10)))
