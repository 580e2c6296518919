"""The server's migrations and models describe the same schema, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from server.db import Database
from server.db.engine import create_server_engine
from server.db.migrate import (
    SchemaTooNewError,
    alembic_config,
    current_revision,
    head_revision,
    upgrade_to_head,
)
from server.db.models import Base


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_the_migrated_database_is_exactly_the_models(database_url: str) -> None:
    with Database(database_url) as db:
        assert _differences(db.engine) == []
        with db.engine.connect() as connection:
            assert current_revision(connection) == head_revision()


def test_downgrade_to_nothing_then_upgrade_again(tmp_path: Path) -> None:
    engine = create_server_engine(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        assert _differences(engine) != []  # the guard can fail
        upgrade_to_head(engine)
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), "base")
        with engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        upgrade_to_head(engine)
        upgrade_to_head(engine)  # at head: nothing to do
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_a_database_from_a_newer_server_is_refused_untouched(tmp_path: Path) -> None:
    engine = create_server_engine(f"sqlite:///{tmp_path / 'server.db'}")
    try:
        upgrade_to_head(engine)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))

        with pytest.raises(SchemaTooNewError, match="9999"):
            upgrade_to_head(engine)

        with engine.connect() as connection:
            assert current_revision(connection) == "9999"
    finally:
        engine.dispose()
