"""Revision 0006: a ticket's priority group becomes a flag, its dossier link goes, and the
outbox forgets the group too; dossiers gain an empty consent column."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, Engine

from kiosk.db import create_kiosk_engine
from kiosk.db.migrate import alembic_config

ELDERLY = "1" * 32
ORDINARY = "2" * 32
LINKED = "3" * 32


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_kiosk_engine(tmp_path / "old.sqlite3")
    yield engine
    engine.dispose()


def _ticket(
    connection: Connection, ticket_id: str, number: int, priority: str | None, reference: str | None
) -> None:
    connection.exec_driver_sql(
        "INSERT INTO tickets (id, service_code, service_day, number, issued_at, people_ahead, "
        "dossier_reference, print_status, priority, kiosk_name, reprints) VALUES "
        "(?, 'A', '2025-03-10', ?, '2025-03-10 02:00:00', 0, ?, 'printed', ?, 'KIOSK-01', 0)",
        (ticket_id, number, reference, priority),
    )
    payload = {
        "id": ticket_id,
        "service_code": "A",
        "number": number,
        "priority": priority,
        "dossier_reference": reference,
    }
    connection.exec_driver_sql(
        "INSERT INTO outbox (entry_id, entity_type, entity_id, operation, payload, created_at, "
        "attempts) VALUES (?, 'ticket', ?, 'create', ?, '2025-03-10 02:00:00', 0)",
        (ticket_id[::-1], ticket_id, json.dumps(payload)),
    )


def _at_0005_with_tickets(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0005")
        _ticket(connection, ELDERLY, 1, "nguoi_cao_tuoi", "HS-1-250310-0001")
        _ticket(connection, ORDINARY, 2, None, None)
        _ticket(connection, LINKED, 3, None, "HS-1-250310-0002")
        connection.exec_driver_sql(
            "INSERT INTO dossiers (id, reference, procedure_code, form_id, form_version, "
            "answers, status, created_at) VALUES ('" + "4" * 32 + "', 'HS-1-250310-0001', "
            "'1.001193', 'khai-sinh', 1, '{}', 'submitted', '2025-03-10 02:00:00')"
        )


def _rows(connection: Connection) -> dict[str, tuple[object, ...]]:
    rows = connection.exec_driver_sql(
        "SELECT id, number, priority, dossier_reference FROM tickets ORDER BY number"
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def _payloads(connection: Connection) -> dict[str, dict[str, object]]:
    rows = connection.exec_driver_sql("SELECT entity_id, payload FROM outbox")
    return {row[0]: json.loads(row[1]) for row in rows}


def test_0006_keeps_only_that_a_ticket_is_priority_and_unlinks_it(engine: Engine) -> None:
    _at_0005_with_tickets(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0006")
        assert _rows(connection) == {
            ELDERLY: (1, 1, None),  # ưu tiên, and no longer tied to a hồ sơ
            ORDINARY: (2, 0, None),
            LINKED: (3, 0, "HS-1-250310-0002"),
        }
        payloads = _payloads(connection)
        assert payloads[ELDERLY]["priority"] is True
        assert payloads[ELDERLY]["dossier_reference"] is None
        assert payloads[ORDINARY]["priority"] is False
        assert payloads[LINKED] == {
            "id": LINKED,
            "service_code": "A",
            "number": 3,
            "priority": False,
            "dossier_reference": "HS-1-250310-0002",
        }
        everything = json.dumps(list(payloads.values())) + repr(_rows(connection))
        assert "nguoi_cao_tuoi" not in everything
        consent = connection.exec_driver_sql("SELECT consent FROM dossiers").scalar()
        assert consent is None


def test_0006_downgrades_to_ordinary_tickets(engine: Engine) -> None:
    _at_0005_with_tickets(engine)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0006")
        command.downgrade(alembic_config(connection=connection), "0005")
        assert _rows(connection)[ELDERLY] == (1, None, None)
        assert _payloads(connection)[ELDERLY]["priority"] is None
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(dossiers)")]
        assert "consent" not in columns
