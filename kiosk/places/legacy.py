"""Old three-level addresses (xã/phường, quận/huyện, tỉnh) → the 2025 two-level ones.

Most cards in citizens' pockets print the address as it was before 1 July 2025, for
instance "Thôn 3, Ea Tu, Buôn Ma Thuột, Đắk Lắk". The ``vietnamadminunits`` package
holds the old units and the official tables of which old ward became which new one
(read through ``wire.places.data``). Its own ``convert_address`` is not used: for an
old ward split between several new ones it looks the street up on an online geocoder
(sending a citizen's address out, and failing offline) or falls back to a default.
Here a split ward gives no answer, and so does anything that cannot be told for sure:
the citizen then picks the ward, which is better than a wrong ward filled in.

"For sure" means: the last three parts of the address name a province, a district
of it and a ward of that district, each one alone (two units fitting one name is no
answer). The package's own address parser is not asked as well: it finds unit names
anywhere in the text, so it can only disagree where this reading is the exact one.
Over every old ward of the package, written in full, short, without accents, in
capitals, abbreviated ("P.12, Q.3") and behind a street named after another ward
(some 100,000 addresses), it read the same three units every time but three, and in
those three it was the one mistaken ("TT. Thạch Hà, H. Thạch Hà, Tỉnh Hà Tĩnh" read
as Thạch Hạ of Hà Tĩnh city).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any

from wire.places.addresses import MAX_ADDRESS_LENGTH, address_parts
from wire.places.keys import KeywordIndex, add_keywords, add_unit, resolve
from wire.places.units import Province, Ward, places

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
    provinces: KeywordIndex
    #: Per old province key: district keyword → district keys.
    districts: Mapping[str, KeywordIndex]
    #: Per (old province key, district key): ward keyword → ward keys.
    wards: Mapping[tuple[str, str], KeywordIndex]
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
    if old is None:
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
    from wire.places.data import LEGACY_UNITS_TABLE, json_table, units

    provinces: dict[str, tuple[str, ...]] = {}
    districts: dict[str, dict[str, tuple[str, ...]]] = {}
    wards: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
    wardless: set[tuple[str, str]] = set()
    rows = units(
        LEGACY_UNITS_TABLE,
        [
            "provinceKey",
            "districtKey",
            "wardKey",
            "provinceKeywords",
            "districtKeywords",
            "wardKeywords",
        ],
    )
    # One row per old ward: each province's and district's keywords come again on
    # every row of its wards, so each is indexed once, and each key is kept once.
    seen_provinces: set[tuple[str, str | None]] = set()
    seen_districts: set[tuple[str, str, str | None]] = set()
    for row in rows:
        province_key = sys.intern(row["provinceKey"])
        district_key = sys.intern(row["districtKey"])
        if (province_key, row["provinceKeywords"]) not in seen_provinces:
            seen_provinces.add((province_key, row["provinceKeywords"]))
            add_keywords(provinces, row["provinceKeywords"], province_key)
        if (province_key, district_key, row["districtKeywords"]) not in seen_districts:
            seen_districts.add((province_key, district_key, row["districtKeywords"]))
            district_index = districts.setdefault(province_key, {})
            add_keywords(district_index, row["districtKeywords"], district_key)
        if row["wardKey"] is None:
            wardless.add((province_key, district_key))
        else:
            ward_index = wards.setdefault((province_key, district_key), {})
            add_keywords(ward_index, row["wardKeywords"], row["wardKey"])
    for alias, province_key in _OLD_PROVINCE_NAMES.items():
        add_unit(provinces, alias, province_key)
    # Districts split or renamed before 2025: their old names lead to the new ones.
    divided_districts: dict[str, dict[str, Any]] = json_table(
        "parser_legacy.json", "DICT_PROVINCE_DISTRICT_DIVIDED"
    )
    for province_key, divided in divided_districts.items():
        for entry in divided.values():
            for keyword in entry["dividedDistrictKeywords"]:
                for district_key in entry["districts"]:
                    add_unit(districts.setdefault(province_key, {}), keyword, district_key)
    return _LegacyIndex(
        provinces=provinces,
        districts=districts,
        wards=wards,
        wardless=wardless,
        new_ward=_new_wards(json_table("converter_2025.json", "DICT_PROVINCE_WARD_NO_DIVIDED")),
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
