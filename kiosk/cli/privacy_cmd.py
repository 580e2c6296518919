"""``privacy report|purge``: what personal data the kiosk holds, and purging it now.

``report`` counts the declarations, accounts and outbox entries that still hold a
citizen's data, says how old the oldest is and when each will be purged, lists the
files in the printouts and spool folders, and, on a kiosk with no server, the
references purged within a day (print or export their forms first if the counter still
needs them). It shows no value a citizen entered. ``purge`` runs the purge now, with
``--older-than DAYS`` in place of ``retention_days``; audited as ``it``.
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.clock import LOCAL_TZ
from kiosk.printing.retention import FolderContents
from kiosk.privacy import PrivacyReport
from kiosk.privacy.report import HeldRows


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "privacy",
        help="what personal data the kiosk holds, and purging it now",
        description="Report the citizens' personal data this kiosk holds and when it "
        "leaves, or run the purge now.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    report = actions.add_parser(
        "report",
        help="counts, oldest ages, the purge schedule and the printed files",
        description="Count the declarations, accounts and outbox entries holding personal "
        "data, the oldest one's age, what will be purged when, and the files in the "
        "printouts and spool folders. Never a value a citizen entered.",
    )
    report.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(report)
    report.set_defaults(handler=show_report)
    purge = actions.add_parser(
        "purge",
        help="purge what is due now",
        description="Remove the personal data the retention allows, and the printed "
        "files of purged declarations, old files and files over the size cap; then truncate "
        "the database's write-ahead log. Data the server has not received yet is kept "
        "(unless the kiosk has no server). Audited.",
    )
    purge.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="use DAYS instead of the retention_days setting (0: all that may go)",
    )
    purge.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(purge)
    purge.set_defaults(handler=run_purge)


def show_report(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        report = services.privacy.report(services.staff.grant_for_command_line())
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print("\n".join(report_lines(report)))
    return 0


def run_purge(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        grant = services.staff.grant_for_command_line()
        purged = services.privacy.purge_now(grant, older_than_days=args.older_than)
    finally:
        services.close()
    if args.json:
        print(json.dumps(purged.as_json()))
    else:
        print(
            f"Purged: {purged.declarations} declarations, {purged.accounts} accounts, "
            f"{purged.outbox_entries} outbox entries, {purged.refused_discarded} refused "
            f"uploads discarded, {purged.files} files ({purged.file_bytes} bytes)."
        )
    return 0


def report_lines(report: PrivacyReport) -> list[str]:
    """The report as IT read it in a terminal."""
    if report.standalone:
        rule = f"{report.retention_days} days after submission (no server)"
    else:
        rule = f"{report.retention_days} days after the server has it"
    lines = [
        f"Personal data on this kiosk at {_local(report.at)}",
        f"  declarations:   {_held(report.declarations, report.at)}",
        f"  accounts:       {_held(report.accounts, report.at)}",
        f"  outbox entries: {_held(report.outbox_entries, report.at)}",
        f"Purged {rule}; refused uploads {report.refused_retention_days} days after "
        "the refusal unless staff resolve them.",
    ]
    if report.waiting_for_server:
        lines.append(f"  waiting for the server: {report.waiting_for_server}")
    if report.refused:
        lines.append(f"  refused, waiting for staff: {report.refused}")
    for due in report.schedule:
        when = "next purge" if due.day <= report.at.astimezone(LOCAL_TZ).date() else due.day
        lines.append(f"  {when}: {due.declarations} declarations, {due.accounts} accounts")
    if report.due_soon:
        lines.append("Purged within a day; print or export their forms first if needed:")
        lines += [f"  {reference}" for reference in report.due_soon]
    lines.append(f"Printouts: {_files(report.printouts, report.at)}")
    lines.append(f"A4 spool:  {_files(report.spool, report.at)}")
    return lines


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not 0 <= days <= 3650:
        raise argparse.ArgumentTypeError("DAYS must be between 0 and 3650")
    return days


def _held(held: HeldRows, now: datetime) -> str:
    if not held.count:
        return "none"
    return f"{held.count}, oldest {_age(held.oldest_at, now)}"


def _files(contents: FolderContents, now: datetime) -> str:
    if not contents.files:
        return "no files"
    return f"{contents.files} files, {contents.bytes} bytes, oldest {_age(contents.oldest_at, now)}"


def _age(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "-"
    hours = max(0.0, (now - when).total_seconds()) / 3600
    return f"{hours:.0f} hours" if hours < 48 else f"{hours / 24:.0f} days"


def _local(moment: datetime) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
