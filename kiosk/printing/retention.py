"""How long printed files stay in the kiosk's folders, and how much of them.

The ``file:`` printer leaves every job behind as ``.bin`` and ``.png``, ``declaration pdf``
writes the whole filled tờ khai as ``REFERENCE.pdf``, and the A4 path on Windows spools
the same PDF to a file for the PDF reader. A receipt names only the reference, but the
PDF carries everything the citizen typed: a copy on disk outlives the database row it
was made from unless something removes it. So each of these folders is swept:

- files older than ``max_age`` go;
- files a caller names as doomed go (the privacy purge names the files of the declarations
  it purged, whatever their age);
- then, while the folder holds more than ``max_bytes``, the oldest files go first.

Only regular files directly in the folder are touched: a folder IT points the ``file:``
printer at may hold sub-folders of their own. Ages come from the files' modification
times against the caller's clock; a file "from the future" (a clock set back) is
young, not old.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger("kiosk.print")


@dataclass(frozen=True, slots=True)
class FolderContents:
    """What a folder holds: how many files, how many bytes, and when the oldest was written."""

    files: int = 0
    bytes: int = 0
    oldest_at: datetime | None = None

    def __add__(self, other: FolderContents) -> FolderContents:
        dates = [when for when in (self.oldest_at, other.oldest_at) if when is not None]
        return FolderContents(
            self.files + other.files, self.bytes + other.bytes, min(dates) if dates else None
        )


@dataclass(frozen=True, slots=True)
class SweepReport:
    """Files a sweep removed, and their bytes."""

    files: int = 0
    bytes: int = 0

    def __add__(self, other: SweepReport) -> SweepReport:
        return SweepReport(self.files + other.files, self.bytes + other.bytes)


@dataclass(frozen=True, slots=True)
class _File:
    path: Path
    size: int
    written_at: datetime


def folder_contents(folder: Path) -> FolderContents:
    """The files directly in ``folder``; an empty answer when it does not exist."""
    files = _files(folder)
    if not files:
        return FolderContents()
    return FolderContents(len(files), sum(f.size for f in files), min(f.written_at for f in files))


def file_names(folder: Path) -> list[str]:
    """The names of the files directly in ``folder`` (none when it does not exist)."""
    return [f.path.name for f in _files(folder)]


def sweep(
    folder: Path,
    *,
    now: datetime,
    max_age: timedelta,
    max_bytes: int | None = None,
    doomed: Callable[[str], bool] = lambda _name: False,
) -> SweepReport:
    """Remove from ``folder`` what is too old, doomed by name, or over ``max_bytes``.

    A file that cannot be removed (open in a PDF reader on Windows, say) stays and is
    tried again at the next sweep; the log names the folder, never the file.
    """
    removed = SweepReport()
    cutoff = now - max_age
    kept: list[_File] = []
    for file in _files(folder):
        if file.written_at <= cutoff or doomed(file.path.name):
            removed += _remove(file)
        else:
            kept.append(file)
    if max_bytes is not None:
        total = sum(f.size for f in kept)
        for file in sorted(kept, key=lambda f: f.written_at):
            if total <= max_bytes:
                break
            gone = _remove(file)
            removed += gone
            total -= gone.bytes
    if removed.files:
        log.info("removed %d files (%d bytes) from %s", removed.files, removed.bytes, folder)
    return removed


def _files(folder: Path) -> list[_File]:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []  # missing (nothing printed yet) or unreadable: nothing to sweep
    found = []
    for path in entries:
        try:
            if not path.is_file() or path.is_symlink():
                continue
            stat = path.stat()
        except OSError:
            continue
        found.append(_File(path, stat.st_size, datetime.fromtimestamp(stat.st_mtime, UTC)))
    return found


def _remove(file: _File) -> SweepReport:
    try:
        file.path.unlink()
    except FileNotFoundError:
        return SweepReport()  # another sweep (the sync worker's) was first
    except OSError:
        log.warning("a file in %s could not be removed yet", file.path.parent)
        return SweepReport()
    return SweepReport(1, file.size)
