"""``staff set-pin``: IT sets the PIN counter staff use to unlock staff mode."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "staff", help="manage staff access", description="Manage counter staff access."
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_pin: argparse.ArgumentParser = actions.add_parser(
        "set-pin",
        help="set the staff PIN (4-12 digits)",
        description="Set the staff PIN. It is stored only as a salted scrypt hash.",
    )
    add_location_arguments(set_pin)
    set_pin.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from standard input (for installers) instead of prompting",
    )
    set_pin.set_defaults(handler=set_staff_pin)


def set_staff_pin(args: argparse.Namespace) -> int:
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("Mã PIN cán bộ mới / new staff PIN: ")
        if getpass.getpass("Nhập lại / repeat: ") != pin:
            print("kiosk: hai lần nhập không khớp / the PINs differ", file=sys.stderr)
            return 2
    services = open_services(args)
    try:
        services.staff.set_pin(pin, actor="it")
    finally:
        services.close()
    print("Đã đặt mã PIN cán bộ / staff PIN set")
    return 0
