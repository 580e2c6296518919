"""Server revision 0003 on SQLite and PostgreSQL: received priority groups become a flag,
priority tickets lose their dossier link, kept payloads forget both; dossiers gain an
empty consent column."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import Connection, Engine, make_url

from server.db.engine import create_server_engine
from server.db.migrate import alembic_config
from tests.server.conftest import BACKENDS, DATABASE_URL_ENV

NOW = datetime(2026, 11, 26, 2, 0)
CENTRE, DEVICE = uuid.uuid4(), uuid.uuid4()
ELDERLY, ORDINARY = uuid.uuid4(), uuid.uuid4()


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of its own: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        engine = create_server_engine(f"sqlite:///{tmp_path / 'server.db'}")
        yield engine
        engine.dispose()
        return
    import psycopg

    base = os.environ[DATABASE_URL_ENV]
    admin_url = make_url(base).set(drivername="postgresql").render_as_string(hide_password=False)
    schema = f"migration_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = create_server_engine(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _insert(connection: Connection, table: str, **values: object) -> None:
    """A row as the models would write it (UUIDs and times in each database's form)."""
    types = {uuid.UUID: sa.Uuid(), datetime: sa.DateTime(), date: sa.Date(), dict: sa.JSON()}
    columns = (sa.column(name, types.get(type(value))) for name, value in values.items())
    connection.execute(sa.table(table, *columns).insert().values(**values))


def _ticket(connection: Connection, ticket_id: uuid.UUID, number: int, group: str | None) -> None:
    reference = f"HS-1-261126-{number:04d}"
    _insert(
        connection,
        "tickets",
        id=ticket_id,
        centre_id=CENTRE,
        device_id=DEVICE,
        service_code="A",
        service_day=NOW.date(),
        number=number,
        label=f"A-{number:03d}",
        issued_at=NOW,
        people_ahead=0,
        priority=group,
        dossier_reference=reference,
        status="issued",
        received_at=NOW,
    )
    payload = {"id": str(ticket_id), "priority": group, "dossier_reference": reference}
    _insert(
        connection,
        "received_entries",
        entry_id=uuid.uuid4(),
        device_id=DEVICE,
        centre_id=CENTRE,
        sequence=number,
        entity_type="ticket",
        entity_id=ticket_id,
        operation="create",
        payload=payload,
        created_at=NOW,
        received_at=NOW,
        outcome="accepted",
    )


def test_0003_keeps_only_that_a_ticket_is_priority(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0002")
        _insert(connection, "centres", id=CENTRE, name="Trung tâm", created_at=NOW)
        _insert(
            connection,
            "devices",
            id=DEVICE,
            centre_id=CENTRE,
            name="Kiosk 1",
            kiosk_number=1,
            app_version="0.1.0",
            token_hash="0" * 64,
            enrolled_at=NOW,
        )
        _ticket(connection, ELDERLY, 1, "nguoi_cao_tuoi")
        _ticket(connection, ORDINARY, 2, None)
        command.upgrade(alembic_config(connection), "0003")

        rows = {
            uuid.UUID(str(row.id)): (bool(row.priority), row.dossier_reference)
            for row in connection.execute(
                sa.text("SELECT id, priority, dossier_reference FROM tickets")
            )
        }
        kept = connection.execute(
            sa.select(sa.column("payload", sa.JSON())).select_from(sa.table("received_entries"))
        ).scalars()
        payloads = {payload["id"]: payload for payload in kept}
        assert connection.execute(sa.text("SELECT consent FROM dossiers")).all() == []
    assert rows == {ELDERLY: (True, None), ORDINARY: (False, "HS-1-261126-0002")}
    assert payloads[str(ELDERLY)] == {
        "id": str(ELDERLY),
        "priority": True,
        "dossier_reference": None,
    }
    assert payloads[str(ORDINARY)]["priority"] is False
    assert "nguoi_cao_tuoi" not in json.dumps(list(payloads.values()))

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0002")
        priority = connection.execute(
            sa.text("SELECT priority FROM tickets WHERE number = 1")
        ).scalar()
    assert priority is None
