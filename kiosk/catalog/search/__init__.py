"""Vietnamese procedure search: accents optional, typos forgiven, as you type.

``SearchIndex(documents).search(query, filters, limit)`` is the one entry point the
catalogue service, the UI and the benchmarks share; :mod:`.index` explains how a
keystroke is answered, :mod:`.folding` what counts as the same word.
"""

from kiosk.catalog.search.api import SearchDocument, SearchFilters, SearchHit
from kiosk.catalog.search.index import NO_FILTERS, SearchIndex

__all__ = ["NO_FILTERS", "SearchDocument", "SearchFilters", "SearchHit", "SearchIndex"]
