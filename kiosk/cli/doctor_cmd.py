"""``doctor``: check database, migrations, data folder, config and keyring."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kiosk.doctor import Status, run_checks

_MARKS = {Status.OK: "ok  ", Status.WARNING: "warn", Status.ERROR: "FAIL"}


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "doctor",
        help="check this kiosk's health",
        description="Check config, data folder, database, keyring and resources. "
        "Exit status 1 when something needed is wrong.",
    )
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--data-dir", type=Path, help="data folder to check")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=doctor)


def doctor(args: argparse.Namespace) -> int:
    report = run_checks(args.config, args.data_dir)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for check in report.checks:
            print(f"[{_MARKS[check.status]}] {check.name:<10} {check.detail}")
    return 0 if report.ok else 1
