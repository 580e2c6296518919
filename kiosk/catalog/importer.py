"""Replacing the whole catalogue: validated first, then one transaction, or nothing.

A catalogue (bundled, imported by IT, or later synced from the server) is never
patched on the kiosk: it is checked whole, then written whole in one transaction, so a
citizen never sees half of an old catalogue and half of a new one. Writing the same
content again is skipped (its hash is kept in ``catalog_meta``), so a re-import or a
re-sent sync changes nothing.

What is checked: the format and its limits (``wire.catalogue``: file size, procedures,
lengths, search words), which refuse the catalogue whole; and each procedure's portal
link against the centre's allow-list (``portal_domains``), which drops only that link,
reported as a problem of the import.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from kiosk.catalog import store
from kiosk.catalog.errors import CatalogueFileError
from kiosk.clock import Clock, utc_now
from kiosk.db import Database
from wire.catalogue import CatalogueFile
from wire.catalogue_files import drop_refused_links, validate_catalogue
from wire.errors import CatalogueFormatError
from wire.links import NATIONAL_PORTAL_DOMAINS
from wire.problems import ParseProblem

log = logging.getLogger("kiosk.catalog")

Source = Literal["bundled", "import", "server"]
Format = Literal["kiosk", "portal"]


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: counts, whether anything changed, and what could not be read."""

    catalogue_version: str
    source: Source
    format: Format
    content_hash: str
    #: The same content was already loaded: nothing was written.
    unchanged: bool
    procedures: int
    fields: int
    agencies: int
    queue_services: int
    seconds: float
    problems: tuple[ParseProblem, ...] = field(default=())

    @property
    def records_with_problems(self) -> int:
        return len({p.code for p in self.problems})

    def as_json(self) -> dict[str, Any]:
        return {
            "catalogue_version": self.catalogue_version,
            "source": self.source,
            "format": self.format,
            "content_hash": self.content_hash,
            "unchanged": self.unchanged,
            "procedures": self.procedures,
            "fields": self.fields,
            "agencies": self.agencies,
            "queue_services": self.queue_services,
            "seconds": round(self.seconds, 3),
            "records_with_problems": self.records_with_problems,
            "problems": [
                {"code": p.code, "field": p.field, "reason": p.reason} for p in self.problems
            ],
        }


def replace_catalogue(
    session: Session,
    catalogue: CatalogueFile,
    *,
    source: Source,
    fmt: Format,
    now: datetime,
    portal_domains: Sequence[str],
    problems: Sequence[ParseProblem] = (),
) -> ImportReport:
    """Write ``catalogue`` in the caller's transaction unless it is already loaded.

    ``catalogue`` must be validated (read from a file, or
    :func:`wire.catalogue_files.validate_catalogue`). Portal links ``portal_domains``
    refuses are dropped first, each one a problem of the report.
    """
    started = time.perf_counter()
    catalogue, dropped = drop_refused_links(catalogue, portal_domains)
    if dropped:
        log.warning(
            "%d portal links dropped, the first of procedure %s: %s",
            len(dropped),
            dropped[0].code,
            dropped[0].reason,
        )
    digest = store.content_hash(catalogue)
    meta = store.read_meta(session)
    unchanged = meta is not None and meta.content_hash == digest
    if not unchanged:
        store.write_catalogue(session, catalogue, source=source, fmt=fmt, digest=digest, now=now)
    return ImportReport(
        catalogue_version=catalogue.catalogue_version,
        source=source,
        format=fmt,
        content_hash=digest,
        unchanged=unchanged,
        procedures=len(catalogue.procedures),
        fields=len(catalogue.fields),
        agencies=len(catalogue.agencies),
        queue_services=len(catalogue.queue_services),
        seconds=time.perf_counter() - started,
        problems=(*problems, *dropped),
    )


def import_catalogue(
    db: Database,
    catalogue: CatalogueFile,
    *,
    source: Source = "import",
    fmt: Format = "kiosk",
    problems: Sequence[ParseProblem] = (),
    clock: Clock = utc_now,
    portal_domains: Sequence[str] = NATIONAL_PORTAL_DOMAINS,
) -> ImportReport:
    """Validate ``catalogue``, then replace the loaded one in one transaction.

    Raises ``CatalogueFileError`` with the previous catalogue untouched when it is
    invalid or passes a limit; any failure while writing rolls the whole transaction
    back.
    """
    started = time.perf_counter()
    try:
        catalogue = validate_catalogue(catalogue)
    except CatalogueFormatError as exc:
        raise CatalogueFileError.of(exc) from exc
    with db.transaction() as session:
        report = replace_catalogue(
            session,
            catalogue,
            source=source,
            fmt=fmt,
            now=clock(),
            portal_domains=portal_domains,
            problems=problems,
        )
    elapsed = time.perf_counter() - started
    log.info(
        "catalogue %s (%s, %d procedures) %s in %.2f s",
        report.catalogue_version,
        fmt,
        report.procedures,
        "unchanged" if report.unchanged else "loaded",
        elapsed,
    )
    return replace(report, seconds=elapsed)
