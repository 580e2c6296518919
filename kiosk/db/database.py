"""The kiosk's local database: opening it safely, and one transaction per user action."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from kiosk.changes import ChangeFeed, marked_changes
from kiosk.db.changes import watch_writes
from kiosk.db.engine import create_kiosk_engine
from kiosk.db.migrate import VERSION_TABLE, head_revision, known_revisions, upgrade_to_head
from kiosk.db.sealed import attach_cipher
from kiosk.errors import DatabaseError, DatabaseTooNewError

if TYPE_CHECKING:
    from kiosk.crypto.keys import KeyStore
    from kiosk.db.datakey import DataKeyStatus

log = logging.getLogger("kiosk.db")

#: The first bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"


class Database:
    """One SQLite file, its schema kept at head by Alembic.

    Construction touches no disk, so the UI can build its services and paint before
    :meth:`open` does the (rarely slow) work. ``open`` looks at an existing file
    read-only first and refuses, leaving it byte-for-byte untouched, anything that
    is not a kiosk database this code can handle.

    ``keys`` is where the data key that seals personal data is kept
    (``kiosk.crypto.key_store``). Without one, the database opens for tools that never
    touch personal data: storing any is refused, and nothing about keys is changed.
    """

    def __init__(
        self, path: Path, changes: ChangeFeed | None = None, *, keys: KeyStore | None = None
    ) -> None:
        self._path = Path(path)
        self._changes = changes if changes is not None else ChangeFeed()
        self._keys = keys
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._data_key: DataKeyStatus | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def changes(self) -> ChangeFeed:
        """Where each committed transaction announces what it changed."""
        return self._changes

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def data_key(self) -> DataKeyStatus:
        """How the data key stood at :meth:`open` (see ``kiosk.db.datakey``)."""
        if self._data_key is None:
            raise RuntimeError("the database is not open")
        return self._data_key

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the database is not open")
        return self._engine

    def open(self) -> None:
        """Create or upgrade the database; raises ``DatabaseError`` (or
        ``DatabaseTooNewError``) with nothing changed. Opening an open database does
        nothing. Storing the bundled demo data is the services' start-up
        (``kiosk.bundled_data``): this package lies below the catalogue and forms.
        """
        if self.is_open:
            return
        revision = self._inspect_existing_file()
        self._create_folder()
        engine = create_kiosk_engine(self._path)
        try:
            if revision != head_revision():
                log.info("migrating database from %s to %s", revision, head_revision())
                upgrade_to_head(engine)
            from kiosk.db.datakey import open_with_key  # loads the models

            self._data_key = open_with_key(engine, self._keys)
            self._engine = engine
            self._sessions = sessionmaker(engine, expire_on_commit=False)
            watch_writes(self._sessions)
        except (sa_exc.SQLAlchemyError, sqlite3.Error, OSError) as exc:
            self._abandon(engine)
            raise self._error(exc) from exc
        except BaseException:
            self._abandon(engine)
            raise

    def close(self) -> None:
        """Release every connection; SQLite then folds the WAL back into the file."""
        if self._engine is not None:
            attach_cipher(self._engine, None)
            self._engine.dispose()
        self._engine = None
        self._sessions = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session for one user action: committed on success, rolled back on error.

        Once committed, what it wrote is announced on :attr:`changes` (on this thread,
        after the ``with`` block's body); a rollback announces nothing. Never share the
        session across threads or keep it after the ``with`` block.
        """
        if self._sessions is None:
            raise RuntimeError("the database is not open")
        with self._sessions.begin() as session:
            yield session
        self._changes.announce(marked_changes(session))

    # --- opening ---------------------------------------------------------------------

    def _inspect_existing_file(self) -> str | None:
        """The existing file's schema revision, read without changing a byte.

        ``None`` for a missing or empty file (a new database). Raises if the file is
        not a SQLite database, belongs to something else, or is from a newer kiosk.
        """
        try:
            if not self._path.exists() or self._path.stat().st_size == 0:
                return None
            with self._path.open("rb") as file:
                header = file.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise self._error(exc) from exc
        if header != SQLITE_HEADER:
            raise DatabaseError(path=str(self._path), detail="not a SQLite database")
        try:
            uri = f"{self._path.resolve().as_uri()}?mode=ro"
            with closing(sqlite3.connect(uri, uri=True)) as connection:
                tables = {
                    row[0]
                    for row in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    )
                }
                if VERSION_TABLE not in tables:
                    if tables:
                        raise DatabaseError(path=str(self._path), detail="not a kiosk database")
                    return None
                row = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        revision = None if row is None else str(row[0])
        if revision is not None and revision not in known_revisions():
            raise DatabaseTooNewError(path=str(self._path), revision=revision)
        return revision

    def _abandon(self, engine: Engine) -> None:
        self.close()
        engine.dispose()

    def _create_folder(self) -> None:
        """The folder, and an empty file readable by this user only: SQLite would make
        it with the process's umask, and gives the ``-wal`` and ``-shm`` files the mode
        of the database file."""
        try:
            self._path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self._path.exists():
                os.close(os.open(self._path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise self._error(exc) from exc

    def _error(self, exc: BaseException) -> DatabaseError:
        if isinstance(exc, OSError):
            detail = exc.strerror or str(exc)
        elif isinstance(exc, sa_exc.DBAPIError):
            detail = str(exc.orig)
        else:
            detail = str(exc)
        return DatabaseError(path=str(self._path), detail=detail)
