"""The demo catalogue and forms shipped with the kiosk, stored at the services' start-up.

``kiosk.db`` only opens and migrates the database: it lies below the catalogue and the
forms, so it cannot call their loaders. This start-up step sits above all three and
stores what the database still lacks: the bundled catalogue into an empty catalogue,
and each bundled form version not stored yet (never over what IT imported or the
server sent).
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import exc as sa_exc

from kiosk.catalog.bundled import load_bundled_catalogue
from kiosk.clock import Clock, utc_now
from kiosk.db import Database
from kiosk.errors import DatabaseError
from kiosk.forms.library import load_bundled_forms

log = logging.getLogger("kiosk.db")


def load_bundled_data(db: Database, clock: Clock = utc_now) -> None:
    """Store the bundled catalogue and forms the open ``db`` lacks, in one transaction.

    Raises ``CatalogueFileError`` for a damaged bundled catalogue and ``DatabaseError``
    when the database cannot take them; either way nothing was stored.
    """
    try:
        with db.transaction() as session:
            if load_bundled_catalogue(session, clock=clock):
                log.info("loaded the bundled demo catalogue")
            if added := load_bundled_forms(session):
                log.info("stored %d bundled form versions", added)
    except (sa_exc.SQLAlchemyError, sqlite3.Error) as exc:
        detail = str(exc.orig) if isinstance(exc, sa_exc.DBAPIError) else str(exc)
        raise DatabaseError(path=str(db.path), detail=detail) from exc
