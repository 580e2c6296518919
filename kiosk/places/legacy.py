"""Old three-level addresses (xã/phường, quận/huyện, tỉnh) → the 2025 two-level ones.

Most cards in citizens' pockets print the address as it was before 1 July 2025, for
instance "Thôn 3, Ea Tu, Buôn Ma Thuột, Đắk Lắk". The ``vietnamadminunits`` package
parses such addresses and holds the official tables of which old ward became which
new one. Its own ``convert_address`` is not used as is: for an old ward split
between several new ones it looks the street up on an online geocoder (sending a
citizen's address out, and failing offline) or falls back to a default. Here a
split ward gives no answer, and so does anything the package cannot tell for sure:
the citizen then picks the ward, which is better than a wrong ward filled in.

"For sure" means: the last three parts of the address name a province, a district
of it and a ward of that district, each one alone (two units fitting one name is no
answer), and the package's parser reads the same three units.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from kiosk.places.addresses import MAX_ADDRESS_LENGTH, address_parts
from kiosk.places.keys import add_keywords, resolve
from kiosk.places.units import Province, Ward, places

log = logging.getLogger("kiosk.places")

#: Provinces renamed before 2025 whose old name old cards still print.
_OLD_PROVINCE_NAMES = {"thuathienhue": "thanhphohue", "tinhthuathienhue": "thanhphohue"}


@dataclass(frozen=True, slots=True)
class LegacyAddress:
    """An old address and the current ward it lies in, for the citizen to confirm."""

    #: The address as printed on the card (kept out of the repr: it is personal data).
    original: str = field(repr=False)
    #: What comes before the ward: house number, street, thôn, tổ.
    detail: str = field(repr=False)
    province: Province
    ward: Ward


@dataclass(frozen=True, slots=True)
class _LegacyIndex:
    provinces: Mapping[str, Set[str]]
    #: Per old province key: district keyword → district keys.
    districts: Mapping[str, Mapping[str, Set[str]]]
    #: Per (old province key, district key): ward keyword → ward keys.
    wards: Mapping[tuple[str, str], Mapping[str, Set[str]]]
    #: Districts without wards (islands: Côn Đảo, Lý Sơn…), a đặc khu today.
    wardless: Set[tuple[str, str]]
    #: "province_district_ward" (old keys) → (new province key, new ward key), for the
    #: old wards that went whole into one new ward.
    new_ward: Mapping[str, tuple[str, str]]


_lock = threading.Lock()
_index: _LegacyIndex | None = None


def convert_legacy(address: str) -> LegacyAddress | None:
    """The current ward of an old three-level address, or None when it cannot be told."""
    if len(address) > MAX_ADDRESS_LENGTH:
        return None
    parts = address_parts(address)
    if len(parts) < 2:
        return None
    index = _legacy_index()
    old = _old_units(parts, index)
    if old is None or _parsed_units(", ".join(parts)) != old:
        return None
    province_key, district_key, ward_key = old
    new = index.new_ward.get(f"{province_key}_{district_key}_{ward_key or ''}")
    found = places().ward_by_keys.get(new) if new is not None else None
    if found is None:
        return None
    detail = parts[:-2] if ward_key is None else parts[:-3]
    return LegacyAddress(
        original=", ".join(parts),
        detail=", ".join(detail),
        province=places().province_by_code[found.province_code],
        ward=found,
    )


def names_old_district(parts: list[str]) -> bool:
    """Whether the second-to-last part of an address names a district of its province."""
    if len(parts) < 2:
        return False
    index = _legacy_index()
    provinces = resolve(parts[-1], index.provinces, drop_type=True)
    return any(resolve(parts[-2], index.districts.get(key, {})) for key in provinces)


def _old_units(parts: list[str], index: _LegacyIndex) -> tuple[str, str, str | None] | None:
    """(province, district, ward) keys the last parts name, each without doubt."""
    provinces = resolve(parts[-1], index.provinces, drop_type=True)
    if len(provinces) != 1:
        return None
    (province_key,) = provinces
    districts = resolve(parts[-2], index.districts.get(province_key, {}))
    if len(districts) == 1 and (province_key, *districts) in index.wardless:
        return province_key, next(iter(districts)), None
    if len(parts) < 3:
        return None
    candidates = {
        (district_key, ward_key)
        for district_key in districts
        for ward_key in resolve(parts[-3], index.wards.get((province_key, district_key), {}))
    }
    if len(candidates) != 1:
        return None
    ((district_key, ward_key),) = candidates
    return province_key, district_key, ward_key


def _parsed_units(address: str) -> tuple[str | None, str | None, str | None] | None:
    """The (province, district, ward) keys the package's own parser reads."""
    from vietnamadminunits import ParseMode, parse_address  # type: ignore[import-untyped]

    try:
        unit = parse_address(address, mode=ParseMode.LEGACY, keep_street=False, level=3)
    except Exception:  # a heuristic parser of free text: any failure means "cannot tell"
        log.warning("The address parser failed on an address; the ward is left to the citizen")
        return None
    return unit.province_key, unit.district_key, unit.ward_key


def warm_up_legacy() -> None:
    """Build the tables of old units now rather than at the first scanned card."""
    _legacy_index()


def _legacy_index() -> _LegacyIndex:
    global _index  # noqa: PLW0603 - the one cache of read-only data
    if _index is None:
        with _lock:
            if _index is None:
                _index = _build_index()
    return _index


def _build_index() -> _LegacyIndex:
    from vietnamadminunits.converter import converter_2025  # type: ignore[import-untyped]
    from vietnamadminunits.database import get_data  # type: ignore[import-untyped]
    from vietnamadminunits.parser import parser_legacy  # type: ignore[import-untyped]

    provinces: dict[str, set[str]] = {}
    districts: dict[str, dict[str, set[str]]] = {}
    wards: dict[tuple[str, str], dict[str, set[str]]] = {}
    wardless: set[tuple[str, str]] = set()
    rows: list[dict[str, Any]] = get_data(
        fields=[
            "provinceKey",
            "districtKey",
            "wardKey",
            "provinceKeywords",
            "districtKeywords",
            "wardKeywords",
        ],
        table="admin_units_legacy",
    )
    for row in rows:
        province_key, district_key = row["provinceKey"], row["districtKey"]
        add_keywords(provinces, row["provinceKeywords"], province_key)
        add_keywords(districts.setdefault(province_key, {}), row["districtKeywords"], district_key)
        if row["wardKey"] is None:
            wardless.add((province_key, district_key))
        else:
            ward_index = wards.setdefault((province_key, district_key), {})
            add_keywords(ward_index, row["wardKeywords"], row["wardKey"])
    for alias, province_key in _OLD_PROVINCE_NAMES.items():
        provinces.setdefault(alias, set()).add(province_key)
    # Districts split or renamed before 2025: their old names lead to the new ones.
    for province_key, divided in parser_legacy.DICT_PROVINCE_DISTRICT_DIVIDED.items():
        for entry in divided.values():
            for keyword in entry["dividedDistrictKeywords"]:
                index = districts.setdefault(province_key, {})
                index.setdefault(keyword, set()).update(entry["districts"])
    return _LegacyIndex(
        provinces=provinces,
        districts=districts,
        wards=wards,
        wardless=wardless,
        new_ward=_new_wards(converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED),
    )


def _new_wards(table: Mapping[str, Mapping[str, list[str]]]) -> dict[str, tuple[str, str]]:
    """Old "province_district_ward" key → the one new ward it went into."""
    found: dict[str, tuple[str, str]] = {}
    doubtful: set[str] = set()
    for new_province, new_wards in table.items():
        for new_ward, old_keys in new_wards.items():
            for old_key in old_keys:
                if old_key in found and found[old_key] != (new_province, new_ward):
                    doubtful.add(old_key)
                found[old_key] = (new_province, new_ward)
    for old_key in doubtful:
        del found[old_key]
    return found
