"""The server's database: opened (and upgraded) once, one transaction per request."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from server.db.engine import create_server_engine, normalise_url
from server.db.migrate import upgrade_to_head

log = logging.getLogger("server.db")


class Database:
    """One database URL, its schema kept at head by Alembic."""

    def __init__(self, url: str) -> None:
        self._url = normalise_url(url)
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None

    @property
    def url(self) -> str:
        """The URL with any password hidden: fit for logs and the console."""
        return self._url.render_as_string(hide_password=True)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the database is not open")
        return self._engine

    def open(self) -> None:
        """Connect and upgrade the schema to head; opening twice does nothing."""
        if self._engine is not None:
            return
        engine = create_server_engine(self._url)
        try:
            upgrade_to_head(engine)
        except BaseException:
            engine.dispose()
            raise
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        log.info("database %s open", self.url)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessions = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        if self._sessions is None:
            raise RuntimeError("the database is not open")
        with self._sessions.begin() as session:
            yield session

    def __enter__(self) -> Database:
        self.open()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
