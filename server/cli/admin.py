"""``python -m server admin ...``: what a centre's admin does, from a terminal.

Each command opens the database (upgrading it to head), does its work in one
transaction and prints a short answer; ids and codes are printed alone on stdout so a
script can capture them. Errors go to stderr with exit status 1.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from server import audit, devices, dossiers, outbox, publishing
from server.cli.common import Command, database, fails, print_rows, when
from server.cli.personal import register as register_personal
from server.clock import utc_now
from server.errors import ServerError


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    admin = commands.add_parser("admin", help="manage centres, kiosks and publications")
    admin.set_defaults(run=lambda _args: _usage(admin))
    actions = admin.add_subparsers(dest="action", metavar="ACTION")

    def action(name: str, run: Command, help_text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: a value given before "admin" is not overwritten by this default.
        parser.add_argument("--database-url", default=argparse.SUPPRESS, help="as for the server")
        parser.set_defaults(run=run)
        return parser

    def centre_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--centre", type=uuid.UUID, required=True, help="the centre's id")

    parser = action("create-centre", _create_centre, "add a centre; prints its id")
    parser.add_argument("name")

    action("centres", _centres, "list the centres")

    parser = action("create-code", _create_code, "print a one-time enrolment code for a kiosk")
    centre_option(parser)
    parser.add_argument("--valid-hours", type=float, default=24.0)

    parser = action("import-catalogue", _import_catalogue, "publish a catalogue file")
    parser.add_argument("file", type=Path)
    centre_option(parser)
    parser.add_argument("--format", choices=["kiosk", "portal"], default="kiosk")

    parser = action("publish-form", _publish_form, "publish form definition files")
    parser.add_argument("file", type=Path, nargs="+", metavar="FILE")
    centre_option(parser)

    parser = action(
        "publish-services",
        _publish_services,
        'republish the catalogue with the queue services of FILE ({"queue_services": [...]})',
    )
    parser.add_argument("file", type=Path)
    centre_option(parser)

    parser = action("devices", _devices, "list a centre's kiosks")
    centre_option(parser)
    parser.add_argument("--json", action="store_true")

    parser = action("revoke", _revoke, "stop a kiosk's token working")
    parser.add_argument("device_id", type=uuid.UUID, metavar="DEVICE_ID")

    parser = action("received", _received, "what a kiosk uploaded, in its order")
    parser.add_argument("--device", type=uuid.UUID, required=True)
    parser.add_argument(
        "--json",
        action="store_true",
        help="every entry with its payload (personal data: each read is audited)",
    )

    parser = action("set-status", _set_status, "record what the counter did with a dossier")
    parser.add_argument("reference")
    parser.add_argument("state", choices=dossiers.STATES)
    centre_option(parser)
    parser.add_argument("--note", default="", help="a short word for the citizen")

    register_personal(action, centre_option)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


@fails
def _create_centre(args: argparse.Namespace) -> int:
    name = args.name.strip()
    if not 1 <= len(name) <= 200:
        raise ServerError("a centre's name has 1 to 200 characters")
    with database(args) as db, db.transaction() as session:
        centre = devices.create_centre(session, name, now=utc_now())
    print(centre.id)
    return 0


@fails
def _centres(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        for centre in devices.list_centres(session):
            print(f"{centre.id}  {centre.name}")
    return 0


@fails
def _create_code(args: argparse.Namespace) -> int:
    if not 0 < args.valid_hours <= 24 * 30:
        raise ServerError("--valid-hours must be more than 0 and at most 720")
    with database(args) as db, db.transaction() as session:
        code, expires_at = devices.create_enrolment_code(
            session, args.centre, now=utc_now(), valid_for=timedelta(hours=args.valid_hours)
        )
    print(code)
    print(f"one-time code, valid until {when(expires_at)}", file=sys.stderr)
    return 0


def _report(outcome: publishing.PublishOutcome) -> None:
    what = outcome.name if outcome.version is None else f"{outcome.name} v{outcome.version}"
    if outcome.unchanged:
        print(f"{outcome.kind} {what}: unchanged (already published at {outcome.sequence})")
    else:
        print(f"{outcome.kind} {what}: published at {outcome.sequence}")
    for line in outcome.notes:
        print(f"  {line}")


@fails
def _import_catalogue(args: argparse.Namespace) -> int:
    catalogue, problems = publishing.read_catalogue(args.file, args.format)
    with database(args) as db, db.transaction() as session:
        outcome = publishing.publish_catalogue(session, args.centre, catalogue, now=utc_now())
    _report(outcome)
    print(
        f"  {len(catalogue.procedures)} procedures, {len(catalogue.fields)} fields, "
        f"{len(catalogue.agencies)} agencies"
    )
    if problems:
        records = len({problem.code for problem in problems})
        print(
            f"  {len(problems)} problems in {records} records could not be read (imported as text)"
        )
    return 0


@fails
def _publish_form(args: argparse.Namespace) -> int:
    # Every file is read and checked first: one bad file publishes nothing.
    forms = [publishing.read_form(path) for path in args.file]
    with database(args) as db, db.transaction() as session:
        outcomes = [
            publishing.publish_form(session, args.centre, form, now=utc_now()) for form in forms
        ]
    for outcome in outcomes:
        _report(outcome)
    return 0


@fails
def _publish_services(args: argparse.Namespace) -> int:
    services = publishing.read_services(args.file)
    with database(args) as db, db.transaction() as session:
        outcome = publishing.publish_services(session, args.centre, services, now=utc_now())
    _report(outcome)
    print(f"  {len(services)} queue services: {', '.join(s.code for s in services) or 'none'}")
    return 0


@fails
def _devices(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        found = devices.list_devices(session, args.centre)
        rows: list[dict[str, Any]] = [
            {
                "id": str(device.id),
                "name": device.name,
                "kiosk_number": device.kiosk_number,
                "app_version": device.app_version,
                "enrolled_at": when(device.enrolled_at),
                "last_seen_at": when(device.last_seen_at),
                "revoked_at": when(device.revoked_at) if device.revoked_at else None,
            }
            for device in found
        ]

    def line(row: dict[str, Any]) -> str:
        state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
        return (
            f"{row['id']}  #{row['kiosk_number']} {row['name']:<20} {row['app_version']:<10} "
            f"seen {row['last_seen_at']}  {state}"
        )

    return print_rows(args, rows, line)


@fails
def _revoke(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        device = devices.revoke(session, args.device_id, now=utc_now())
        revoked_at = device.revoked_at
    print(f"device {args.device_id} revoked at {when(revoked_at)}")
    return 0


@fails
def _received(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        entries = outbox.entries_from(session, args.device)
        rows = [
            {
                "entry_id": str(entry.entry_id),
                "sequence": entry.sequence,
                "entity_type": entry.entity_type,
                "entity_id": str(entry.entity_id),
                "operation": entry.operation,
                "outcome": entry.outcome,
                "error": entry.error,
                "created_at": when(entry.created_at),
                "received_at": when(entry.received_at),
                "payload": entry.payload,
            }
            for entry in entries
        ]
        if args.json:
            # The payloads are personal data (an account's, a dossier's from before they
            # were kept without answers): who printed them is recorded first.
            shown = [entry for entry in entries if entry.payload]
            audit.record_reads(
                session,
                action="received",
                centre_id=shown[0].centre_id if shown else None,
                now=utc_now(),
                detail=f"device {args.device}",
                dossier_ids=[e.entity_id for e in shown if e.entity_type == "dossier"],
                entry_ids=[e.entry_id for e in shown if e.entity_type != "dossier"],
            )

    def line(row: dict[str, Any]) -> str:
        error = f" ({row['error']})" if row["error"] else ""
        return (
            f"{row['sequence']:>6} {row['entity_type']}/{row['operation']:<6} "
            f"{row['entity_id']}  {row['outcome']}{error}  {row['received_at']}"
        )

    return print_rows(args, rows, line)


@fails
def _set_status(args: argparse.Namespace) -> int:
    with database(args) as db, db.transaction() as session:
        dossier = dossiers.set_status(
            session, args.centre, args.reference, args.state, note=args.note, now=utc_now()
        )
        updated_at = dossier.updated_at
    print(f"{args.reference}: {args.state} at {when(updated_at)}")
    return 0
