"""What several commands share: the data-folder options and opening the services."""

from __future__ import annotations

import argparse
from pathlib import Path

import msgspec

from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare


def add_location_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--data-dir", type=Path, help="the kiosk's data folder")


def open_services(args: argparse.Namespace, *, printer: str | None = None) -> KioskServices:
    """The kiosk's services on its real data folder, database migrated; logs to it too.

    ``printer`` replaces the receipt printer setting for this command only.
    """
    context = prepare(RunOptions(config=args.config, data_dir=args.data_dir))
    settings = context.settings
    if printer:
        settings = msgspec.structs.replace(settings, printer=printer)
    services = KioskServices(settings, context.paths)
    services.open()
    return services
