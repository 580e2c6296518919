"""The dân tộc and quốc tịch lists as a citizen picks from them: ordered, found by typing.

The codes and names are the forms' vocabulary (``wire.vocabulary``), shared with the
centre's server; how they are ordered on screen and matched against what a citizen
types is the kiosk's own business, and needs its Vietnamese folding.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from kiosk.text.folding import fold, strip_marks
from kiosk.text.matching import find_by_words
from wire.vocabulary import VIETNAM, Choice, nationalities_by_code


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
    language is."""
    return find_by_words(choices, query, lambda choice: f"{choice.vi} {choice.en}")


def _sort_key(name: str) -> tuple[str, str]:
    return strip_marks(fold(name)), name
