"""Filling a form from a card: the fields that ask for it, nothing else; whose card it
is when the form has several people; what the citizen must check or complete."""

from __future__ import annotations

from datetime import date

import pytest
from msgspec.structs import replace

from kiosk.idcard import IdCard, errors, parse, prefill, whose_card
from tests.core.forms import builders
from tests.core.forms.builders import field, section, words
from wire.checks import check_form
from wire.form_integrity import check_definition
from wire.forms import CardHolder, Condition, FieldDefinition, FormDefinition

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


TODAY = date(2025, 3, 10)
ELDERLY = "001145012345||Trần Thị Lý|00001945|Nữ|Số 5, Phường Hồng Hà, Hà Nội|20082024"
LOST_ACCENTS = (
    "001145012345|123456789|Nguyen Thi Anh|1945|Nu|So 5, Phuc Xa, Ba Dinh, Ha Noi|15082021"
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


# -- what the citizen checks or completes -----------------------------------------------


def test_a_year_of_birth_leaves_a_full_date_field_to_the_citizen() -> None:
    filled = prefill(DECLARANT, parse(ELDERLY, today=TODAY))
    assert "ngay_sinh" not in filled.answers
    assert filled.to_check["ngay_sinh"] == errors.BIRTH_DATE_INCOMPLETE
    assert "Vui lòng nhập ngày, tháng sinh (nếu có)" in errors.BIRTH_DATE_INCOMPLETE.render()
    assert filled.answers["ho_ten"] == "Trần Thị Lý"
    assert filled.answers["so_dinh_danh"] == "001145012345"


def test_a_year_of_birth_fills_a_field_that_takes_a_year() -> None:
    parents = form(field("nam_sinh", "date", idcard="date_of_birth", allow_year_only=True))
    filled = prefill(parents, parse(ELDERLY, today=TODAY))
    assert filled.answers == {"nam_sinh": "1945"}
    assert filled.to_check == {}
    assert check_form(parents, filled.answers, today=TODAY) == {}
    full = prefill(parents, parse(CARD, today=TODAY))
    assert full.answers == {"nam_sinh": "1999-09-05"}  # a full date when the card has it


def test_an_unaccented_card_fills_as_scanned_and_asks_to_check_the_name() -> None:
    filled = prefill(DECLARANT, parse(LOST_ACCENTS, today=TODAY))
    assert filled.answers["ho_ten"] == "Nguyen Thi Anh"
    assert filled.answers["gioi_tinh"] == "nu"
    assert filled.to_check["ho_ten"] == errors.NAME_MAY_LACK_ACCENTS
    assert filled.to_check["noi_thuong_tru"] == errors.ADDRESS_MAY_LACK_ACCENTS
    assert filled.answers["noi_thuong_tru"]["ward"] == "Phường Hồng Hà"
    assert errors.NAME_MAY_LACK_ACCENTS.render() == (
        "Tên trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần."
    )


def test_an_unreadable_name_is_left_for_the_citizen_and_the_rest_filled() -> None:
    filled = prefill(DECLARANT, parse(CARD.replace("Nguyễn", "Nguy?n"), today=TODAY))
    assert "ho_ten" not in filled.answers
    assert filled.to_check["ho_ten"] == errors.NAME_UNREADABLE
    assert filled.answers["so_dinh_danh"] == "001099012345"


def test_a_permanent_address_from_a_new_card_is_to_be_confirmed() -> None:
    passport = form(
        field("thuong_tru", "address", idcard="permanent_address"),
        field("noi_cap", "text", idcard="issuer"),
    )
    new_card = prefill(passport, parse(ELDERLY, today=TODAY))
    assert new_card.confirm_permanent
    assert new_card.address_field == "thuong_tru"
    assert new_card.card_address == "Số 5, Phường Hồng Hà, Hà Nội"
    assert new_card.answers["noi_cap"] == "Bộ Công an"
    chip = prefill(passport, parse(CARD, today=TODAY))
    assert not chip.confirm_permanent  # the CCCD gắn chip prints the nơi thường trú
    assert chip.answers["noi_cap"] == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    residence = prefill(DECLARANT, parse(ELDERLY, today=TODAY))
    assert not residence.confirm_permanent  # "nơi cư trú" is what the field asks


# -- whose card ------------------------------------------------------------------------------

MARRIAGE = replace(
    builders.form(
        section("noi_dang_ky", field("co_quan")),
        section(
            "ben_nu",
            field("ten_nu", "person_name", idcard="full_name", card_holder="nu"),
            field("so_nu", "id_number", idcard="id_number", card_holder="nu", gender_is="nu"),
        ),
        section(
            "ben_nam",
            field("ten_nam", "person_name", idcard="full_name", card_holder="nam"),
            field("so_nam", "id_number", idcard="id_number", card_holder="nam", gender_is="nam"),
        ),
    ),
    card_holders=(
        CardHolder(id="nu", label=words("Bên nữ"), gender="nu"),
        CardHolder(id="nam", label=words("Bên nam"), gender="nam"),
    ),
)
BIRTH = replace(
    builders.form(
        section(
            "nguoi_yeu_cau",
            field("ten_yc", "person_name", idcard="full_name", card_holder="yc"),
        ),
        section("tre_em", field("ten_be", "person_name")),
        section("me", field("ten_me", "person_name", idcard="full_name", card_holder="me")),
        section(
            "cha",
            field("co_cha", "yes_no", default=True),
            field(
                "ten_cha",
                "person_name",
                idcard="full_name",
                card_holder="cha",
                when=Condition(field="co_cha", any_of=(True,)),
            ),
        ),
    ),
    card_holders=(
        CardHolder(id="yc", label=words("Người đi khai sinh")),
        CardHolder(id="me", label=words("Người mẹ"), gender="nu"),
        CardHolder(id="cha", label=words("Người cha"), gender="nam"),
    ),
)
MAN = CARD
WOMAN = ELDERLY


def ids(holders: tuple[CardHolder, ...]) -> list[str]:
    return [holder.id for holder in holders]


def test_the_bundled_shapes_hold() -> None:
    check_definition(MARRIAGE)
    check_definition(BIRTH)


@pytest.mark.parametrize("page", [None, "noi_dang_ky", "ben_nu", "ben_nam"])
def test_the_cards_gender_decides_between_bride_and_groom(page: str | None) -> None:
    man, woman = parse(MAN, today=TODAY), parse(WOMAN, today=TODAY)
    assert ids(whose_card(MARRIAGE, man, {}, page)) == ["nam"]
    assert ids(whose_card(MARRIAGE, woman, {}, page)) == ["nu"]


def test_a_grooms_card_fills_the_groom_only() -> None:
    filled = prefill(MARRIAGE, parse(MAN, today=TODAY), holder="nam")
    assert filled.answers == {"ten_nam": "Nguyễn Văn An", "so_nam": "001099012345"}
    assert filled.holder == "nam"
    assert check_form(MARRIAGE, filled.answers, today=TODAY) == {}


def test_the_id_numbers_gender_digit_is_checked_against_the_role() -> None:
    swapped = {"so_nu": "001099012345", "so_nam": "001145012345"}
    problems = check_form(MARRIAGE, swapped, today=TODAY)
    assert set(problems) == {"so_nu", "so_nam"}
    assert "giới tính" in problems["so_nu"].render()


def test_the_page_about_one_person_decides() -> None:
    man, woman = parse(MAN, today=TODAY), parse(WOMAN, today=TODAY)
    assert ids(whose_card(BIRTH, man, {"co_cha": True}, "cha")) == ["cha"]
    assert ids(whose_card(BIRTH, man, {"co_cha": True}, "nguoi_yeu_cau")) == ["yc"]
    assert ids(whose_card(BIRTH, woman, {"co_cha": True}, "me")) == ["me"]
    # A woman's card on the father's page is not the father's: ask whose it is.
    assert ids(whose_card(BIRTH, woman, {"co_cha": True}, "cha")) == ["yc", "me"]


def test_elsewhere_the_citizen_is_asked_among_those_the_card_may_be() -> None:
    man = parse(MAN, today=TODAY)
    assert ids(whose_card(BIRTH, man, {"co_cha": True}, "tre_em")) == ["yc", "cha"]
    assert ids(whose_card(BIRTH, man, {"co_cha": True}, None)) == ["yc", "cha"]
    # No father on the form: his fields are not asked, so he is not offered.
    assert ids(whose_card(BIRTH, man, {"co_cha": False}, None)) == ["yc"]


def test_a_father_filled_from_his_page_leaves_step_one_alone() -> None:
    filled = prefill(BIRTH, parse(MAN, today=TODAY), holder="cha")
    assert filled.answers == {"ten_cha": "Nguyễn Văn An"}


def test_a_form_with_one_applicant_names_no_holder() -> None:
    card: IdCard = parse(MAN, today=TODAY)
    assert whose_card(DECLARANT, card, {}, "nguoi_khai") == ()
    assert prefill(DECLARANT, card).holder is None
