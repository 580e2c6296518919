"""Bringing the database's schema to the revision this code was written for.

Alembic owns the schema, but importing it costs start-up time the citizen waits
through, and on every start but the first after an update there is nothing to do.
So this module reads the revision graph straight from ``migrations/versions`` (a few
small files) to answer "is the database at head?", and imports Alembic only to
actually migrate.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from kiosk.errors import DatabaseTooNewError
from kiosk.paths import MIGRATIONS_DIR, MIGRATIONS_PACKAGE

if TYPE_CHECKING:
    from alembic.config import Config

VERSION_TABLE = "alembic_version"

_ASSIGNMENT = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]+)?=\s*(?P<value>.+)$", re.MULTILINE
)


@functools.cache
def _revision_graph(versions_dir: Path = MIGRATIONS_DIR / "versions") -> dict[str, tuple[str, ...]]:
    """Each known revision with the revisions it follows, read without Alembic."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted(versions_dir.glob("*.py")):
        found = {
            m["name"]: ast.literal_eval(m["value"].strip())
            for m in _ASSIGNMENT.finditer(script.read_text(encoding="utf-8"))
        }
        if "revision" not in found:
            continue
        down = found.get("down_revision")
        parents = () if down is None else (down,) if isinstance(down, str) else tuple(down)
        graph[str(found["revision"])] = parents
    return graph


def known_revisions() -> frozenset[str]:
    """Every revision this code can migrate from."""
    return frozenset(_revision_graph())


def head_revision() -> str:
    """The revision this code expects: the one no other revision follows."""
    graph = _revision_graph()
    followed = {parent for parents in graph.values() for parent in parents}
    heads = sorted(set(graph) - followed)
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; ``None`` for an empty (new) database."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def alembic_config(database: Path | None = None, connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code: the kiosk ships no ``alembic.ini``."""
    from alembic.config import Config  # lazy: start-up time

    config = Config()
    # A package resource, not a path: found wherever the kiosk is installed or frozen.
    config.set_main_option("script_location", f"{MIGRATIONS_PACKAGE}:")
    config.set_main_option("path_separator", "os")
    if database is not None:
        url = f"sqlite+pysqlite:///{database}".replace("%", "%%")
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Migrate the database to :func:`head_revision` in one transaction.

    Raises ``DatabaseTooNewError``, changing nothing, when the database is at a
    revision this code does not know (written by a newer kiosk).
    """
    from alembic import command  # lazy: start-up time

    with engine.begin() as connection:
        current = current_revision(connection)
        if current is not None and current not in known_revisions():
            raise DatabaseTooNewError(path=str(engine.url.database), revision=current)
        if current == head_revision():
            return
        command.upgrade(alembic_config(connection=connection), "head")
