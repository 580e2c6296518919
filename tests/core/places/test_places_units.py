"""The 2025 units: 34 provinces, their ~3,300 wards, and finding a ward by typing."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.places import find_provinces, find_wards
from kiosk.text.folding import fold, strip_marks
from wire import places


def test_thirty_four_provinces_in_code_order() -> None:
    provinces = places.provinces()
    assert len(provinces) == 34
    codes = [province.code for province in provinces]
    assert codes == sorted(codes)
    assert len(set(codes)) == 34
    hanoi = places.province("01")
    assert hanoi is not None
    assert (hanoi.name, hanoi.short_name) == ("Thành phố Hà Nội", "Hà Nội")
    assert places.province("02") is None  # Hà Giang is part of Tuyên Quang now


def test_every_ward_belongs_to_an_existing_province() -> None:
    total = 0
    codes: set[str] = set()
    for province in places.provinces():
        wards = places.wards(province.code)
        assert wards, province.name
        for ward in wards:
            assert ward.province_code == province.code
            assert places.province(ward.province_code) == province
            assert places.ward(ward.code) == ward
            assert ward.name.endswith(ward.short_name)
            assert unicodedata.is_normalized("NFC", ward.name)
            codes.add(ward.code)
        total += len(wards)
    assert total > 3_000
    assert len(codes) == total
    assert places.wards("99") == ()
    assert places.ward("99999") is None


def test_wards_are_listed_alphabetically_ignoring_accents() -> None:
    names = [ward.short_name for ward in places.wards("01")]
    assert names.index("An Khánh") < names.index("Ba Đình") < names.index("Đan Phượng")
    assert names.index("Đan Phượng") < names.index("Hồng Hà") < names.index("Yên Xuân")


@pytest.mark.parametrize("query", ["hong ha", "Hồng Hà", "HONG HA", "hồng", "phuong hong", "hong"])
def test_find_wards_ignores_accents_and_case(query: str) -> None:
    found = find_wards("01", query)
    assert found, query
    assert found[0].name == "Phường Hồng Hà"
    for ward in found:
        assert ward.province_code == "01"


def test_find_wards_matches_beginnings_of_words_only() -> None:
    assert [ward.name for ward in find_wards("01", "hong ha")] == ["Phường Hồng Hà"]
    assert find_wards("01", "ong ha") == []
    by_second_word = find_wards("01", "dinh")
    assert "Phường Ba Đình" in [ward.name for ward in by_second_word]
    for ward in by_second_word:
        assert "dinh" in strip_marks(fold(ward.name)).split()


def test_names_starting_with_the_query_come_first() -> None:
    found = find_wards("01", "ha")
    starting = [ward for ward in found if strip_marks(fold(ward.short_name)).startswith("ha")]
    assert starting
    assert found[: len(starting)] == starting


def test_find_wards_limits_and_empty_queries() -> None:
    assert len(find_wards("66", "ea", limit=3)) == 3
    assert find_wards("66", "ea", limit=0) == []
    assert find_wards("01", "", limit=5) == list(places.wards("01")[:5])
    assert find_wards("01", " ,.;") == list(places.wards("01")[:50])
    assert find_wards("99", "hong") == []
    assert find_wards("01", "zzzz") == []


def test_address_value_is_the_stored_answer() -> None:
    ward = places.ward("00097")
    assert ward is not None
    assert places.address_value("Số 5, ngõ 3", ward) == {
        "detail": "Số 5, ngõ 3",
        "province_code": "01",
        "province": "Thành phố Hà Nội",
        "ward_code": "00097",
        "ward": "Phường Hồng Hà",
    }


@pytest.mark.parametrize("query", ["ha noi", "Hà Nội", "HA NOI", "thanh pho ha n", "noi"])
def test_find_provinces_ignores_accents_and_case(query: str) -> None:
    assert [province.name for province in find_provinces(query)] == ["Thành phố Hà Nội"]


def test_find_provinces_matches_beginnings_of_words_in_code_order() -> None:
    assert find_provinces("oi") == []
    found = find_provinces("thanh pho")
    assert len(found) == 6
    assert [province.code for province in found] == sorted(province.code for province in found)
    assert all(province.name.startswith("Thành phố") for province in found)
    assert [province.name for province in find_provinces("dak")] == ["Tỉnh Đắk Lắk"]


def test_find_provinces_with_an_empty_query_lists_all_34() -> None:
    assert find_provinces("") == list(places.provinces())
    assert find_provinces("  ") == list(places.provinces())
