"""``python -m server [--database-url URL] [--host H] [--port P]``, or ``... admin ...``.

Both upgrade the database to the newest schema before anything else, so a centre
updates the server by installing the new version and starting it again.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from server.api.ratelimit import DEFAULT_BURST, DEFAULT_PER_MINUTE, RateLimit
from server.cli import admin
from server.config import (
    DATABASE_URL_ENV,
    DEFAULT_RETENTION_DAYS,
    RETENTION_DAYS_ENV,
    resolve_database_url,
    resolve_retention_days,
)
from server.db import Database
from server.db.migrate import SchemaTooNewError

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m server",
        description="The centre's sync server for Một Cửa kiosks (protocol v1).",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help=f"SQLAlchemy URL (sqlite:///FILE or postgresql+psycopg://...); default: "
        f"${DATABASE_URL_ENV}, else server.db in the user data folder",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8080, help="port (0: any free port)")
    parser.add_argument(
        "--rate-per-minute",
        type=float,
        default=DEFAULT_PER_MINUTE,
        help="requests per minute a kiosk may make on average",
    )
    parser.add_argument(
        "--burst", type=int, default=DEFAULT_BURST, help="requests a kiosk may make at once"
    )
    parser.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING"])
    parser.add_argument(
        "--retention-days",
        type=int,
        default=None,
        help=f"days personal data stays after export or hand-on (default: "
        f"${RETENTION_DAYS_ENV}, else {DEFAULT_RETENTION_DAYS}); purged at start and hourly",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    admin.register(commands)
    return parser


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format=LOG_FORMAT, stream=sys.stderr, force=True)


def serve(args: argparse.Namespace) -> int:
    # Here, not at the top: the admin commands need neither Litestar nor uvicorn.
    from server.api.app import create_app
    from server.api.context import ApiSettings
    from server.serve import bind, uvicorn_server

    configure_logging(args.log_level)
    try:
        settings = ApiSettings(
            rate_limit=RateLimit(args.rate_per_minute, args.burst),
            retention=timedelta(days=resolve_retention_days(args.retention_days)),
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    db = Database(resolve_database_url(args.database_url))
    try:
        db.open()
    except (SQLAlchemyError, SchemaTooNewError, OSError, ValueError) as exc:
        print(f"error: cannot open the database {db.url}: {exc}", file=sys.stderr)
        return 1
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        db.close()
        print(f"error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Listening on http://{shown_host}:{port} (database {db.url})", flush=True)
    try:
        uvicorn_server(create_app(db, settings)).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # Ctrl+C: uvicorn has already shut down gracefully and says so
    finally:
        sock.close()
        db.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return serve(args)
    code: int = args.run(args)
    return code
