"""``ticket reprint|void|list``: IT do at the shell what staff do at the kiosk.

The same staff-only core calls as the staff screen, audited as ``it``: a reprint goes
through the same desk and printer as issuing; a void needs a reason. NUMBER is a
ticket of today issued here, as printed (``A-012``; ``a012`` and ``A 12`` too), or a
ticket's id. Exit status 2, with the reason, when the ticket is unknown, voided (for
a reprint), the reason is missing, or the reprint did not print.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.cli.ticket_output import ticket_json, ticket_line

ACTIONS = ("reprint", "void", "list")
NUMBER_HELP = "today's ticket number as printed (A-012, A012) or the ticket's id"


def register(actions: Any) -> None:
    """Add the staff actions to the ``ticket`` command's ``actions``."""
    reprint: argparse.ArgumentParser = actions.add_parser(
        "reprint",
        help="print a ticket again (staff)",
        description="Print ticket NUMBER again through the same printing path as issuing; "
        "audited. Exit status 2 when the ticket is unknown or voided, or when the printer "
        "failed (the reason is printed; the ticket stays valid).",
    )
    reprint.add_argument("number", metavar="NUMBER", help=NUMBER_HELP)
    reprint.add_argument("--printer", metavar="URI", help="printer URI (default: the setting)")
    reprint.add_argument("--json", action="store_true", help="print the ticket as one JSON object")
    add_location_arguments(reprint)
    reprint.set_defaults(handler=reprint_ticket)

    void: argparse.ArgumentParser = actions.add_parser(
        "void",
        help="void a ticket, with a reason (staff)",
        description="Void ticket NUMBER (hủy số): the number stays taken, is never issued "
        "again and can no longer be reprinted. The reason is required and audited.",
    )
    void.add_argument("number", metavar="NUMBER", help=NUMBER_HELP)
    void.add_argument("--reason", required=True, help="why (required, at most 200 characters)")
    void.add_argument("--json", action="store_true", help="print the ticket as one JSON object")
    add_location_arguments(void)
    void.set_defaults(handler=void_ticket)

    listed: argparse.ArgumentParser = actions.add_parser(
        "list",
        help="the tickets issued here last, newest first (staff)",
        description="List the last N tickets issued on this kiosk, newest first, with "
        "their print status (voided ones included).",
    )
    listed.add_argument(
        "--last", type=_positive, default=20, metavar="N", help="how many (default 20, at most 200)"
    )
    listed.add_argument("--json", action="store_true", help="print one JSON array")
    add_location_arguments(listed)
    listed.set_defaults(handler=list_tickets)


def reprint_ticket(args: argparse.Namespace) -> int:
    services = open_services(args, printer=args.printer)
    try:
        grant = services.staff.grant_for_command_line()
        ticket = services.desk.reprint(grant, args.number)
    finally:
        services.close()
    if args.json:
        print(json.dumps(ticket_json(ticket), ensure_ascii=False))
    else:
        print(f"{ticket.label}  {ticket.service_name}  {ticket.print_status}")
    if ticket.print_error is not None:
        print(f"kiosk: {ticket.print_error.render()}", file=sys.stderr)
        return 2
    return 0


def void_ticket(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        ticket = services.tickets.void(grant, args.number, args.reason)
    finally:
        services.close()
    if args.json:
        print(json.dumps(ticket_json(ticket), ensure_ascii=False))
    else:
        print(f"{ticket.label}  {ticket.service_name}  {ticket.print_status}")
    return 0


def list_tickets(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        tickets = services.tickets.recent(grant, args.last)
    finally:
        services.close()
    if args.json:
        print(json.dumps([ticket_json(ticket) for ticket in tickets], ensure_ascii=False))
    else:
        for ticket in tickets:
            print(ticket_line(ticket))
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
