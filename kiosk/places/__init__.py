"""Finding places by typing, and reading the addresses printed on ID cards.

The 34 provinces and their wards since 1 July 2025, and the address answer's value,
are the wire's (``wire.places``), shared with the centre's server, which checks the
addresses it receives. What only the kiosk does is here: finding a province or a
ward by typing part of its name (:func:`find_provinces`, :func:`find_wards`), and
reading the address on a card, in today's two-level form (:func:`parse_current`) or
the three-level form printed before the 2025 reform (:func:`convert_legacy`, which
maps it to today's ward when that can be told for sure).
"""

from kiosk.places.current import parse_current
from kiosk.places.legacy import LegacyAddress, convert_legacy, warm_up_legacy
from kiosk.places.search import find_provinces, find_wards
from wire.places import provinces


def warm_up() -> None:
    """Load the data now (a tenth of a second; call it off the UI thread).

    Then the first address page and the first scanned card answer at once.
    """
    provinces()
    warm_up_legacy()


__all__ = [
    "LegacyAddress",
    "convert_legacy",
    "find_provinces",
    "find_wards",
    "parse_current",
    "warm_up",
]
