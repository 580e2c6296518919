"""Alembic's entry point for the kiosk database.

Two ways in:

- from the kiosk (``kiosk.db.migrate``): a live connection, already inside a
  transaction, arrives in ``config.attributes["connection"]``; the migration joins
  that transaction, so it is applied whole or not at all;
- standalone (e.g. ``alembic revision --autogenerate`` through
  ``kiosk.db.migrate.alembic_config(path)``): the database file comes from the
  ``sqlalchemy.url`` option or ``-x db=PATH``, and is opened with the kiosk's own
  engine so the same pragmas apply.

``render_as_batch`` is on because SQLite alters tables only by copying them.
"""

from __future__ import annotations

from pathlib import Path

from alembic import context
from sqlalchemy import Connection

from kiosk.db.engine import create_kiosk_engine, sqlite_url
from kiosk.db.models import Base

config = context.config
target_metadata = Base.metadata


def _database_url() -> str:
    db_path = context.get_x_argument(as_dictionary=True).get("db")
    if db_path:
        return sqlite_url(Path(db_path)).render_as_string(hide_password=False)
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no database: pass -x db=PATH or set sqlalchemy.url")
    return url


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """Write the SQL to stdout instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = _database_url()
    database = url.removeprefix("sqlite+pysqlite:///").removeprefix("sqlite:///")
    engine = create_kiosk_engine(Path(database))
    try:
        with engine.begin() as standalone:
            _run(standalone)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
