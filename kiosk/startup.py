"""What happens before any window: options, settings, data folder and logs.

Shared by ``main.py`` and ``python -m kiosk run`` so both start the kiosk alike.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

from kiosk import __version__
from kiosk.config import Settings
from kiosk.errors import DataDirError
from kiosk.logs import configure_logging
from kiosk.paths import KioskPaths, lock_down, prepare_data_dir, resolve_data_dir, use_private_umask
from kiosk.setup.answers import settings_in_force

log = logging.getLogger("kiosk.startup")


@dataclass(frozen=True, slots=True)
class RunOptions:
    config: Path | None = None
    data_dir: Path | None = None
    fullscreen: bool = False
    #: Print ``first-paint <monotonic seconds>`` once the home screen is painted, then
    #: quit: used by ``python -m kiosk bench startup``.
    benchmark_first_paint: bool = False


def run_argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Start the Một Cửa kiosk.")
    add_run_arguments(parser)
    return parser


def add_run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--data-dir", type=Path, help="folder for database, logs, printouts")
    parser.add_argument(
        "--fullscreen", action="store_true", help="kiosk mode: frameless full screen"
    )
    parser.add_argument("--benchmark-first-paint", action="store_true", help=argparse.SUPPRESS)


def parse_run_args(argv: Sequence[str]) -> RunOptions:
    args = run_argument_parser().parse_args(list(argv))
    return RunOptions(args.config, args.data_dir, args.fullscreen, args.benchmark_first_paint)


@dataclass(frozen=True, slots=True)
class StartupContext:
    settings: Settings
    paths: KioskPaths
    options: RunOptions


def prepare(options: RunOptions) -> StartupContext:
    """Settings read, data folder ready and private, logs going to it; raises ``KioskError``.

    The umask comes first: from here on every file the kiosk makes (database, logs,
    printouts) is its user's alone; what an older kiosk left open to others is closed.
    """
    use_private_umask()
    settings = settings_in_force(options.config, options.data_dir)
    if options.fullscreen:
        settings = msgspec.structs.replace(settings, kiosk_mode=True)
    paths = prepare_data_dir(resolve_data_dir(options.data_dir, settings.data_dir))
    try:
        corrected = lock_down(paths)
    except OSError as exc:
        raise DataDirError(path=str(paths.data_dir), detail=exc.strerror or str(exc)) from exc
    configure_logging(paths.logs, settings.log_level)
    log.info("Một Cửa Kiosk %s starting, data folder %s", __version__, paths.data_dir)
    if corrected:
        log.warning("made %d entries of the data folder private to this user", len(corrected))
    return StartupContext(settings, paths, options)
