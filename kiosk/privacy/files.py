"""The kiosk's files that may hold personal data, and the rules that sweep them.

Three folders: ``printouts/`` (receipts, tickets and checklists from the ``file:``
printer, ``REFERENCE.pdf`` from ``declaration pdf``), the folder a ``file:/…`` printer URI
names when it is not that one, and the A4 spool folder Windows' PDF reader reads from.
A file goes when it is older than ``printouts_max_age_days`` (never later than the
retention), when its name carries the reference of a declaration whose personal data is gone
(purged, or discarded by staff), or, oldest first, when ``printouts/`` holds more than
``printouts_max_mb``. A spool file goes once the PDF reader has had its minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Declaration
from kiosk.declarations.reference import PREFIXES, SEQUENCE_DIGITS
from kiosk.printing.office import SPOOL_KEEP_S
from kiosk.printing.retention import (
    FolderContents,
    SweepReport,
    file_names,
    folder_contents,
    sweep,
)

#: A mã tờ khai inside a file name (``20260105-101500-…-receipt-TK-1-260105-0007.png``,
#: ``TK-1-260105-0007.pdf``, ``TK-1-260105-0007-1a2b3c4d.pdf``), old ``HS-…`` ones
#: included; no digit may follow, so ``…-1000`` is not found inside ``…-10000``.
REFERENCE_IN_NAME = re.compile(
    rf"(?:{'|'.join(PREFIXES)})-\d+-\d{{6}}-\d{{{SEQUENCE_DIGITS},}}(?!\d)"
)


@dataclass(frozen=True, slots=True)
class KioskFolders:
    """Where printed copies land on this kiosk."""

    printouts: Path
    spool: Path
    #: The ``file:`` printer's own folder when it is not ``printouts``; else ``None``.
    file_printer: Path | None = None

    def swept(self) -> list[Path]:
        """Every folder the purge sweeps, each once."""
        folders = [self.printouts, self.spool]
        if self.file_printer is not None and self.file_printer not in folders:
            folders.append(self.file_printer)
        return folders


@dataclass(frozen=True, slots=True)
class FileRules:
    """How long and how much, from the settings and the retention of this purge."""

    max_age: timedelta
    spool_max_age: timedelta
    max_bytes: int

    @classmethod
    def of(cls, settings: Settings, retention: timedelta) -> FileRules:
        max_age = min(timedelta(days=settings.printouts_max_age_days), retention)
        return cls(
            max_age=max_age,
            spool_max_age=min(max_age, timedelta(seconds=SPOOL_KEEP_S)),
            max_bytes=settings.printouts_max_mb * 1_000_000,
        )


def references_in(names: Iterable[str]) -> set[str]:
    """The declaration references the file names carry."""
    return {found for name in names for found in REFERENCE_IN_NAME.findall(name)}


def gone_references(db: Database, references: set[str]) -> set[str]:
    """Which of ``references`` belong to declarations whose personal data the kiosk removed."""
    if not references:
        return set()
    with db.transaction() as session:
        return set(
            session.scalars(
                select(Declaration.reference).where(
                    Declaration.reference.in_(sorted(references)),
                    Declaration.purged_at.is_not(None),
                )
            )
        )


def sweep_folders(
    db: Database, folders: KioskFolders, rules: FileRules, now: datetime
) -> SweepReport:
    """Apply ``rules`` to every folder; returns what went."""
    removed = SweepReport()
    for folder in folders.swept():
        gone = gone_references(db, references_in(file_names(folder)))

        def doomed(name: str, gone: set[str] = gone) -> bool:
            return not references_in([name]).isdisjoint(gone)

        is_spool = folder == folders.spool
        removed += sweep(
            folder,
            now=now,
            max_age=rules.spool_max_age if is_spool else rules.max_age,
            max_bytes=rules.max_bytes,
            doomed=doomed,
        )
    return removed


def contents(folders: KioskFolders) -> tuple[FolderContents, FolderContents]:
    """What the printouts folders (printouts and the file printer's) and the spool hold."""
    printed = FolderContents()
    for folder in folders.swept():
        if folder != folders.spool:
            printed += folder_contents(folder)
    return printed, folder_contents(folders.spool)
