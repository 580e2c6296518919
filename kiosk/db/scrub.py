"""Making sure personal data the kiosk deleted is gone from the files, not only the rows.

Deleting a row, or blanking a column, leaves copies behind in two places:

- the free space of the database file's pages: ``secure_delete=ON`` (set on every
  connection, see ``kiosk.db.engine``) overwrites it with zeros as it is freed;
- the write-ahead log (``kiosk.sqlite3-wal``), which keeps the pages as they were
  written, the citizen's answers included, until a checkpoint copies them into the
  file, and keeps the bytes even then until they are overwritten.

So whoever removes personal data (the purge, a discarded outbox entry) calls
:func:`scrub_removed_data` once it has committed: the WAL is folded into the file and
truncated to nothing.
"""

from __future__ import annotations

import logging

from kiosk.db.database import Database

log = logging.getLogger("kiosk.db")


def scrub_removed_data(db: Database) -> bool:
    """Fold the WAL into the database file and truncate it; ``False`` if a reader stopped it.

    A reader of an older snapshot (another thread, another process) keeps the WAL
    alive: the data then leaves it at the next checkpoint, and this is logged. Waits
    at most the connection's ``busy_timeout`` for readers to finish.
    """
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        try:
            # Outside any transaction: SQLite cannot checkpoint inside one of its own.
            row = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            cursor.close()
    finally:
        connection.close()
    busy = row is None or bool(row[0])
    if busy:
        log.warning("the write-ahead log is in use; removed data leaves it at the next checkpoint")
    return not busy
