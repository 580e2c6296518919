"""Addresses printed on cards: old three-level ones converted, current ones read.

The expected new wards are those of the 2025 resolutions of the Standing Committee
of the National Assembly on commune-level units (e.g. 1656/NQ-UBTVQH15 for Hà Nội,
1685/NQ-UBTVQH15 for Hồ Chí Minh City, 1660/NQ-UBTVQH15 for Đắk Lắk).
"""

from __future__ import annotations

import pytest

from kiosk import places


@pytest.mark.parametrize(
    ("address", "detail", "ward", "province"),
    [
        # Phúc Xá (Ba Đình) went into Phường Hồng Hà.
        ("Số 5, Phúc Xá, Ba Đình, Hà Nội", "Số 5", "Phường Hồng Hà", "Thành phố Hà Nội"),
        (
            "Số 5, Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội",
            "Số 5",
            "Phường Hồng Hà",
            "Thành phố Hà Nội",
        ),
        ("SỐ 5, PHÚC XÁ, BA ĐÌNH, HÀ NỘI", "SỐ 5", "Phường Hồng Hà", "Thành phố Hà Nội"),
        ("so 5, phuc xa, ba dinh, ha noi", "so 5", "Phường Hồng Hà", "Thành phố Hà Nội"),
        # Ea Tu (Buôn Ma Thuột) went into Phường Tân An.
        ("Thôn 3, Ea Tu, Buôn Ma Thuột, Đắk Lắk", "Thôn 3", "Phường Tân An", "Tỉnh Đắk Lắk"),
        (
            "Thôn 3, Xã Ea Tu, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk",
            "Thôn 3",
            "Phường Tân An",
            "Tỉnh Đắk Lắk",
        ),
        # The seven old wards of the Old Quarter became Phường Hoàn Kiếm.
        (
            "Số 3 Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội",
            "Số 3 Hàng Bạc",
            "Phường Hoàn Kiếm",
            "Thành phố Hà Nội",
        ),
        # Bến Nghé (Quận 1) is Phường Sài Gòn; wards 9, 11, 12, 14 of Quận 3 are Nhiêu Lộc.
        (
            "12 Nguyễn Huệ, Bến Nghé, Quận 1, TP. Hồ Chí Minh",
            "12 Nguyễn Huệ",
            "Phường Sài Gòn",
            "Thành phố Hồ Chí Minh",
        ),
        (
            "Số 1, Tổ 2, P.12, Q.3, TP.HCM",
            "Số 1, Tổ 2",
            "Phường Nhiêu Lộc",
            "Thành phố Hồ Chí Minh",
        ),
        # Thảo Điền (Quận 2, later Thủ Đức) is in Phường An Khánh.
        (
            "Số 10, Phường Thảo Điền, Quận 2, TP Hồ Chí Minh",
            "Số 10",
            "Phường An Khánh",
            "Thành phố Hồ Chí Minh",
        ),
        # No detail at all: the old ward is all there is.
        ("Phường Phúc Xá, Quận Ba Đình, Hà Nội", "", "Phường Hồng Hà", "Thành phố Hà Nội"),
    ],
)
def test_old_addresses_convert_to_their_new_ward(
    address: str, detail: str, ward: str, province: str
) -> None:
    converted = places.convert_legacy(address)
    assert converted is not None
    assert (converted.detail, converted.ward.name, converted.province.name) == (
        detail,
        ward,
        province,
    )
    assert converted.original == address
    assert converted.ward.province_code == converted.province.code


def test_an_island_district_without_wards_becomes_its_special_zone() -> None:
    converted = places.convert_legacy("Khu 2, Côn Đảo, Bà Rịa - Vũng Tàu")
    assert converted is not None
    assert converted.detail == "Khu 2"
    assert converted.ward.name == "Đặc khu Côn Đảo"
    assert converted.province.name == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(
    "address",
    [
        # Đa Kao was split between two new wards: only the street would tell.
        "Số 1, Đa Kao, Quận 1, Hồ Chí Minh",
        # Yên Bình district had both a thị trấn and a xã named Yên Bình.
        "Số 1, Yên Bình, Yên Bình, Yên Bái",
        # Phúc Xá is not in Hoàn Kiếm.
        "Số 5, Phúc Xá, Hoàn Kiếm, Hà Nội",
        # Districts missing, or not an address at all.
        "Ea Tu, Đắk Lắk",
        "Đắk Lắk",
        "Thôn 3 Ea Tu Buôn Ma Thuột Đắk Lắk",
        "",
        "   ,  , ",
        "không rõ, không rõ, không rõ",
        "Số 5, Phúc Xá, Ba Đình, Hà Nội" * 20,
        # A current two-level address is not an old one.
        "Số 1, Phường Hồng Hà, Thành phố Hà Nội",
    ],
)
def test_what_cannot_be_told_for_sure_is_not_guessed(address: str) -> None:
    assert places.convert_legacy(address) is None


def test_naming_the_unit_type_removes_the_doubt() -> None:
    township = places.convert_legacy("Số 1, Thị trấn Yên Bình, Huyện Yên Bình, Tỉnh Yên Bái")
    commune = places.convert_legacy("Số 1, Xã Yên Bình, Huyện Yên Bình, Yên Bái")
    assert township is not None
    assert commune is not None
    assert township.ward != commune.ward
    assert township.province == commune.province
    assert township.province.name == "Tỉnh Lào Cai"  # Yên Bái merged into Lào Cai


def test_abbreviated_unit_types_are_read_part_by_part() -> None:
    # The package's own address parser reads this as Phường Thạch Hạ, Thành phố Hà
    # Tĩnh: each part read alone names thị trấn Thạch Hà of huyện Thạch Hà.
    converted = places.convert_legacy("Số 1, TT. Thạch Hà, H. Thạch Hà, Tỉnh Hà Tĩnh")
    assert converted is not None
    assert (converted.detail, converted.ward.name, converted.province.name) == (
        "Số 1",
        "Xã Thạch Hà",
        "Tỉnh Hà Tĩnh",
    )


def test_current_addresses_are_read_as_they_are() -> None:
    found = places.parse_current("Số 1, ngõ 2, Phường Hồng Hà, Thành phố Hà Nội")
    assert found is not None
    detail, ward = found
    assert (detail, ward.name, ward.province_code) == ("Số 1, ngõ 2", "Phường Hồng Hà", "01")
    assert places.parse_current("Thôn 3, Xã Ea Tul, Đắk Lắk") is not None


@pytest.mark.parametrize(
    "address",
    [
        # An old address whose district shares its name with a new ward.
        "Thôn 3, Ea Tu, Buôn Ma Thuột, Đắk Lắk",
        "Số 5, Phúc Xá, Ba Đình, Hà Nội",
        "Số 1, Hồng Hà, Đắk Lắk",
        "Hà Nội",
        "",
    ],
)
def test_current_reading_refuses_what_is_not_a_current_address(address: str) -> None:
    assert places.parse_current(address) is None
