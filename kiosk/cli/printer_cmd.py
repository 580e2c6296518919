"""``printer test``: print the test page on the configured (or given) printer.
``printer probe URI``: can the kiosk reach a printer, and does it answer status?"""

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
    probe = actions.add_parser(
        "probe",
        help="check that a printer is reachable and answers status, printing nothing",
        description="Connect to a printer and ask its DLE EOT status once, printing nothing; "
        "say which status setting its URI should have, and how long a ticket takes on a "
        "serial line. Exit status 2 when it cannot be reached.",
    )
    probe.add_argument("uri", metavar="URI", help="printer URI, e.g. tcp://192.168.1.50")
    probe.add_argument(
        "--timeout", type=float, help="seconds to connect and to wait for the answer"
    )
    probe.add_argument("--json", action="store_true", help="print one JSON object")
    probe.set_defaults(handler=printer_probe)


def printer_test(args: argparse.Namespace) -> int:
    from kiosk.printing.printers import FilePrinter
    from kiosk.printing.serial_port import SerialPrinter
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
    if isinstance(printer, TcpPrinter | SerialPrinter) and printer.asks_status:
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


def printer_probe(args: argparse.Namespace) -> int:
    from kiosk.printing.probe import probe_printer
    from kiosk.printing.speed import TICKET_BYTES_BUDGET, slow_line_warning, ticket_seconds

    timeout = args.timeout
    if timeout is not None and not 0 < timeout <= 300:
        print("kiosk: --timeout must be seconds between 0 and 300", file=sys.stderr)
        return 2
    try:
        result = probe_printer(args.uri, timeout)
    except PrinterError as exc:
        print(f"kiosk: {exc.message.render()} ({exc.detail})", file=sys.stderr)
        return 2
    status = result.status
    slow = slow_line_warning(result.uri)
    report: dict[str, Any] = {
        "ok": result.reachable is not False,
        "printer": result.uri,
        "reachable": result.reachable,
        "answers_status": result.answers_status,
        "status": None
        if status is None
        else {
            "offline": status.offline,
            "error": status.error,
            "cover_open": status.cover_open,
            "paper_out": status.paper_out,
            "paper_near_end": status.paper_near_end,
        },
        "suggested_uri": result.suggested_uri,
        "status_off": result.status_off,
        "message": result.message.render(),
        "detail": result.detail,
        "fault": None if result.fault is None else result.fault.render(),
        "ticket_seconds": round(ticket_seconds(result.uri, TICKET_BYTES_BUDGET), 1),
        "slow_line": None if slow is None else slow.render(),
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(report["message"])
        for key in ("fault", "slow_line"):
            if report[key]:
                print(f"  {report[key]}")
        if result.suggested_uri != result.uri:
            print(f"  printer = {result.suggested_uri}")
    if not report["ok"]:
        print(f"kiosk: {report['message']} ({result.uri}: {result.detail})", file=sys.stderr)
        return 2
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
