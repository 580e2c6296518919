"""``idcard parse PAYLOAD``: read a căn cước QR code as the kiosk's scanner filter does.

For IT staff setting up a scanner: scan into this command (or paste) and see what
the form would be filled with, and which current ward an old address converts to.
What the card gives inexactly is shown as such: a partial birth date (the year only),
a name or address whose accents the scanner dropped (``flags``), the card's
generation and whether its address is the nơi thường trú. Exit status 2, with the
message a citizen would see, when the card is refused (unreadable, or its parts
contradict one another, or a date lies after today on this computer's clock). The
output is the citizen's data: it goes to the terminal only, never to a log.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from kiosk.clock import LOCAL_TZ, utc_now
from kiosk.idcard import IdCard, parse
from kiosk.places import LegacyAddress, convert_legacy
from wire.places import address_value


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "idcard", help="read ID-card QR codes", description="Read căn cước QR codes."
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    parse_parser: argparse.ArgumentParser = actions.add_parser(
        "parse",
        help="parse and check one ID-card QR payload",
        description="Parse and check a căn cước QR payload (fields separated by '|') "
        "exactly as the kiosk does, and convert its old address to the current ward. "
        "Exit status 2 when the payload is not a valid card's.",
    )
    parse_parser.add_argument(
        "payload",
        help="the payload as the scanner types it; '-' reads it from standard input "
        "(keeps it out of the shell's history)",
    )
    parse_parser.add_argument(
        "--json", action="store_true", help="print the card as one JSON object"
    )
    parse_parser.set_defaults(handler=parse_payload)


def parse_payload(args: argparse.Namespace) -> int:
    payload = sys.stdin.read() if args.payload == "-" else args.payload
    card = parse(payload, today=utc_now().astimezone(LOCAL_TZ).date())
    converted = convert_legacy(card.address) if card.address is not None else None
    if args.json:
        print(json.dumps(card_json(card, converted), ensure_ascii=False))
    else:
        for label, value in card_lines(card, converted):
            print(f"{label}: {value}")
    return 0


def card_json(card: IdCard, converted: LegacyAddress | None) -> dict[str, object]:
    """The card's parts as plain JSON values (dates ISO), and the converted address."""
    return {
        "id_number": card.id_number,
        "old_id_number": card.old_id_number,
        "full_name": card.full_name,
        "date_of_birth": card.date_of_birth.iso(),
        "gender": card.gender,
        "address": card.address,
        "issue_date": None if card.issue_date is None else card.issue_date.isoformat(),
        "extras": list(card.extras),
        "card_kind": card.kind.value,
        "address_is_permanent": card.address_is_permanent,
        "issuer": card.issuer,
        "partial": [] if card.date_of_birth.is_full else ["date_of_birth"],
        "flags": card_flags(card),
        "converted_address": None
        if converted is None
        else address_value(converted.detail, converted.ward),
    }


def card_flags(card: IdCard) -> list[str]:
    """What the citizen is asked to check or type, beside what the card filled."""
    flags = []
    if card.full_name is None:
        flags.append("name_unreadable")
    elif card.name_may_lack_accents:
        flags.append("name_may_lack_accents")
    if card.address is None:
        flags.append("address_unreadable")
    elif card.address_may_lack_accents:
        flags.append("address_may_lack_accents")
    return flags


_KINDS = {
    "cccd_chip": "CCCD gắn chip (address: nơi thường trú)",
    "can_cuoc": "thẻ căn cước, from 1/7/2024 (address: nơi cư trú)",
    "unknown": "unknown: no issue date (address: to confirm)",
}


def card_lines(card: IdCard, converted: LegacyAddress | None) -> list[tuple[str, str]]:
    born = card.date_of_birth.shown()
    if not card.date_of_birth.is_full:
        born += " (partial: the card does not give the full date)"
    lines = [
        ("ID number", card.id_number),
        ("Old ID number", card.old_id_number or "-"),
        ("Full name", card.full_name or "- (unreadable: the citizen types it)"),
        ("Date of birth", born),
        ("Gender", "Nam" if card.gender == "nam" else "Nữ"),
        ("Address", card.address or "- (unreadable: the citizen types it)"),
        ("Issue date", "-" if card.issue_date is None else _day(card.issue_date)),
        ("Card", _KINDS[card.kind.value]),
    ]
    lines += [(f"Extra field {number}", extra) for number, extra in enumerate(card.extras, 8)]
    flags = card_flags(card)
    if flags:
        lines.append(("To check", ", ".join(flags)))
    if converted is None:
        lines.append(("Current address", "- (not converted: the citizen picks the ward)"))
    else:
        parts = [converted.detail, converted.ward.name, converted.province.name]
        lines.append(("Current address", ", ".join(part for part in parts if part)))
    return lines


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")
