"""The migrations and the models describe the same schema, both ways round."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from kiosk.db import create_kiosk_engine
from kiosk.db.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    upgrade_to_head,
)
from kiosk.db.models import Base
from kiosk.errors import DatabaseTooNewError


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_kiosk_engine(tmp_path / "k.sqlite3")
    yield engine
    engine.dispose()


def _differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def test_head_read_without_alembic_matches_alembic() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_migrations_produce_exactly_the_models_schema(engine: Engine) -> None:
    upgrade_to_head(engine)
    assert _differences(engine) == []


def test_a_model_change_without_migration_would_be_caught(engine: Engine) -> None:
    # Guards the guard: an empty database differs from the models.
    with engine.connect() as connection:
        assert current_revision(connection) is None
    assert _differences(engine) != []


def test_downgrade_to_base_then_upgrade_again(engine: Engine) -> None:
    upgrade_to_head(engine)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "base")
    with engine.connect() as connection:
        assert current_revision(connection) is None
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    assert _differences(engine) == []


def test_upgrade_is_idempotent(engine: Engine) -> None:
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_unknown_revision_is_refused_before_anything_runs(engine: Engine) -> None:
    upgrade_to_head(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = 'zzzz'")
    with pytest.raises(DatabaseTooNewError):
        upgrade_to_head(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == "zzzz"


def test_standalone_env_with_database_path(tmp_path: Path) -> None:
    """``env.py`` also runs without a connection handed in (IT or developer use)."""
    path = tmp_path / "standalone.sqlite3"
    command.upgrade(alembic_config(database=path), "head")
    engine = create_kiosk_engine(path)
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()
        assert _differences(engine) == []
    finally:
        engine.dispose()


def test_a_failed_migration_leaves_no_half_schema(engine: Engine) -> None:
    """DDL runs inside the transaction (BEGIN IMMEDIATE), so it rolls back whole."""

    class MigrationCrashError(Exception):
        pass

    def migrate_then_crash() -> None:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "head")
            assert "procedures" in inspect(connection).get_table_names()
            raise MigrationCrashError

    with pytest.raises(MigrationCrashError):
        migrate_then_crash()
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == []


def test_0002_replaces_the_old_catalogue_and_keeps_citizen_data(tmp_path: Path) -> None:
    """From 0001, the old catalogue is dropped; the next start-up loads the bundled one."""
    from kiosk.bundled_data import load_bundled_data
    from kiosk.db import Database

    path = tmp_path / "old.sqlite3"
    engine = create_kiosk_engine(path)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection=connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO fields (code, name, position) VALUES ('ho-tich', 'Hộ tịch', 0)"
            )
            connection.exec_driver_sql("INSERT INTO sync_state (key, value) VALUES ('cursor', '7')")
    finally:
        engine.dispose()
    database = Database(path)
    database.open()
    try:
        load_bundled_data(database)
        with database.engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            assert connection.exec_driver_sql("SELECT value FROM sync_state").scalar() == "7"
            assert connection.exec_driver_sql("SELECT source FROM catalog_meta").scalar() == (
                "bundled"
            )
        assert _differences(database.engine) == []
    finally:
        database.close()
