"""The dân tộc and quốc tịch lists as a citizen picks from them: ordered, found by typing.

The codes and names are the forms' vocabulary (``wire.vocabulary``), shared with the
centre's server; how they are ordered on screen and matched against what a citizen
types is the kiosk's own business, and needs its Vietnamese folding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Final

from kiosk.text.folding import fold, strip_marks
from kiosk.text.matching import find_by_words
from wire.vocabulary import VIETNAM, Choice, nationalities_by_code

#: Names citizens type for a dân tộc besides the GSO spelling the list shows: the
#: group's own name and common spellings ("Jrai", "H'Mông", "Êđê"). Keyed by the GSO
#: code (two digits, so never a nationality's ISO code). A hyphenated name is also
#: found written together ("Khơme", "Giarai") without being listed here.
ETHNIC_SEARCH_NAMES: Final[Mapping[str, str]] = {
    "05": "Khmer Khơme",
    "08": "H'Mông Hmông",
    "10": "Jrai Jarai",
    "12": "Êđê Rhađê",
    "13": "Bahnar",
    "16": "Kơho",
    "20": "M'Nông",
    "22": "Stiêng",
}


@cache
def nationalities() -> tuple[Choice, ...]:
    """Every nationality, Việt Nam first, then by Vietnamese name (accents ignored).

    Built from Babel's CLDR data on first use (tens of milliseconds), so call it off
    the UI thread the first time, or at start-up.
    """
    found = sorted(
        nationalities_by_code().values(),
        key=lambda choice: (choice.code != VIETNAM, _sort_key(choice.vi), choice.code),
    )
    return tuple(found)


def find_choices(choices: Sequence[Choice], query: str) -> list[Choice]:
    """The choices with a word, in Vietnamese or English, beginning each typed word
    (``kiosk.text.matching``), in their order; all of them for an empty query.

    Both languages count, so "duc" and "germany" both find Đức whatever the screen's
    language is; so do the other names a dân tộc is known by (:data:`ETHNIC_SEARCH_NAMES`)."""
    return find_by_words(choices, query, _search_text)


def _search_text(choice: Choice) -> str:
    joined = choice.vi.replace("-", "") if "-" in choice.vi else ""
    return " ".join(
        part
        for part in (choice.vi, joined, choice.en, ETHNIC_SEARCH_NAMES.get(choice.code, ""))
        if part
    )


def _sort_key(name: str) -> tuple[str, str]:
    return strip_marks(fold(name)), name
