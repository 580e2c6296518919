"""Where the server keeps its data when nobody says otherwise."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from server.db.engine import sqlite_url

APP_NAME = "mot-cua-server"
#: A database URL in the environment (e.g. from a systemd ``EnvironmentFile``), so a
#: PostgreSQL password need not appear on a command line.
DATABASE_URL_ENV = "MOT_CUA_SERVER_DATABASE_URL"
DATABASE_FILE_NAME = "server.db"


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DATABASE_FILE_NAME


def resolve_database_url(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--database-url`` wins over the environment, which wins over the SQLite default."""
    env = os.environ if environ is None else environ
    if given:
        return given
    if env.get(DATABASE_URL_ENV):
        return env[DATABASE_URL_ENV]
    return sqlite_url(default_database_path())


#: Days a dossier's answers and an account's data stay after the operator exported
#: them or handed them on (``server.retention``).
RETENTION_DAYS_ENV = "MOT_CUA_SERVER_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 3650


def resolve_retention_days(given: int | None, environ: Mapping[str, str] | None = None) -> int:
    """``--retention-days`` wins over the environment, which wins over 30 days.

    Raises ``ValueError`` for a value that is not a whole number from 0 to 3650.
    """
    env = os.environ if environ is None else environ
    value: int | str = given if given is not None else env.get(RETENTION_DAYS_ENV, "")
    if value == "":
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(value)
    except ValueError:
        raise ValueError(f"{RETENTION_DAYS_ENV} must be a whole number of days") from None
    if not 0 <= days <= MAX_RETENTION_DAYS:
        raise ValueError(f"the retention must be 0 to {MAX_RETENTION_DAYS} days, not {days}")
    return days
