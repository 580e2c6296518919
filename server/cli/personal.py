"""Admin commands for the personal data kiosks send: export, hand on, purge, audit.

``export-dossiers`` writes the centre's dossiers and accounts as JSON (a file made
readable by its owner only) and marks them exported; ``mark-handed-on`` marks them
taken into the one-stop system without an export; ``purge`` removes what is past the
retention after either mark (the server also does so every hour); ``reads`` lists who
read personal data through these commands. Every read of personal data is recorded
(``server.audit``) with the operating-system user that ran the command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from server import audit, retention
from server.cli.common import Command, database, fails, print_rows, when
from server.clock import CENTRE_TZ, utc_now
from server.config import resolve_retention_days
from server.errors import ServerError

Action = Callable[[str, Command, str], argparse.ArgumentParser]


def register(action: Action, centre_option: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = action(
        "export-dossiers",
        _export,
        "write the centre's dossiers and accounts as JSON and mark them exported (audited)",
    )
    centre_option(parser)
    parser.add_argument(
        "--since", type=_moment, help="received from DATE (the centre's midnight) or TIME on"
    )
    parser.add_argument(
        "--output", type=Path, help="file to write (mode 0600); default: standard output"
    )

    parser = action(
        "mark-handed-on",
        _mark_handed_on,
        "mark dossiers taken into the one-stop system, by reference or by time",
    )
    centre_option(parser)
    parser.add_argument("references", nargs="*", metavar="REFERENCE")
    parser.add_argument(
        "--received-before",
        type=_moment,
        help="every dossier and account received before DATE or TIME",
    )

    parser = action(
        "purge",
        _purge,
        "remove answers and account data past the retention after export or hand-on",
    )
    parser.add_argument("--centre", type=uuid.UUID, help="only this centre (default: all)")
    parser.add_argument(
        "--retention-days",
        type=int,
        help="days kept after export or hand-on (default: $MOT_CUA_SERVER_RETENTION_DAYS, else 30)",
    )

    parser = action("reads", _reads, "who read personal data through admin commands")
    parser.add_argument("--centre", type=uuid.UUID, help="only this centre")
    parser.add_argument("--dossier", type=uuid.UUID, help="only this dossier (its id)")
    parser.add_argument("--json", action="store_true")


def _moment(text: str) -> datetime:
    """``2026-11-26`` (the centre's midnight) or an ISO time (the centre's, if no offset)."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (2026-11-26) or an ISO time"
        ) from None
    if len(text) == 10:
        moment = datetime.combine(moment.date(), time(0))
    return moment.replace(tzinfo=CENTRE_TZ) if moment.tzinfo is None else moment


@fails
def _export(args: argparse.Namespace) -> int:
    # The file is opened before anything is read or marked: a folder that cannot be
    # written leaves every dossier as it was.
    sink = sys.stdout if args.output is None else _private_file(args.output)
    try:
        with database(args) as db, db.transaction() as session:
            document = retention.export(session, args.centre, now=utc_now(), since=args.since)
            json.dump(document, sink, ensure_ascii=False, indent=2)
            sink.write("\n")
            sink.flush()
    finally:
        if sink is not sys.stdout:
            sink.close()
    counts = f"{len(document['dossiers'])} dossiers, {len(document['accounts'])} accounts"
    where = "standard output" if args.output is None else str(args.output)
    print(f"exported {counts} to {where}", file=sys.stderr)
    return 0


def _private_file(path: Path) -> Any:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        raise ServerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    os.chmod(path, 0o600)  # an existing file keeps its mode through O_CREAT
    return os.fdopen(descriptor, "w", encoding="utf-8")


@fails
def _mark_handed_on(args: argparse.Namespace) -> int:
    if bool(args.references) == (args.received_before is not None):
        raise ServerError("name the dossiers' references, or give --received-before, not both")
    with database(args) as db, db.transaction() as session:
        marked = retention.mark_handed_on(
            session,
            args.centre,
            now=utc_now(),
            references=args.references or None,
            received_before=args.received_before,
        )
    print(f"marked {marked} handed on")
    return 0


@fails
def _purge(args: argparse.Namespace) -> int:
    try:
        days = resolve_retention_days(args.retention_days)
    except ValueError as exc:
        raise ServerError(str(exc)) from exc
    with database(args) as db, db.transaction() as session:
        report = retention.purge(
            session, now=utc_now(), retention=timedelta(days=days), centre_id=args.centre
        )
    print(f"purged {report.dossiers} dossiers and {report.accounts} accounts ({days} days)")
    if report.waiting:
        print(
            f"{report.waiting} dossiers and accounts older than {days} days are neither "
            "exported nor handed on: they are kept until they are",
            file=sys.stderr,
        )
    return 0


@fails
def _reads(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        rows: list[dict[str, Any]] = [
            {
                "read_at": when(read.read_at),
                "os_user": read.os_user,
                "action": read.action,
                "centre_id": None if read.centre_id is None else str(read.centre_id),
                "dossier_id": None if read.dossier_id is None else str(read.dossier_id),
                "entry_id": None if read.entry_id is None else str(read.entry_id),
                "detail": read.detail,
            }
            for read in audit.reads(session, centre_id=args.centre, dossier_id=args.dossier)
        ]

    def line(row: dict[str, Any]) -> str:
        what = f"dossier {row['dossier_id']}" if row["dossier_id"] else f"entry {row['entry_id']}"
        return f"{row['read_at']}  {row['os_user']:<12} {row['action']:<16} {what}"

    return print_rows(args, rows, line)
