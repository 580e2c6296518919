"""``outbox list|retry|discard``: IT resolve the uploads the centre's server refused.

The same staff-only core calls as the staff screen (``kiosk.sync.refused``), audited
as ``it``. ``list`` shows what the server refused and why, never what a citizen
entered; ``retry ID`` sends an entry again once the cause is fixed, in its original
place among what is still pending; ``discard ID --reason TEXT`` closes it for good
and removes the personal data it carries from the kiosk. ID is the number ``list``
shows. Exit status 2, with the reason, when no refused entry has that number or the
reason is missing.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.clock import LOCAL_TZ
from kiosk.sync.refused import RefusedEntry


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "outbox",
        help="list, retry or discard uploads the server refused",
        description="Resolve outbox entries the centre's server refused: list them, send "
        "one again after fixing the cause, or discard one (its personal data is removed "
        "from the kiosk). Exit status 2 when no refused entry has that ID.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listed: argparse.ArgumentParser = actions.add_parser(
        "list",
        help="the refused entries, oldest first",
        description="List the refused entries: ID, kind, reference or ticket label, when "
        "and why the server refused them. Never what the citizen entered.",
    )
    listed.add_argument("--json", action="store_true", help="print one JSON array")
    add_location_arguments(listed)
    listed.set_defaults(handler=list_refused)

    retry: argparse.ArgumentParser = actions.add_parser(
        "retry",
        help="send a refused entry again",
        description="Clear the refusal of entry ID so the next sync sends it again, in its "
        "original order among the entries still waiting. Audited.",
    )
    retry.add_argument("id", type=int, metavar="ID", help="the entry's ID, as 'outbox list' shows")
    add_location_arguments(retry)
    retry.set_defaults(handler=retry_refused)

    discard: argparse.ArgumentParser = actions.add_parser(
        "discard",
        help="close a refused entry for good and remove its personal data",
        description="Close entry ID for good: it is never sent, and the personal data it "
        "carries (a declaration's answers, an account's data) is removed from the kiosk. The "
        "reference, procedure, form and times stay. The reason is required and audited.",
    )
    discard.add_argument(
        "id", type=int, metavar="ID", help="the entry's ID, as 'outbox list' shows"
    )
    discard.add_argument("--reason", required=True, help="why (required, at most 200 characters)")
    add_location_arguments(discard)
    discard.set_defaults(handler=discard_refused)


def list_refused(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        entries = services.refused.entries(services.staff.grant_for_command_line())
    finally:
        services.close()
    if args.json:
        print(json.dumps([entry_json(entry) for entry in entries], ensure_ascii=False))
    elif not entries:
        print("No refused entries.")
    else:
        for entry in entries:
            refused = _local(entry.refused_at)
            print(f"{entry.id:>6}  {_what(entry)}  refused {refused}: {entry.reason or '-'}")
    return 0


def retry_refused(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        entry = services.refused.retry(services.staff.grant_for_command_line(), args.id)
    finally:
        services.close()
    print(f"{entry.id}  {_what(entry)}: will be sent again at the next sync")
    return 0


def discard_refused(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        entry = services.refused.discard(grant, args.id, args.reason)
    finally:
        services.close()
    print(f"{entry.id}  {_what(entry)}: discarded; its personal data was removed from the kiosk")
    return 0


def entry_json(entry: RefusedEntry) -> dict[str, object]:
    """A refused entry as plain JSON values; no payload, nothing personal."""
    return {
        "id": entry.id,
        "entity_type": entry.entity_type,
        "operation": entry.operation,
        "subject": entry.subject,
        "created_at": entry.created_at.isoformat(),
        "refused_at": entry.refused_at.isoformat(),
        "reason": entry.reason,
        "attempts": entry.attempts,
    }


#: What the lines call an entity type whose protocol name is not the kiosk's own: protocol
#: v1 calls a declaration a ``dossier`` (``--json`` keeps the protocol's names).
_SHOWN_AS = {"dossier": "declaration"}


def _what(entry: RefusedEntry) -> str:
    kind = _SHOWN_AS.get(entry.entity_type, entry.entity_type)
    return f"{kind} {entry.subject}" if entry.subject else kind


def _local(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
