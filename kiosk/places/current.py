"""Addresses already in the two-level form, as cards issued since July 2025 print them."""

from __future__ import annotations

from kiosk.places.legacy import names_old_district
from wire.places.addresses import MAX_ADDRESS_LENGTH, address_parts
from wire.places.keys import resolve
from wire.places.units import Ward, places


def parse_current(address: str) -> tuple[str, Ward] | None:
    """(detail, ward) of "…, ward, province", or None when that cannot be told for sure.

    The last two parts must name a province and one of its wards, each alone (the
    unit type may be left out or abbreviated). Many new wards took the name of an
    old district ("Ba Đình", "Buôn Ma Thuột"), so an address whose ward part also
    names a district of that province is an old address, not a current one.
    """
    if len(address) > MAX_ADDRESS_LENGTH:
        return None
    parts = address_parts(address)
    if len(parts) < 2 or names_old_district(parts):
        return None
    data = places()
    province_codes = resolve(parts[-1], data.province_index, drop_type=True)
    if len(province_codes) != 1:
        return None
    (province_code,) = province_codes
    ward_codes = resolve(parts[-2], data.ward_index.get(province_code, {}))
    if len(ward_codes) != 1:
        return None
    (ward_code,) = ward_codes
    return ", ".join(parts[:-2]), data.ward_by_code[ward_code]
