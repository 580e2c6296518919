"""``catalog import | search | export``: IT's tools for the procedure catalogue."""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

from kiosk.catalog.importer import ImportReport
from kiosk.catalog.search.api import SearchFilters
from kiosk.cli.common import add_location_arguments, open_services

_LEVELS = ("bo", "tinh", "xa", "khac")


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "catalog",
        help="import, search or export the procedure catalogue",
        description="Import, search or export the kiosk's procedure catalogue.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing: argparse.ArgumentParser = actions.add_parser(
        "import",
        help="replace the catalogue with a file's",
        description="Replace the whole catalogue with a file's, in one transaction. "
        "Exit status 2 (nothing changed) when the file is invalid.",
    )
    importing.add_argument("file", type=Path)
    importing.add_argument(
        "--format",
        choices=("kiosk", "portal"),
        default="kiosk",
        help="kiosk: the kiosk catalogue format; portal: national portal JSON lines",
    )
    importing.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(importing)
    importing.set_defaults(handler=import_file)

    search: argparse.ArgumentParser = actions.add_parser(
        "search", help="search procedures", description="Print ranked procedure codes and names."
    )
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--level", action="append", choices=_LEVELS, default=[])
    search.add_argument("--field", action="append", default=[], help="field code (slug)")
    search.add_argument("--agency", action="append", default=[], help="agency code (slug)")
    search.add_argument("--online", action="store_true", help="only procedures done online")
    search.add_argument("--json", action="store_true", help="print a JSON list of hits")
    add_location_arguments(search)
    search.set_defaults(handler=search_catalogue)

    export: argparse.ArgumentParser = actions.add_parser(
        "export",
        help="write the catalogue in the kiosk format",
        description="Write the loaded catalogue to FILE in the kiosk catalogue format.",
    )
    export.add_argument("file", type=Path)
    add_location_arguments(export)
    export.set_defaults(handler=export_file)


def _print_report(report: ImportReport) -> None:
    state = "unchanged (already loaded)" if report.unchanged else "imported"
    print(
        f"{state}: catalogue {report.catalogue_version}: {report.procedures} procedures, "
        f"{report.fields} fields, {report.agencies} agencies, "
        f"{report.queue_services} queues in {report.seconds:.2f} s"
    )
    if report.problems:
        print(
            f"{len(report.problems)} problems in {report.records_with_problems} records "
            "(imported with what could be read):"
        )
        reasons = collections.Counter((p.field, p.reason) for p in report.problems)
        for (field, reason), count in reasons.most_common():
            print(f"  {count:6d}  {field}: {reason}")


def import_file(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        report = services.catalog.import_file(args.file, args.format)
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    return 0


def search_catalogue(args: argparse.Namespace) -> int:
    filters = SearchFilters(
        levels=tuple(args.level),
        fields=tuple(args.field),
        agencies=tuple(args.agency),
        online_only=args.online,
    )
    services = open_services(args)
    try:
        hits = services.catalog.search(args.query, filters, args.limit)
    finally:
        services.close()
    if args.json:
        rows = [
            {
                "code": h.code,
                "name": h.name,
                "field": h.field,
                "levels": list(h.levels),
                "online": h.online,
                "score": round(h.score, 4),
            }
            for h in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for rank, hit in enumerate(hits, start=1):
            print(f"{rank:3d}. {hit.code:<12} {hit.name}")
    return 0


def export_file(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        count = services.catalog.export_file(args.file)
    finally:
        services.close()
    print(f"exported {count} procedures to {args.file}")
    return 0
