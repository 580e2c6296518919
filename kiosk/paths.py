"""Where the kiosk keeps its files, and where its bundled resources are."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from kiosk import APP_NAME
from kiosk.errors import DataDirError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = PROJECT_ROOT / "resources"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
DATA_DIR_ENV = "KIOSK_HOME"


@dataclass(frozen=True, slots=True)
class KioskPaths:
    """The data folder's layout; one place so nothing invents its own file names."""

    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "kiosk.sqlite3"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def printouts(self) -> Path:
        return self.data_dir / "printouts"


def resolve_data_dir(
    cli_data_dir: Path | None,
    configured: Path | None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """``--data-dir`` wins over ``KIOSK_HOME``, which wins over the config file."""
    env = os.environ if environ is None else environ
    if cli_data_dir is not None:
        return cli_data_dir.expanduser()
    if env.get(DATA_DIR_ENV):
        return Path(env[DATA_DIR_ENV]).expanduser()
    if configured is not None:
        return configured.expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def prepare_data_dir(data_dir: Path) -> KioskPaths:
    """Create the data folder and prove it is writable, or say why not."""
    paths = KioskPaths(data_dir)
    try:
        for folder in (paths.data_dir, paths.logs):
            folder.mkdir(parents=True, exist_ok=True)
        check_writable(paths.data_dir)
    except OSError as exc:
        raise DataDirError(path=str(data_dir), detail=exc.strerror or str(exc)) from exc
    return paths


def check_writable(folder: Path) -> None:
    """Raise ``OSError`` unless a file can be created and removed in ``folder``."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
        pass
