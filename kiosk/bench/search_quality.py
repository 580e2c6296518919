"""Does search find what citizens mean? Hit rates over a set of citizen-style queries.

``search_quality.json`` beside this module holds queries as citizens type them at the
kiosk — without accents, "làm giấy …", "xin …", regional spelling slips, another word
order, their own words for official ones — each with the procedure codes a good search
puts first, for the bundled catalogue and for a catalogue imported from the national
portal. :func:`evaluate` runs them on an index and counts how often an expected
procedure is the first result (top-1) or among the first three (top-3); the tests
hold those rates above a floor and ``bench search`` reports them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from kiosk.catalog.search.api import SearchDocument
from kiosk.catalog.search.index import SearchIndex

QUALITY_FILE = Path(__file__).with_name("search_quality.json")
FORMAT = "kiosk-search-quality"
#: How many results count for "among the first": what a citizen reads without scrolling.
TOP = 3

Catalogue = Literal["bundled", "portal"]


@dataclass(frozen=True, slots=True)
class QualityQuery:
    query: str
    kind: str
    #: Codes expected from each catalogue (any one will do); ``None``: not asked of it.
    bundled: frozenset[str] | None
    portal: frozenset[str] | None

    def expected(self, catalogue: Catalogue) -> frozenset[str] | None:
        return self.bundled if catalogue == "bundled" else self.portal


@dataclass(frozen=True, slots=True)
class Miss:
    query: str
    expected: frozenset[str]
    found: tuple[str, ...]


@dataclass(slots=True)
class Quality:
    """Hit rates of one catalogue's queries."""

    asked: int = 0
    first: int = 0
    top: int = 0
    #: Queries whose expected procedure was not first (``found``: the first codes).
    misses: list[Miss] = field(default_factory=list)

    @property
    def top1_pct(self) -> float:
        return round(100.0 * self.first / self.asked, 1) if self.asked else 0.0

    @property
    def top3_pct(self) -> float:
        return round(100.0 * self.top / self.asked, 1) if self.asked else 0.0


def load_queries(path: Path = QUALITY_FILE) -> list[QualityQuery]:
    """The query set; raises ``ValueError`` if the file is not one."""
    document = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"{path.name} is not a {FORMAT} file")
    return [
        QualityQuery(
            query=entry["query"],
            kind=entry["kind"],
            bundled=_codes(entry["bundled"]),
            portal=_codes(entry["portal"]),
        )
        for entry in document["queries"]
    ]


def _codes(value: list[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def evaluate(index: SearchIndex, queries: list[QualityQuery], catalogue: Catalogue) -> Quality:
    """The hit rates of ``queries`` on ``index``, which holds the ``catalogue``.

    A query counts only where one of its expected codes is in the index, so a
    catalogue that lacks a procedure (a province's own list) is not blamed for it.
    """
    present = {document.code for document in index.documents}
    quality = Quality()
    for query in queries:
        expected = query.expected(catalogue)
        if not expected or not expected & present:
            continue
        found = tuple(hit.code for hit in index.search(query.query, limit=TOP))
        quality.asked += 1
        if found and found[0] in expected:
            quality.first += 1
            continue
        quality.top += bool(expected & set(found))
        quality.misses.append(Miss(query.query, expected, found))
    quality.top += quality.first
    return quality


def bundled_documents() -> list[SearchDocument]:
    """The bundled catalogue's procedures as the catalogue service hands them to search."""
    from kiosk.catalog.bundled import BUNDLED_CATALOGUE
    from kiosk.catalog.store import search_document
    from wire.catalogue_files import read_catalogue_file

    catalogue = read_catalogue_file(BUNDLED_CATALOGUE)
    field_names = {field.code: field.name for field in catalogue.fields}
    return [search_document(p, field_names.get(p.field, p.field)) for p in catalogue.procedures]
