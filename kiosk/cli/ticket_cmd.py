"""``ticket SERVICE``: issue and print a số thứ tự through the same desk as the screen.

Exit status 0 when the ticket exists, printed or not (a printer fault is reported,
the ticket stays valid and reprintable); 2 when none was issued (unknown queue,
today's numbers used up, closed for the day).
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import msgspec

from kiosk.cli.common import add_location_arguments
from kiosk.queue.api import PRIORITY_GROUPS, IssuedTicket
from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "ticket",
        help="issue and print a queue ticket",
        description="Issue a queue ticket (số thứ tự) for SERVICE and print it, exactly as "
        "the kiosk screen does. Exit status 0 even when printing failed (the message and "
        "status are printed); 2 when no ticket was issued.",
    )
    parser.add_argument("service", help="queue service code, e.g. A")
    parser.add_argument("--priority", choices=PRIORITY_GROUPS, help="priority group")
    parser.add_argument("--dossier", help="dossier reference to link and put in the QR code")
    parser.add_argument("--printer", help="printer URI (default: the 'printer' setting)")
    parser.add_argument("--json", action="store_true", help="print the ticket as one JSON object")
    add_location_arguments(parser)
    parser.set_defaults(handler=take_ticket)


def take_ticket(args: argparse.Namespace) -> int:
    context = prepare(RunOptions(config=args.config, data_dir=args.data_dir))
    settings = context.settings
    if args.printer:
        settings = msgspec.structs.replace(settings, printer=args.printer)
    services = KioskServices(settings, context.paths)
    services.open()
    try:
        ticket = services.desk.take(
            args.service.upper(), priority=args.priority, dossier_reference=args.dossier
        )
    finally:
        services.close()
    if args.json:
        print(json.dumps(ticket_json(ticket), ensure_ascii=False))
    else:
        print(f"{ticket.label}  {ticket.service_name}  {ticket.print_status}")
        if ticket.print_error is not None:
            print(ticket.print_error.render())
    return 0


def ticket_json(ticket: IssuedTicket) -> dict[str, object]:
    """The ticket's fields as plain JSON values; ``print_error`` in Vietnamese."""
    return {
        "id": str(ticket.id),
        "service_code": ticket.service_code,
        "service_name": ticket.service_name,
        "number": ticket.number,
        "label": ticket.label,
        "counters": list(ticket.counters),
        "service_day": ticket.service_day.isoformat(),
        "issued_at": ticket.issued_at.isoformat(),
        "people_ahead": ticket.people_ahead,
        "priority": ticket.priority,
        "dossier_reference": ticket.dossier_reference,
        "print_status": ticket.print_status,
        "print_error": None if ticket.print_error is None else ticket.print_error.render(),
    }
