"""Finding a xã/phường by typing part of its name, with or without accents.

A citizen picking their ward from some hundred names types "hong ha", "Hồng",
"phuong 1" or "xa ea": every word typed must begin a word of the ward's name
("Phường Hồng Hà"), and wards whose name starts with what was typed come first.
"""

from __future__ import annotations

from functools import cache

from kiosk.places.units import Ward, wards

#: A ward's words, folded: (with the i/y rule, as typed) pairs, e.g. ("ky", "ki").
_Words = tuple[tuple[str, str], ...]


def find_wards(province_code: str, query: str, limit: int = 50) -> list[Ward]:
    """The province's wards matching ``query``, best first; all of them for an empty query."""
    from kiosk.catalog.search.folding import words

    if limit <= 0:
        return []
    typed = [(word.folded, word.raw) for word in words(query[:200])]
    if not typed:
        return list(wards(province_code)[:limit])
    ranked: list[tuple[int, int, Ward]] = []
    for position, (ward, name, short) in enumerate(_searchable(province_code)):
        if all(_begins_some(word, name) for word in typed):
            ranked.append((_rank(typed, name, short), position, ward))
    ranked.sort(key=lambda entry: entry[:2])
    return [ward for _, _, ward in ranked[:limit]]


@cache
def _searchable(province_code: str) -> tuple[tuple[Ward, _Words, _Words], ...]:
    from kiosk.catalog.search.folding import words

    def folded(text: str) -> _Words:
        return tuple((word.folded, word.raw) for word in words(text))

    return tuple(
        (ward, folded(ward.name), folded(ward.short_name)) for ward in wards(province_code)
    )


def _begins(typed: tuple[str, str], word: tuple[str, str]) -> bool:
    return word[0].startswith(typed[0]) or word[1].startswith(typed[1])


def _begins_some(typed: tuple[str, str], name: _Words) -> bool:
    return any(_begins(typed, word) for word in name)


def _rank(typed: list[tuple[str, str]], name: _Words, short: _Words) -> int:
    """0: the short name starts with the words typed; 1: the full name does; 2: elsewhere."""
    for rank, words in enumerate((short, name)):
        if len(typed) <= len(words) and all(map(_begins, typed, words)):
            return rank
    return 2
