"""Finding a tỉnh/thành phố or a xã/phường by typing part of its name, accents optional.

A citizen picking their ward from some hundred names types "hong ha", "Hồng",
"phuong 1" or "xa ea": every word typed must begin a word of the ward's name
("Phường Hồng Hà", ``kiosk.text.matching``), and wards whose name starts with what
was typed come first. The 34 provinces are few enough to stay in their official order.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from wire.places.units import Province, Ward, provinces, wards

if TYPE_CHECKING:
    from kiosk.text.matching import MatchWords

# ``kiosk.text.matching`` (with the folding tables of ``kiosk.text.folding``) is
# imported when first searched, so ``import kiosk.places`` stays cheap for the command
# line.


def find_provinces(query: str) -> list[Province]:
    """The provinces whose name has a word beginning each typed word, in code order;
    all 34 for an empty query."""
    from kiosk.text.matching import find_by_words

    return find_by_words(provinces(), query, lambda province: province.name)


def find_wards(province_code: str, query: str, limit: int = 50) -> list[Ward]:
    """The province's wards matching ``query``, best first; all of them for an empty query."""
    from kiosk.text.matching import begins_all, prefix_rank, query_words

    if limit <= 0:
        return []
    typed = query_words(query)
    if not typed:
        return list(wards(province_code)[:limit])
    # First the wards whose short name starts with the words typed, then those whose
    # full name does ("phuong h"), then the rest, each in alphabetical order.
    ranked: list[tuple[int, int, Ward]] = []
    for position, (ward, name, short) in enumerate(_searchable(province_code)):
        if begins_all(typed, name):
            ranked.append((prefix_rank(typed, short, name), position, ward))
    ranked.sort(key=lambda entry: entry[:2])
    return [ward for _, _, ward in ranked[:limit]]


@cache
def _searchable(province_code: str) -> tuple[tuple[Ward, MatchWords, MatchWords], ...]:
    from kiosk.text.matching import match_words

    return tuple(
        (ward, match_words(ward.name), match_words(ward.short_name))
        for ward in wards(province_code)
    )
