"""``staff add|list|remove|set-pin|unlock``: IT manage who may unlock staff mode.

Each member of staff has a name, an optional short code and their own PIN, which
says at the pad who unlocked (and so whose name the audit log writes). PINs are
typed at a prompt, or read from standard input with ``--pin-stdin`` (one a line),
never taken from the command line, where other users and the shell's history could
read them.

``set-pin [NAME]`` changes a member's PIN and asks for the old one first; ``--reset``
sets it without (IT's reset, audited as such). On a kiosk with one member NAME may be
left out, and on a kiosk with none ``set-pin`` adds the member "Cán bộ": installers
run ``python -m kiosk staff set-pin --pin-stdin`` as before. ``unlock`` lifts the PIN
pad's lock-out. Everything is audited, as ``it`` or, for a PIN changed with the old
one, in the member's own name. Exit status 2, with the reason, when a name is unknown,
a PIN breaks the rules, or an old PIN is wrong; nothing is changed then.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import datetime
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.clock import LOCAL_TZ
from kiosk.staff import StaffMember
from kiosk.staff.rules import MAX_DIGITS, MIN_DIGITS

REPEAT_PROMPT = "Nhập lại / repeat: "
PIN_RULES = (
    f"{MIN_DIGITS}-{MAX_DIGITS} digits, at least 3 different ones, not a run (123456), "
    "not a repeated group (123123), not a date (150390)"
)


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "staff",
        help="manage staff members, their PINs and the PIN pad's lock-out",
        description="Manage counter staff access: members, their own PINs, the lock-out.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add: argparse.ArgumentParser = actions.add_parser(
        "add",
        allow_abbrev=False,  # "--pin 123456" must not pass for --pin-stdin
        help="add a member of staff with their own PIN",
        description=f"Add a member of staff with their own PIN ({PIN_RULES}). "
        "Two members cannot share a PIN.",
    )
    add.add_argument("name", metavar="NAME", help="the member's name, as staff screens show it")
    add.add_argument("--code", help="an optional short code (letters and digits, e.g. CB01)")
    _pin_stdin_argument(add)
    add_location_arguments(add)
    add.set_defaults(handler=add_member)

    listed: argparse.ArgumentParser = actions.add_parser(
        "list",
        allow_abbrev=False,  # "--pin 123456" must not pass for --pin-stdin
        help="the members and the PIN pad's lock-out",
        description="List the members (name, code, when their PIN was set) and whether "
        "the PIN pad is locked. Never a PIN.",
    )
    listed.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(listed)
    listed.set_defaults(handler=list_members)

    remove: argparse.ArgumentParser = actions.add_parser(
        "remove",
        allow_abbrev=False,  # "--pin 123456" must not pass for --pin-stdin
        help="remove a member of staff",
        description="Remove a member (by name or code); the audit log keeps their name.",
    )
    remove.add_argument("name", metavar="NAME", help="the member's name or code")
    add_location_arguments(remove)
    remove.set_defaults(handler=remove_member)

    set_pin: argparse.ArgumentParser = actions.add_parser(
        "set-pin",
        allow_abbrev=False,  # "--pin 123456" must not pass for --pin-stdin
        help="change a member's PIN (the old one is asked; --reset for IT)",
        description=f"Change a member's PIN ({PIN_RULES}). The old PIN is asked first; "
        "--reset sets it without, audited as IT's reset. NAME may be left out on a kiosk "
        "with one member; on a kiosk with none, this adds the member 'Cán bộ'. With "
        "--pin-stdin, standard input holds the old PIN (unless --reset or the kiosk has "
        "no member yet), then the new one, one a line. PINs are stored only as salted "
        "Argon2id hashes.",
    )
    set_pin.add_argument("name", metavar="NAME", nargs="?", help="the member's name or code")
    set_pin.add_argument(
        "--reset", action="store_true", help="set the PIN without the old one (IT's reset)"
    )
    _pin_stdin_argument(set_pin)
    add_location_arguments(set_pin)
    set_pin.set_defaults(handler=set_member_pin)

    unlock: argparse.ArgumentParser = actions.add_parser(
        "unlock",
        allow_abbrev=False,  # "--pin 123456" must not pass for --pin-stdin
        help="lift the PIN pad's lock-out",
        description="Lift the PIN pad's lock-out after too many wrong PINs and clear the "
        "count of wrong tries, so staff can unlock again at once. Audited.",
    )
    add_location_arguments(unlock)
    unlock.set_defaults(handler=lift_lockout)


def _pin_stdin_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read PINs from standard input, one a line (for installers), instead of prompting",
    )


def add_member(args: argparse.Namespace) -> int:
    pin = _new_pin(args, "Mã PIN của cán bộ mới / the new member's PIN: ")
    if pin is None:
        return 2
    services = open_services(args)
    try:
        member = services.staff.add_member(args.name, pin, code=args.code)
    finally:
        services.close()
    print(f"Đã thêm cán bộ / member added: {_label(member)}")
    return 0


def list_members(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        members = services.staff.members()
        attempts = services.staff.failed_attempts()
        locked_until = services.staff.locked_until()
    finally:
        services.close()
    if args.json:
        report = {
            "members": [member_json(member) for member in members],
            "lockout": {
                "failed_attempts": attempts,
                "locked_until": None if locked_until is None else locked_until.isoformat(),
            },
        }
        print(json.dumps(report, ensure_ascii=False))
        return 0
    if not members:
        print("No staff members: add one with 'python -m kiosk staff add NAME'.")
    for member in members:
        print(f"{member.name}  {member.code or '-'}  PIN set {_local(member.updated_at)}")
    if locked_until is not None:
        print(f"PIN pad locked until {_local(locked_until)} after {attempts} wrong PINs")
    elif attempts:
        print(f"PIN pad: {attempts} wrong PINs in a row")
    return 0


def remove_member(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        member = services.staff.remove_member(args.name)
    finally:
        services.close()
    print(f"Đã xóa cán bộ / member removed: {_label(member)}")
    return 0


def set_member_pin(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        staff = services.staff
        if not staff.is_pin_set() and args.name is None:
            pin = _new_pin(args, "Mã PIN cán bộ mới / new staff PIN: ")
            if pin is None:
                return 2
            member = staff.set_pin(pin)
            print(f"Đã đặt mã PIN cán bộ / staff PIN set: {_label(member)}")
            return 0
        member = staff.member(args.name)  # a wrong name fails before any PIN is typed
        old = None if args.reset else _pin(args, f"Mã PIN cũ của {member.name} / old PIN: ")
        pin = _new_pin(args, f"Mã PIN mới của {member.name} / new PIN: ")
        if pin is None:
            return 2
        if old is None:
            member = staff.reset_pin(member.name, pin)
            print(f"Đã đặt lại mã PIN / PIN reset: {_label(member)}")
        else:
            member = staff.change_pin(member.name, old, pin)
            print(f"Đã đổi mã PIN / PIN changed: {_label(member)}")
        locked_until = staff.locked_until()
    finally:
        services.close()
    if locked_until is not None:
        print(
            f"Bàn phím PIN đang tạm khóa đến {_local(locked_until)}; gỡ bằng / the PIN pad "
            "is locked; lift it with: python -m kiosk staff unlock"
        )
    return 0


def lift_lockout(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        attempts = services.staff.lift_lockout()
    finally:
        services.close()
    print(f"Đã gỡ tạm khóa mã PIN / PIN pad unlocked ({attempts} wrong PINs cleared)")
    return 0


def member_json(member: StaffMember) -> dict[str, object]:
    """A member as plain JSON values; never a PIN or its hash."""
    return {
        "name": member.name,
        "code": member.code,
        "created_at": member.created_at.isoformat(),
        "pin_set_at": member.updated_at.isoformat(),
    }


def _pin(args: argparse.Namespace, prompt: str) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt)


def _new_pin(args: argparse.Namespace, prompt: str) -> str | None:
    """The new PIN, typed twice at a prompt; ``None`` (and a message) when they differ."""
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    pin = getpass.getpass(prompt)
    if getpass.getpass(REPEAT_PROMPT) != pin:
        print("kiosk: hai lần nhập không khớp / the PINs differ", file=sys.stderr)
        return None
    return pin


def _label(member: StaffMember) -> str:
    return f"{member.name} ({member.code})" if member.code else member.name


def _local(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
