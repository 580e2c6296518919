"""The package's data read from its files is the package's data, and reading it (or
using the places it makes) never imports the package nor its geocoding stack."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kiosk.paths import PROJECT_ROOT
from wire.places import data

#: What ``import vietnamadminunits`` brings in (some 56 MB), and the package itself.
HEAVY = ("numpy", "shapely", "geopy", "requests", "vietnamadminunits")

USE_PLACES = f"""
import json, sys
from kiosk import places
found = [ward.name for ward in places.find_wards("01", "hong ha")]
old = places.convert_legacy("Số 5, Phúc Xá, Ba Đình, Hà Nội")
current = places.parse_current("Số 1, Phường Hồng Hà, Thành phố Hà Nội")
print(json.dumps({{
    "found": found,
    "old": old.ward.name if old else None,
    "current": current[1].name if current else None,
    "heavy": [name for name in {HEAVY!r} if name in sys.modules],
}}))
"""


def test_ward_lists_and_card_addresses_import_no_geocoding() -> None:
    result = subprocess.run(
        [sys.executable, "-c", USE_PLACES],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["found"] == ["Phường Hồng Hà"]
    assert report["old"] == "Phường Hồng Hà"
    assert report["current"] == "Phường Hồng Hà"
    assert report["heavy"] == []


@pytest.mark.parametrize(
    ("table", "fields"),
    [
        (data.UNITS_TABLE, ["provinceCode", "provinceKeywords", "wardCode", "ward", "wardKey"]),
        (data.LEGACY_UNITS_TABLE, ["provinceKey", "districtKey", "wardKey", "wardKeywords"]),
    ],
)
def test_units_are_what_the_package_reads(table: str, fields: list[str]) -> None:
    from vietnamadminunits.database import get_data  # type: ignore[import-untyped]

    assert [dict(row) for row in data.units(table, fields)] == get_data(fields, table)


def test_tables_are_what_the_package_loads() -> None:
    from vietnamadminunits.converter import converter_2025  # type: ignore[import-untyped]
    from vietnamadminunits.parser import parser_legacy  # type: ignore[import-untyped]

    divided = data.json_table("parser_legacy.json", "DICT_PROVINCE_DISTRICT_DIVIDED")
    assert divided == parser_legacy.DICT_PROVINCE_DISTRICT_DIVIDED
    new_wards = data.json_table("converter_2025.json", "DICT_PROVINCE_WARD_NO_DIVIDED")
    assert new_wards == converter_2025.DICT_PROVINCE_WARD_NO_DIVIDED


def test_a_missing_table_or_file_is_an_installation_fault() -> None:
    with pytest.raises(data.PlacesDataError, match="no table 'DICT_NOT_THERE'"):
        data.json_table("parser_legacy.json", "DICT_NOT_THERE")
    with pytest.raises(data.PlacesDataError, match=r"not-there\.json"):
        data.json_table("not-there.json", "DICT_PROVINCE")
