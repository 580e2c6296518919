"""Bringing the server's schema to the revision this code was written for.

The server has its own Alembic history in ``server/migrations`` (the kiosk's local
database has another, in ``migrations/``). ``python -m server`` and the admin command
line both upgrade to head before doing anything, in one transaction.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

#: Alembic's ``package:path`` form: found through ``importlib.resources`` wherever the
#: server is installed, from a clone or from its wheel.
SCRIPT_LOCATION = "server:migrations"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer server; nothing was changed."""


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: the server ships no ``alembic.ini``."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("the server's migrations have no head")
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; ``None`` for an empty database."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Migrate to head in one transaction; refuse a database from a newer server."""
    scripts = ScriptDirectory.from_config(alembic_config())
    known = {script.revision for script in scripts.walk_revisions()}
    with engine.begin() as connection:
        current = current_revision(connection)
        if current is not None and current not in known:
            raise SchemaTooNewError(
                f"the database is at schema revision {current}, which this server does not "
                "know: it was written by a newer version; update the server"
            )
        if current == scripts.get_current_head():
            return
        command.upgrade(alembic_config(connection), "head")
