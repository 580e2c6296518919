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
