"""``datakey status|purge-unreadable``: IT's view of the key that seals citizens' data.

``status`` says where the key is kept, its id (never the key) and, value by value,
what it opens; exit status 1 when the kiosk has no key or values cannot be opened.
``purge-unreadable --yes`` is IT's word that a lost key is gone for good: what it
sealed is removed as a purge removes it (``kiosk.db.unreadable``), audited. Without
``--yes`` it only says what would be removed, and exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.sealing import DataKeyReport, assess


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "datakey",
        help="the key that encrypts citizens' data: its state, and data it cannot open",
        description="Show where the data key is kept and what it opens, or remove the "
        "personal data a lost key had sealed.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status",
        help="where the key is kept and what it opens",
        description="Where the data key is kept, its id, and how many stored values it "
        "opens. Exit status 1 when there is no key or some values cannot be opened.",
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(status)
    status.set_defaults(handler=show_status)
    purge = actions.add_parser(
        "purge-unreadable",
        help="remove what a lost key sealed (audited)",
        description="Remove the personal data no key of this kiosk can open: declarations and "
        "accounts keep their reference and times, outbox entries never sent are closed. "
        "Only when the old key is gone for good: a restored key opens it all again.",
    )
    purge.add_argument("--yes", action="store_true", help="really remove it")
    purge.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(purge)
    purge.set_defaults(handler=purge_unreadable)


def show_status(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        report = services.data_key.report()
    finally:
        services.close()
    status, detail = assess(report)
    if args.json:
        print(json.dumps(report_json(report, status, detail), ensure_ascii=False))
    else:
        print(f"{status}: {detail}")
        for column in report.columns:
            lost = sum(column.unreadable.values())
            print(
                f"  {column.label}: {column.opened} sealed, {lost} unreadable, {column.plain} clear"
            )
    return 0 if status == "ok" else 1


def purge_unreadable(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if not args.yes:
            unreadable = services.data_key.report().unreadable
            print(
                f"kiosk: {unreadable} stored values cannot be opened; nothing was removed. "
                "Add --yes once the key that sealed them is known to be lost for good.",
                file=sys.stderr,
            )
            return 2
        removed = services.data_key.remove_unreadable(services.staff.grant_for_command_line())
    finally:
        services.close()
    counts = {
        "declarations": removed.declarations,
        "accounts": removed.accounts,
        "outbox_entries": removed.outbox_entries,
    }
    if args.json:
        print(json.dumps({"removed": counts}))
    else:
        print(
            f"Removed unreadable data: {removed.declarations} declarations, {removed.accounts} "
            f"accounts, {removed.outbox_entries} outbox entries."
        )
    return 0


def report_json(report: DataKeyReport, status: str, detail: str) -> dict[str, Any]:
    key = report.status
    return {
        "status": status,
        "detail": detail,
        "state": key.state.value,
        "store": key.store,
        "key_id": key.key_id,
        "lost_key_id": key.lost_key_id,
        "sealed_now": key.sealed_now,
        "opened": report.opened,
        "plain": report.plain,
        "unreadable": report.unreadable,
        "missing_keys": list(report.missing_keys),
        "columns": [
            {
                "column": column.label,
                "opened": column.opened,
                "plain": column.plain,
                "unreadable": column.unreadable,
            }
            for column in report.columns
        ],
    }
