"""What every admin command shares: the database, one-line errors, times, listings."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from server.config import resolve_database_url
from server.db import Database
from server.db.migrate import SchemaTooNewError
from server.errors import ServerError

Command = Callable[[argparse.Namespace], int]


@contextmanager
def database(args: argparse.Namespace) -> Iterator[Database]:
    db = Database(resolve_database_url(getattr(args, "database_url", None)))
    try:
        db.open()
    except (SQLAlchemyError, SchemaTooNewError, OSError, ValueError) as exc:
        raise ServerError(f"cannot open the database {db.url}: {exc}") from exc
    try:
        yield db
    finally:
        db.close()


def fails(run: Command) -> Command:
    """Print an expected failure as one line on stderr, exit status 1."""

    def guarded(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except ServerError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    return guarded


def when(moment: datetime | None) -> str:
    return "-" if moment is None else moment.isoformat(timespec="seconds")


def print_rows(
    args: argparse.Namespace, rows: list[dict[str, Any]], line: Callable[[dict[str, Any]], str]
) -> int:
    """A listing: the rows as JSON with ``--json`` (for scripts), else one line each."""
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(line(row))
    return 0
