"""What several commands share: the data-folder options and opening the services."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.services import KioskServices
from kiosk.startup import RunOptions, prepare


def add_location_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="settings file (TOML)")
    parser.add_argument("--data-dir", type=Path, help="the kiosk's data folder")


def open_services(args: argparse.Namespace) -> KioskServices:
    """The kiosk's services on its real data folder, database migrated; logs to it too."""
    context = prepare(RunOptions(config=args.config, data_dir=args.data_dir))
    services = KioskServices(context.settings, context.paths)
    services.open()
    return services
