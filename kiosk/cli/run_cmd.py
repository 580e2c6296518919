"""``run``: start the kiosk window, exactly as ``python main.py`` does.

The core never imports the UI, so this starts the window as a child process with the
same interpreter and options and hands back its exit code: ``python -m ui`` from a
clone or an installed wheel; the program itself when frozen, whose default is the
window.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

from kiosk.startup import add_run_arguments

#: The UI's entry, run with ``-m``; named, never imported (the core stays Qt-free).
WINDOW_MODULE = "ui"


def register(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "run", help="start the kiosk window", description="Start the kiosk window."
    )
    add_run_arguments(parser)
    parser.set_defaults(handler=run)


def window_command() -> list[str]:
    """The command line that starts the window, before its options."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", WINDOW_MODULE]


def run(args: argparse.Namespace) -> int:
    argv = window_command()
    if args.config is not None:
        argv += ["--config", str(args.config)]
    if args.data_dir is not None:
        argv += ["--data-dir", str(args.data_dir)]
    if args.fullscreen:
        argv.append("--fullscreen")
    if args.benchmark_first_paint:
        argv.append("--benchmark-first-paint")
    return subprocess.call(argv)
