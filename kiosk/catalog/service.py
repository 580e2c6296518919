"""CatalogService: what the lookup screens and the command line ask of the catalogue.

Search runs over an in-memory index built from the database once, lazily (the UI
calls :meth:`CatalogService.warm_up` on a worker after start-up), and rebuilt after
an import. Building is guarded by a lock so two threads never build it twice; a build
that raced an import is thrown away rather than installed stale.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import msgspec
from sqlalchemy import select

from kiosk.catalog import store
from kiosk.catalog.errors import CatalogueFileError, FieldNotFoundError, ProcedureNotFoundError
from kiosk.catalog.importer import ImportReport, import_catalogue
from kiosk.catalog.portal_link import portal_url
from kiosk.catalog.search.api import SearchDocument, SearchFilters, SearchHit
from kiosk.catalog.search.index import SearchIndex
from kiosk.clock import Clock, utc_now
from kiosk.db import Database, models
from wire.catalogue import Procedure
from wire.catalogue_files import read_catalogue_file
from wire.errors import CatalogueFormatError
from wire.links import NATIONAL_PORTAL_DOMAINS

#: No narrowing (a frozen value, so sharing it as a default is safe).
ANY = SearchFilters()


@dataclass(frozen=True, slots=True)
class FieldSummary:
    """A lĩnh vực on the browse screen, with how many procedures it holds."""

    code: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class _Loaded:
    documents: tuple[SearchDocument, ...]
    index: SearchIndex


def _passes(document: SearchDocument, filters: SearchFilters) -> bool:
    if filters.levels and not set(document.levels) & set(filters.levels):
        return False
    if filters.fields and document.field not in filters.fields:
        return False
    if filters.agencies and not set(document.agencies) & set(filters.agencies):
        return False
    return not (filters.online_only and document.online == "khong")


class CatalogService:
    """The catalogue for the UI and CLI; every method opens its own short transaction."""

    def __init__(
        self,
        db: Database,
        clock: Clock = utc_now,
        *,
        portal_domains: Sequence[str] = NATIONAL_PORTAL_DOMAINS,
    ) -> None:
        self._db = db
        self._clock = clock
        #: The centre's allow-list for portal links (``portal_domains``).
        self.portal_domains = tuple(portal_domains)
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        #: Bumped by every import; a build started before it is not installed.
        self._generation = 0

    # -- reading ---------------------------------------------------------------------

    def fields(self) -> list[FieldSummary]:
        with self._db.transaction() as session:
            return [FieldSummary(c, n, k) for c, n, k in store.field_counts(session)]

    def field_name(self, code: str) -> str:
        with self._db.transaction() as session:
            name = session.scalar(select(models.Field.name).where(models.Field.code == code))
        if name is None:
            raise FieldNotFoundError(code=code)
        return name

    def agency_names(self, codes: Sequence[str]) -> tuple[str, ...]:
        """The names of ``codes``' agencies (cơ quan thực hiện), in the order given."""
        with self._db.transaction() as session:
            rows = session.execute(
                select(models.Agency.code, models.Agency.name).where(models.Agency.code.in_(codes))
            )
            names = {row.code: row.name for row in rows}
        return tuple(names[code] for code in codes if code in names)

    def procedure(self, code: str) -> Procedure:
        with self._db.transaction() as session:
            procedure = store.read_procedure(session, code)
        if procedure is None:
            raise ProcedureNotFoundError(code=code)
        return procedure

    def portal_link(self, procedure: Procedure) -> str | None:
        """Where the procedure's QR code may send a phone; ``None``: no QR code."""
        return portal_url(procedure, self.portal_domains)

    def version(self) -> str | None:
        with self._db.transaction() as session:
            meta = store.read_meta(session)
            return None if meta is None else meta.version

    # -- search and browse -----------------------------------------------------------

    def search(self, query: str, filters: SearchFilters = ANY, limit: int = 30) -> list[SearchHit]:
        return self._load().index.search(query, filters, limit)

    def browse(self, field: str, filters: SearchFilters = ANY, limit: int = 500) -> list[SearchHit]:
        """A field's procedures, most asked-for first, then by name."""
        documents = [d for d in self._load().documents if d.field == field and _passes(d, filters)]
        documents.sort(key=lambda d: (-d.popularity, d.name.casefold(), d.code))
        return [
            SearchHit(
                code=d.code,
                name=d.name,
                field=d.field,
                levels=d.levels,
                online=d.online,
                score=0.0,
            )
            for d in documents[:limit]
        ]

    def warm_up(self) -> None:
        """Build the search index now (the UI calls this on a worker after start-up)."""
        self._load()

    def _load(self) -> _Loaded:
        loaded = self._loaded
        if loaded is not None:
            return loaded
        with self._lock:
            while self._loaded is None:
                generation = self._generation
                with self._db.transaction() as session:
                    index = SearchIndex(store.search_documents(session))
                built = _Loaded(index.documents, index)
                if generation == self._generation:
                    self._loaded = built
                    return built
            return self._loaded

    def invalidate(self) -> None:
        """Forget the search index: the catalogue changed under it (an import, a sync pull).

        Public because sync replaces the catalogue from another thread; the next search
        rebuilds the index, and a rebuild already under way is dropped, not kept.
        """
        self._generation += 1
        self._loaded = None

    # -- importing -------------------------------------------------------------------

    def import_file(self, path: Path, fmt: Literal["portal", "kiosk"]) -> ImportReport:
        """Replace the catalogue with a file's; raises ``CatalogueFileError`` if invalid."""
        try:
            if fmt == "portal":
                from wire.portal import read_portal_file  # IT's tool: load it late

                catalogue, problems = read_portal_file(path)
            else:
                catalogue, problems = read_catalogue_file(path), []
        except CatalogueFormatError as exc:
            raise CatalogueFileError.of(exc) from exc
        report = import_catalogue(
            self._db,
            catalogue,
            source="import",
            fmt=fmt,
            problems=problems,
            clock=self._clock,
            portal_domains=self.portal_domains,
        )
        if not report.unchanged:
            self.invalidate()
        return report

    def export_file(self, path: Path) -> int:
        """Write the loaded catalogue in the kiosk format; returns the procedure count."""
        with self._db.transaction() as session:
            catalogue = store.read_catalogue(session)
        if catalogue is None:
            raise CatalogueFileError(path=str(path), detail="no catalogue is loaded")
        path.write_bytes(msgspec.json.format(msgspec.json.encode(catalogue), indent=2))
        return len(catalogue.procedures)
