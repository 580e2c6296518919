"""Connecting to the server's database: a SQLite file for a trial, PostgreSQL for a centre.

SQLite gets the pragmas a multi-threaded server needs on every connection (WAL, foreign
keys, a busy timeout, ``synchronous=FULL``: an entry answered "accepted" survives a
power cut) and ``BEGIN IMMEDIATE`` transactions, so writers queue behind one another
instead of failing with "database is locked" when a read turns into a write.
PostgreSQL needs nothing special; ``postgresql://`` URLs get the psycopg 3 driver, the
one the ``server`` extra installs. On both, JSON columns are written by msgspec.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 10_000

PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=FULL",
)


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file, safe for any characters in ``path``."""
    return URL.create("sqlite+pysqlite", database=str(path)).render_as_string(hide_password=False)


def normalise_url(url: str | URL) -> URL:
    """``url`` with the driver the server installs: psycopg 3 for PostgreSQL."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def create_server_engine(url: str | URL) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created if missing."""
    parsed = normalise_url(url)
    if not is_sqlite(parsed):
        return create_engine(parsed, pool_pre_ping=True, json_serializer=json_text)
    if parsed.database in (None, "", ":memory:"):
        raise ValueError("the server needs a SQLite file, not an in-memory database")
    Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, json_serializer=json_text)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def json_text(value: Any) -> str:
    """A JSON column's text, written by msgspec: the standard library's encoder was a
    good part of storing an outbox batch (payloads and answers of every entry)."""
    return msgspec.json.encode(value).decode()


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # SQLAlchemy, not Python's sqlite3 module, begins transactions (see _begin_immediate).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma).fetchone()
    finally:
        cursor.close()


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
