"""Administrative places: the 34 provinces and their wards since 1 July 2025.

Addresses on forms have two levels (xã/phường and tỉnh/thành phố). Cards printed
before the 2025 reform carry three-level addresses, which :func:`convert_legacy`
maps to today's ward when that can be told for sure. The data comes from the
``vietnamadminunits`` package's files (``kiosk.places.data``: the package itself is
never imported) and is loaded on first use (see :func:`warm_up`).
"""

from kiosk.places.addresses import MAX_ADDRESS_LENGTH, address_value
from kiosk.places.current import parse_current
from kiosk.places.legacy import LegacyAddress, convert_legacy, warm_up_legacy
from kiosk.places.search import find_provinces, find_wards
from kiosk.places.units import Province, Ward, province, provinces, ward, wards


def warm_up() -> None:
    """Load the data now (a tenth of a second; call it off the UI thread).

    Then the first address page and the first scanned card answer at once.
    """
    provinces()
    warm_up_legacy()


__all__ = [
    "MAX_ADDRESS_LENGTH",
    "LegacyAddress",
    "Province",
    "Ward",
    "address_value",
    "convert_legacy",
    "find_provinces",
    "find_wards",
    "parse_current",
    "province",
    "provinces",
    "ward",
    "wards",
    "warm_up",
]
