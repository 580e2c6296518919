"""Administrative places: the 34 provinces and their wards since 1 July 2025.

Addresses on forms have two levels (xã/phường and tỉnh/thành phố); an ``address``
answer names its ward and province by code, and both the kiosk and its server check
those codes against these units. The data comes from the ``vietnamadminunits``
package's files (``wire.places.data``: the package itself is never imported) and is
loaded on first use. Finding a ward by typing and reading the old three-level
addresses of ID cards are the kiosk's (``kiosk.places``).
"""

from wire.places.addresses import MAX_ADDRESS_LENGTH, address_value
from wire.places.units import Province, Ward, province, provinces, ward, wards

__all__ = [
    "MAX_ADDRESS_LENGTH",
    "Province",
    "Ward",
    "address_value",
    "province",
    "provinces",
    "ward",
    "wards",
]
