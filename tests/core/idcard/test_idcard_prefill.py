"""Filling a form from a card: the fields that ask for it, nothing else."""

from __future__ import annotations

from datetime import date

from kiosk.idcard import parse, prefill
from tests.core.forms import builders
from tests.core.forms.builders import field, section
from wire.checks import check_form
from wire.forms import FieldDefinition, FormDefinition

CARD = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"


def form(*fields: FieldDefinition, extra: tuple[FieldDefinition, ...] = ()) -> FormDefinition:
    """The card's fields on the first page, ``extra`` on a second one."""
    first = section("nguoi_khai", *fields)
    return builders.form(first, section("khac", *extra)) if extra else builders.form(first)


DECLARANT = form(
    field("ho_ten", "person_name", idcard="full_name", required=True),
    field("ngay_sinh", "date", idcard="date_of_birth", not_future=True),
    field("gioi_tinh", "gender", idcard="gender"),
    field(
        "so_dinh_danh",
        "id_number",
        idcard="id_number",
        birth_date_field="ngay_sinh",
        gender_field="gioi_tinh",
    ),
    field("so_cmnd", "id_number", idcard="old_id_number", allow_old_id=True),
    field("noi_thuong_tru", "address", idcard="address", required=True),
    field("dien_thoai", "phone"),
    extra=(
        field("ngay_cap", "date", idcard="issue_date"),
        field("ngay_cap_chu", "text", idcard="issue_date"),
        field("dia_chi_chu", "text", idcard="address"),
        field(
            "con",
            "group",
            fields=(field("ho_ten_con", "person_name", idcard="full_name"),),
        ),
    ),
)


def test_the_fields_naming_a_part_of_the_card_are_filled() -> None:
    filled = prefill(DECLARANT, parse(CARD))
    assert filled.filled == (
        "ho_ten",
        "ngay_sinh",
        "gioi_tinh",
        "so_dinh_danh",
        "so_cmnd",
        "noi_thuong_tru",
        "ngay_cap",
        "ngay_cap_chu",
        "dia_chi_chu",
    )
    answers = filled.answers
    assert answers["ho_ten"] == "Nguyễn Văn An"
    assert answers["ngay_sinh"] == "1999-09-05"
    assert answers["gioi_tinh"] == "nam"
    assert answers["so_dinh_danh"] == "001099012345"
    assert answers["so_cmnd"] == "123456789"
    assert answers["ngay_cap"] == "2021-08-15"
    assert answers["ngay_cap_chu"] == "15/08/2021"
    assert answers["dia_chi_chu"] == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert "dien_thoai" not in answers
    assert "con" not in answers


def test_an_old_address_becomes_the_current_one_to_confirm() -> None:
    filled = prefill(DECLARANT, parse(CARD))
    assert filled.answers["noi_thuong_tru"] == {
        "detail": "Số 5",
        "province_code": "01",
        "province": "Thành phố Hà Nội",
        "ward_code": filled.answers["noi_thuong_tru"]["ward_code"],
        "ward": "Phường Hồng Hà",
    }
    legacy = filled.legacy_address
    assert legacy is not None
    assert legacy.original == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert legacy.ward.name == "Phường Hồng Hà"
    assert check_form(DECLARANT, filled.answers, today=date(2025, 9, 1)) == {}


def test_an_address_that_cannot_be_converted_is_kept_for_the_citizen_to_place() -> None:
    card = parse(
        CARD.replace("Phúc Xá, Ba Đình", "Đa Kao, Quận 1").replace("Hà Nội", "Hồ Chí Minh")
    )
    filled = prefill(DECLARANT, card)
    assert filled.answers["noi_thuong_tru"] == {"detail": "Số 5, Đa Kao, Quận 1, Hồ Chí Minh"}
    assert filled.legacy_address is None
    problems = check_form(DECLARANT, filled.answers, today=date(2025, 9, 1))
    assert set(problems) == {"noi_thuong_tru"}
    assert "xã/phường" in problems["noi_thuong_tru"].render()


def test_a_current_address_needs_no_conversion() -> None:
    card = parse(CARD.replace("Số 5, Phúc Xá, Ba Đình, Hà Nội", "Số 5, Phường Hồng Hà, Hà Nội"))
    filled = prefill(DECLARANT, card)
    assert filled.answers["noi_thuong_tru"]["ward"] == "Phường Hồng Hà"
    assert filled.answers["noi_thuong_tru"]["detail"] == "Số 5"
    assert filled.legacy_address is None


def test_parts_the_card_lacks_fill_nothing() -> None:
    card = parse("001099012345||Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội")
    filled = prefill(DECLARANT, card)
    assert "so_cmnd" not in filled.answers
    assert "ngay_cap" not in filled.answers
    assert "ngay_cap_chu" not in filled.answers


def test_a_form_without_card_fields_gets_nothing() -> None:
    filled = prefill(form(field("dien_thoai", "phone")), parse(CARD))
    assert (filled.answers, filled.filled, filled.legacy_address) == ({}, (), None)


def test_prefill_never_shows_the_data_in_a_repr() -> None:
    filled = prefill(DECLARANT, parse(CARD))
    assert filled.answers
    assert filled.legacy_address is not None
    for shown in (repr(filled), repr(filled.legacy_address)):
        assert "Nguyễn" not in shown
        assert "Phúc Xá" not in shown
        assert "Số 5" not in shown
