"""Where the kiosk keeps its files, and where its bundled resources are.

The data folder holds citizens' data (the database and its ``-wal`` and ``-shm``
files, printouts, PDFs) and logs, so on POSIX it is the kiosk user's alone: folders
0700, files 0600. Start-up sets the process's umask so whatever it makes is born that
way (:func:`use_private_umask`) and corrects what an older kiosk or a copy left
readable (:func:`lock_down`); ``doctor`` reports modes that let others in
(:func:`loose_modes`). On Windows the per-user data folder is private by its ACL.

What ships with the kiosk (``resources/``: forms, catalogue, fonts, translations; and
``migrations/``, the local database's Alembic history) is two Python packages found
through :mod:`importlib.resources`, so a clone, an installed wheel and the frozen folder
find them one way: wherever the interpreter imports them from.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import platformdirs

from kiosk import APP_NAME
from kiosk.errors import DataDirError

#: The clone's root, for developer tooling and benchmarks that work on the source tree
#: (translations' ``lupdate``, the server started from the clone). An installed kiosk
#: has no clone: nothing it runs reads from here.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: The packages of the bundled data and of the local database's migrations.
RESOURCES_PACKAGE = "resources"
MIGRATIONS_PACKAGE = "migrations"
DATA_DIR_ENV = "KIOSK_HOME"
#: Folders and files of the data folder: their user's alone (POSIX).
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
#: The permission bits a folder or file of the data folder must not have.
_OTHERS_BITS = 0o077
#: What SQLite keeps beside the database file while it is open.
_DATABASE_COMPANIONS = ("-wal", "-shm", "-journal")


def bundled_folder(package: str) -> Path:
    """The folder of a package of bundled data, on disk.

    Fonts (Qt, Pillow, fpdf2) and migrations (Alembic) are opened by file name, so the
    packages must be folders of files, as pip and PyInstaller install them: a zipped
    install is refused here rather than failing later on a missing font.
    """
    found = files(package)
    if not isinstance(found, Path):
        raise RuntimeError(f"{package} is not a folder on disk ({found!r}); install it unzipped")
    return found


RESOURCES_DIR = bundled_folder(RESOURCES_PACKAGE)
MIGRATIONS_DIR = bundled_folder(MIGRATIONS_PACKAGE)


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

    def private_entries(self) -> list[Path]:
        """Every folder and file of the data folder that the kiosk made and keeps private.

        Only the kiosk's own entries: a data folder IT pointed somewhere unusual may
        hold other things, which are not the kiosk's to change.
        """
        found = [self.data_dir, self.database]
        found += [self.database.with_name(self.database.name + end) for end in _DATABASE_COMPANIONS]
        for folder in (self.logs, self.printouts):
            found.append(folder)
            if folder.is_dir():
                found += sorted(folder.rglob("*"))
        return [path for path in found if path.exists() and not path.is_symlink()]


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
            folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        check_writable(paths.data_dir)
    except OSError as exc:
        raise DataDirError(path=str(data_dir), detail=exc.strerror or str(exc)) from exc
    return paths


def check_writable(folder: Path) -> None:
    """Raise ``OSError`` unless a file can be created and removed in ``folder``."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
        pass


def use_private_umask() -> None:
    """Whatever this process creates from now on is its user's alone (POSIX).

    Set once, early in start-up, before the first log line or database file: SQLite,
    the log handler and the printers create their files with the process's umask.
    """
    if os.name != "nt":
        os.umask(_OTHERS_BITS)


def lock_down(paths: KioskPaths) -> list[Path]:
    """Make the data folder's own entries private (folders 0700, files 0600); returns
    the ones whose mode was changed. POSIX only; raises ``OSError``."""
    if os.name == "nt":
        return []
    changed = []
    for path, mode in loose_modes(paths):
        wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(mode) else PRIVATE_FILE_MODE
        os.chmod(path, (stat.S_IMODE(mode) & ~_OTHERS_BITS) | wanted)
        changed.append(path)
    return changed


def loose_modes(paths: KioskPaths) -> list[tuple[Path, int]]:
    """``(path, st_mode)`` of each of the data folder's entries that its group or others
    may use (POSIX; nothing on Windows). Only looks."""
    if os.name == "nt":
        return []
    loose = []
    for path in paths.private_entries():
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:  # a -shm file gone between listing and looking
            continue
        if stat.S_IMODE(mode) & _OTHERS_BITS:
            loose.append((path, mode))
    return loose
