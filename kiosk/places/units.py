"""The 2025 administrative units: 34 tỉnh/thành phố and their xã/phường/đặc khu.

Since 1 July 2025 an address has two levels, ward and province, with no district.
The data is the ``vietnamadminunits`` package's (MIT licence), read once and kept:
importing that package costs about half a second, so nothing here touches it until
the data is first needed, and the UI calls :func:`kiosk.places.warm_up` off its thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any


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
    """Everything loaded, indexed the ways the kiosk looks places up."""

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
    province_index: Mapping[str, Set[str]]
    #: Per province code: ward keyword → ward codes.
    ward_index: Mapping[str, Mapping[str, Set[str]]]


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
    from vietnamadminunits.database import get_data  # type: ignore[import-untyped]

    from kiosk.catalog.search.folding import fold, strip_marks
    from kiosk.places.keys import add_keywords

    rows: list[dict[str, Any]] = get_data(
        fields=[
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
        table="admin_units",
    )
    province_by_code: dict[str, Province] = {}
    province_by_key: dict[str, Province] = {}
    province_index: dict[str, set[str]] = {}
    by_province: dict[str, list[Ward]] = {}
    ward_by_keys: dict[tuple[str, str], Ward] = {}
    ward_index: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        code = row["provinceCode"]
        if code not in province_by_code:
            found = Province(code, row["province"], row["provinceShort"])
            province_by_code[code] = found
            province_by_key[row["provinceKey"]] = found
            add_keywords(province_index, row["provinceKeywords"], code)
        unit = Ward(row["wardCode"], row["ward"], row["wardShort"], code)
        by_province.setdefault(code, []).append(unit)
        ward_by_keys[(row["provinceKey"], row["wardKey"])] = unit
        add_keywords(ward_index.setdefault(code, {}), row["wardKeywords"], unit.code)

    def alphabetical(unit: Ward) -> list[Any]:
        folded = strip_marks(fold(unit.short_name)).lower()
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
