"""``ticket [take] SERVICE``: issue and print a số thứ tự through the same desk as the screen.

Exit status 0 when the ticket exists, printed or not (a printer fault is reported,
the ticket stays valid and reprintable); 2 when none was issued (unknown queue,
today's numbers used up, closed for the day). Staff's ``ticket reprint|void|list``
are in ``ticket_staff_cmd``; ``ticket SERVICE`` stays short for ``ticket take SERVICE``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from kiosk.cli import ticket_staff_cmd
from kiosk.cli.common import add_location_arguments, open_services
from kiosk.cli.ticket_output import ticket_json

#: What may follow ``ticket``; anything else is a queue code (``ticket A``).
ACTIONS = ("take", *ticket_staff_cmd.ACTIONS)


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "ticket",
        help="issue, reprint, void or list queue tickets",
        description="Issue a queue ticket (số thứ tự) as the kiosk screen does, or, as "
        "staff, reprint, void or list the tickets issued here. 'ticket SERVICE' is short "
        "for 'ticket take SERVICE'.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    take: argparse.ArgumentParser = actions.add_parser(
        "take",
        help="issue and print a queue ticket (also: ticket SERVICE)",
        description="Issue a queue ticket (số thứ tự) for SERVICE and print it, exactly as "
        "the kiosk screen does. Exit status 0 even when printing failed (the message and "
        "status are printed); 2 when no ticket was issued.",
    )
    take.add_argument("service", help="queue service code, e.g. A")
    # A priority ticket records no group and links no declaration (DESIGN.md, "Privacy").
    linked = take.add_mutually_exclusive_group()
    linked.add_argument(
        "--priority",
        action="store_true",
        help="a priority ticket (ưu tiên); which group is never recorded",
    )
    # ``--dossier``: the option's name before the kiosk's record was called a declaration.
    linked.add_argument(
        "--declaration",
        "--dossier",
        dest="declaration",
        metavar="REFERENCE",
        help="declaration code (mã tờ khai) to link and put in the QR code (not with --priority)",
    )
    take.add_argument("--printer", help="printer URI (default: the 'printer' setting)")
    take.add_argument("--json", action="store_true", help="print the ticket as one JSON object")
    add_location_arguments(take)
    take.set_defaults(handler=take_ticket)
    ticket_staff_cmd.register(actions)


def with_default_action(argv: Sequence[str]) -> list[str]:
    """``ticket A`` as ``ticket take A``, so the short form IT already use keeps working.

    Queue codes are upper-case letters and actions lower-case words, so ``ticket LIST``
    is still queue ``LIST``'s ticket.
    """
    args = list(argv)
    if len(args) >= 2 and args[0] == "ticket" and args[1] not in (*ACTIONS, "-h", "--help"):
        return [args[0], "take", *args[1:]]
    return args


def take_ticket(args: argparse.Namespace) -> int:
    services = open_services(args, printer=args.printer)
    try:
        ticket = services.desk.take(
            args.service.upper(), priority=args.priority, declaration_reference=args.declaration
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
