"""The command line's entry point: one sub-command per job, each in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli import (
    bench_cmd,
    catalog_cmd,
    datakey_cmd,
    declaration_cmd,
    doctor_cmd,
    forms_cmd,
    idcard_cmd,
    outbox_cmd,
    printer_cmd,
    privacy_cmd,
    run_cmd,
    setup_cmd,
    staff_cmd,
    sync_cmd,
    ticket_cmd,
)
from kiosk.errors import KioskError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Một Cửa Kiosk: start the kiosk, check its health, manage staff access.",
    )
    # The same words however it was started: python -m kiosk, main.py or the frozen program.
    parser.add_argument("--version", action="version", version=f"mot-cua-kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        run_cmd,
        doctor_cmd,
        staff_cmd,
        catalog_cmd,
        ticket_cmd,
        bench_cmd,
        printer_cmd,
        sync_cmd,
        idcard_cmd,
        declaration_cmd,
        forms_cmd,
        outbox_cmd,
        privacy_cmd,
        datakey_cmd,
        setup_cmd,
    ):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    args = build_parser().parse_args(ticket_cmd.with_default_action(given))
    try:
        code: int = args.handler(args)
    except KioskError as exc:
        print(f"kiosk: {exc.message.render()}", file=sys.stderr)
        return 2
    return code
