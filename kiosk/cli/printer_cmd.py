"""``printer test``: print the test page on the configured (or given) printer."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from kiosk.printing.errors import PrinterError


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "printer", help="check the receipt printer", description="Check the receipt printer."
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        help="print a test page with every Vietnamese vowel and tone",
        description="Print a test page with every Vietnamese vowel and tone. "
        "Exit status 2, with the reason, when the printer fails.",
    )
    test.add_argument("--config", type=Path, help="settings file (TOML)")
    test.add_argument("--data-dir", type=Path, help="the kiosk's data folder")
    test.add_argument("--printer", metavar="URI", help="printer URI (default: the setting)")
    test.add_argument("--json", action="store_true", help="print one JSON object")
    test.set_defaults(handler=printer_test)


def printer_test(args: argparse.Namespace) -> int:
    from kiosk.printing.printers import FilePrinter
    from kiosk.printing.service import PrintService
    from kiosk.printing.tcp import TcpPrinter
    from kiosk.startup import RunOptions, prepare

    context = prepare(RunOptions(config=args.config, data_dir=args.data_dir))
    uri = args.printer or context.settings.printer
    try:
        service = PrintService(uri, context.paths.printouts)
    except PrinterError as exc:
        _show(
            {"ok": False, "printer": uri, "error": exc.message.render(), "detail": exc.detail},
            args.json,
        )
        return 2
    started = time.perf_counter()
    job = service.job(service.test_page())
    rendered_ms = (time.perf_counter() - started) * 1000
    printer = service.open_printer()
    report: dict[str, Any] = {
        "printer": printer.uri,
        "profile": job.profile.name,
        "bytes": len(job.data),
        "render_ms": round(rendered_ms, 1),
    }
    try:
        service.send_to(printer, job)
    except PrinterError as exc:
        report |= {"ok": False, "error": exc.message.render(), "detail": exc.detail}
        _show(report, args.json)
        return 2
    report["ok"] = True
    if isinstance(printer, FilePrinter) and printer.written:
        report["files"] = [str(path) for path in printer.written]
    if isinstance(printer, TcpPrinter) and printer.asks_status:
        status = printer.last_status
        report["status"] = (
            "not reported"
            if status is None
            else "paper near end"
            if status.paper_near_end
            else "ok"
        )
    _show(report, args.json)
    return 0


def _show(report: dict[str, Any], as_json: bool) -> None:
    """JSON on stdout either way; the fault's message on stderr as other commands do."""
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    if not report["ok"]:
        print(
            f"kiosk: {report['error']} ({report['printer']}: {report['detail']})", file=sys.stderr
        )
        return
    if as_json:
        return
    print(
        f"Test page printed on {report['printer']} ({report['profile']}, {report['bytes']} bytes)."
    )
    for path in report.get("files", []):
        print(f"  {path}")
    if report.get("status") == "not reported":
        print("  The printer did not answer DLE EOT status; add ?status=off to its URI.")
