"""``run``: start the kiosk window, exactly as ``python main.py`` does.

The core never imports the UI, so this starts ``main.py`` as a child process with
the same interpreter and options and hands back its exit code.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

from kiosk.paths import PROJECT_ROOT
from kiosk.startup import add_run_arguments


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "run", help="start the kiosk window", description="Start the kiosk window."
    )
    add_run_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    argv = [sys.executable, str(PROJECT_ROOT / "main.py")]
    if args.config is not None:
        argv += ["--config", str(args.config)]
    if args.data_dir is not None:
        argv += ["--data-dir", str(args.data_dir)]
    if args.fullscreen:
        argv.append("--fullscreen")
    if args.benchmark_first_paint:
        argv.append("--benchmark-first-paint")
    return subprocess.call(argv)
