"""The one way to connect to the kiosk's SQLite file.

Every connection gets the same pragmas, set in a ``connect`` listener so no code path
(the app, Alembic, ``doctor``, a test) can forget them:

- ``journal_mode=WAL``: the UI can read while the sync worker writes;
- ``foreign_keys=ON``: SQLite ignores foreign keys unless asked, per connection;
- ``busy_timeout=5000``: a second writer waits instead of failing at once;
- ``synchronous=FULL``: a declaration the citizen saw "saved" survives a power cut;
- ``secure_delete=ON``: what a purge or a discard deletes is overwritten with zeros,
  not left in free space of the file for anyone who copies it to read.

Transactions are begun by SQLAlchemy with ``BEGIN IMMEDIATE`` rather than by Python's
``sqlite3`` module, which would not begin one before DDL (so a failed migration could
leave half a schema) and begins deferred transactions, whose read-then-write upgrade
fails at once with ``SQLITE_BUSY`` when another thread has written meanwhile.
Taking the write lock at ``BEGIN`` makes writers queue politely behind
``busy_timeout``; the kiosk's transactions are short, so readers barely notice.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger("kiosk.db")

BUSY_TIMEOUT_MS = 5000

#: Pragmas applied, in this order, to every new connection.
PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=FULL",
    "PRAGMA secure_delete=ON",
)


def sqlite_url(path: Path) -> URL:
    """The SQLAlchemy URL of a SQLite file, safe for any characters in ``path``."""
    return URL.create("sqlite+pysqlite", database=str(path))


def create_kiosk_engine(path: Path) -> Engine:
    """An engine for the SQLite file at ``path``; lazy, so creating it touches no disk.

    ``hide_parameters``: SQLAlchemy otherwise writes a failed statement's parameters (a
    citizen's answers, name, ID number) into the exception's text, and from there into
    any log or traceback that shows it.
    """
    engine = create_engine(sqlite_url(path), hide_parameters=True)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_connection(
    dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry
) -> None:
    # Hand transaction control to SQLAlchemy (see the module docstring).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            row = cursor.execute(pragma).fetchone()
            if pragma.startswith("PRAGMA journal_mode") and (row is None or row[0] != "wal"):
                # Some network filesystems cannot do WAL; the kiosk still works.
                log.warning("SQLite refused WAL mode; journal mode is %s", row)
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
