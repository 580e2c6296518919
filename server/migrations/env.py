"""Alembic's entry point for the server's database.

The server runs migrations itself (``server.db.migrate.upgrade_to_head``): a live
connection, already inside a transaction, arrives in ``config.attributes["connection"]``
and the migration joins that transaction, so it is applied whole or not at all.
Standalone use (``alembic -x url=... revision --autogenerate`` with a config from
``server.db.migrate.alembic_config``) takes the URL from ``-x url=URL``.

``render_as_batch`` is on because SQLite alters tables only by copying them.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from server.db.engine import create_server_engine
from server.db.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise RuntimeError("no database: pass -x url=URL")
    engine = create_server_engine(url)
    try:
        with engine.begin() as standalone:
            _run(standalone)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("the server's migrations run online only")
run_migrations_online()
