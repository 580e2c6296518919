"""The 2025 administrative units: 34 tỉnh/thành phố and their xã/phường/đặc khu.

Since 1 July 2025 an address has two levels, ward and province, with no district.
The data is the ``vietnamadminunits`` package's (MIT licence), read from its files
(``wire.places.data``, which says why the package itself is never imported) once,
when first needed, and kept; the kiosk's UI calls :func:`kiosk.places.warm_up` off its
thread, and the centre's server checks the addresses of the dossiers it receives with it.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wire.places.keys import KeywordIndex


@dataclass(frozen=True, slots=True)
class Province:
    """A tỉnh or thành phố trực thuộc trung ương: ``01``, "Thành phố Hà Nội", "Hà Nội"."""

    code: str
    name: str
    short_name: str


@dataclass(frozen=True, slots=True)
class Ward:
    """A xã, phường or đặc khu: ``00097``, "Phường Hồng Hà", "Hồng Hà", in province ``01``."""

    code: str
    name: str
    short_name: str
    province_code: str


@dataclass(frozen=True, slots=True)
class Places:
    """Everything loaded, indexed the ways the kiosk and its server look places up."""

    provinces: tuple[Province, ...]
    province_by_code: Mapping[str, Province]
    wards_by_province: Mapping[str, tuple[Ward, ...]]
    ward_by_code: Mapping[str, Ward]
    #: The package's own keys (``thanhphohanoi``, ``phuonghongha``), which its
    #: conversion tables name wards by.
    ward_by_keys: Mapping[tuple[str, str], Ward]
    province_by_key: Mapping[str, Province]
    #: The package's keywords (names with and without the unit type, without accents
    #: and spaces: ``phuonghongha``, ``hongha``) → the codes of the units they name.
    province_index: KeywordIndex
    #: Per province code: ward keyword → ward codes.
    ward_index: Mapping[str, KeywordIndex]


_lock = threading.Lock()
_loaded: Places | None = None


def places() -> Places:
    """The data, loaded on first use (thread-safe: a second caller waits for the first)."""
    global _loaded  # noqa: PLW0603 - the one cache of read-only data
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load()
    return _loaded


def provinces() -> tuple[Province, ...]:
    """The 34 provinces in the order of their official codes (Hà Nội first)."""
    return places().provinces


def province(code: str) -> Province | None:
    return places().province_by_code.get(code)


def wards(province_code: str) -> tuple[Ward, ...]:
    """The province's wards in alphabetical order (accents ignored, numbers by value)."""
    return places().wards_by_province.get(province_code, ())


def ward(code: str) -> Ward | None:
    return places().ward_by_code.get(code)


def _load() -> Places:
    from wire.places.data import UNITS_TABLE, units
    from wire.places.keys import add_keywords, plain_letters

    rows = units(
        UNITS_TABLE,
        [
            "provinceCode",
            "province",
            "provinceShort",
            "provinceKey",
            "provinceKeywords",
            "wardCode",
            "ward",
            "wardShort",
            "wardKey",
            "wardKeywords",
        ],
    )
    province_by_code: dict[str, Province] = {}
    province_by_key: dict[str, Province] = {}
    province_index: dict[str, tuple[str, ...]] = {}
    by_province: dict[str, list[Ward]] = {}
    ward_by_keys: dict[tuple[str, str], Ward] = {}
    ward_index: dict[str, dict[str, tuple[str, ...]]] = {}
    for row in rows:
        found = province_by_code.get(row["provinceCode"])
        if found is None:
            found = Province(row["provinceCode"], row["province"], row["provinceShort"])
            province_by_code[found.code] = found
            province_by_key[row["provinceKey"]] = found
            add_keywords(province_index, row["provinceKeywords"], found.code)
        code = found.code  # one string per province, not one per ward
        unit = Ward(row["wardCode"], row["ward"], row["wardShort"], code)
        by_province.setdefault(code, []).append(unit)
        ward_by_keys[(sys.intern(row["provinceKey"]), row["wardKey"])] = unit
        add_keywords(ward_index.setdefault(code, {}), row["wardKeywords"], unit.code)

    def alphabetical(unit: Ward) -> list[Any]:
        folded = plain_letters(unit.short_name)
        parts: list[Any] = re.split(r"(\d+)", folded)
        parts[1::2] = [int(number) for number in parts[1::2]]
        return [*parts, unit.code]

    wards_by_province = {
        code: tuple(sorted(units, key=alphabetical)) for code, units in by_province.items()
    }
    return Places(
        provinces=tuple(province_by_code[code] for code in sorted(province_by_code)),
        province_by_code=province_by_code,
        wards_by_province=wards_by_province,
        ward_by_code={unit.code: unit for units in by_province.values() for unit in units},
        ward_by_keys=ward_by_keys,
        province_by_key=province_by_key,
        province_index=province_index,
        ward_index=ward_index,
    )
