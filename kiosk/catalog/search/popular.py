"""How often each procedure is asked for, when the catalogue itself does not say.

The kiosk's own catalogue files carry a ``popularity`` for every procedure; the
national portal's export carries none, so on an imported catalogue every procedure
ties and search would fall back to the shortest name — which puts "Trình báo mất hộ
chiếu" above "Cấp hộ chiếu". ``resources/catalogue/popular.json`` lists the
procedures citizens ask for most at a commune or ward counter, by national code, on
the 0–100 scale of the bundled catalogue, and the index uses it for a catalogue
without figures of its own.

A missing or damaged list costs only that tie-breaker, never search itself.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from kiosk.paths import RESOURCES_DIR

POPULAR_FILE = RESOURCES_DIR / "catalogue" / "popular.json"
FORMAT = "kiosk-popular-procedures"
#: The bundled catalogue's scale: 100 for the most asked-for procedure.
MAX_POPULARITY = 100

log = logging.getLogger("kiosk.catalog")


@lru_cache(maxsize=4)
def load_popular(path: Path = POPULAR_FILE) -> Mapping[str, int]:
    """Code → popularity from the list at ``path``; empty (and logged) if unreadable."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return MappingProxyType(parse_popular(document))
    except (OSError, ValueError) as exc:
        log.warning("popular procedures list %s not used: %s", path.name, exc)
        return MappingProxyType({})


def parse_popular(document: object) -> dict[str, int]:
    """The list's figures; raises ``ValueError`` naming what is wrong with it."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    entries = document.get("procedures")
    if not isinstance(entries, list):
        raise ValueError("'procedures' is not a list")
    figures: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        code = entry.get("code") if isinstance(entry, dict) else None
        popularity = entry.get("popularity") if isinstance(entry, dict) else None
        if not isinstance(code, str) or not code:
            raise ValueError(f"procedure {number} has no code")
        if (
            isinstance(popularity, bool)
            or not isinstance(popularity, int)
            or not 0 <= popularity <= MAX_POPULARITY
        ):
            raise ValueError(f"procedure {code}: popularity is not 0–{MAX_POPULARITY}")
        if code in figures:
            raise ValueError(f"procedure {code} is listed twice")
        figures[code] = popularity
    return figures
