"""What search takes and gives: the contract between the index, its callers and the UI.

The index never sees the database: the catalogue service hands it one
:class:`SearchDocument` per procedure and asks it questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from wire.catalogue import Level, OnlineLevel


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """The searchable face of one procedure."""

    code: str
    name: str
    levels: tuple[Level, ...]
    field: str
    field_name: str
    agencies: tuple[str, ...] = ()
    online: OnlineLevel = "khong"
    popularity: int = 0
    #: Extra words citizens use for it, and the plain summary.
    keywords: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrowing a search; an empty tuple means "any"."""

    levels: tuple[Level, ...] = ()
    fields: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    #: Only procedures that can be done online: fully ("toan_trinh") or partly too.
    online_only: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result, best first; ``score`` only orders hits of one search."""

    code: str
    name: str
    field: str
    levels: tuple[Level, ...]
    online: OnlineLevel
    score: float
    #: Which words of the name matched, as (start, end) spans, for highlighting.
    highlights: tuple[tuple[int, int], ...] = ()
