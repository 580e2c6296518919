"""Checking answers against their form: what the wizard and the declaration service ask."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.core.forms.builders import field, form, section, words
from wire.checks import (
    CHOOSE,
    CHOOSE_WARD,
    FILL_IN,
    UNKNOWN_CHOICE,
    UNKNOWN_WARD,
    WARD_OUTSIDE_PROVINCE,
    check_field,
    check_form,
    check_section,
    parse_input,
)
from wire.forms import (
    Condition,
    FieldDefinition,
    Option,
)
from wire.i18n import TrText
from wire.validation import InvalidValue

TODAY = date(2025, 3, 10)
HONG_HA = {
    "detail": "Số 5, ngõ 3",
    "province_code": "01",
    "province": "Thành phố Hà Nội",
    "ward_code": "00097",
    "ward": "Phường Hồng Hà",
}


def problem(definition: FieldDefinition, value: Any, scope: dict[str, Any] | None = None) -> str:
    found = check_field(definition, value, scope or {}, today=TODAY)
    return "" if found is None else found.render()


def parsed(definition: FieldDefinition, text: str) -> Any:
    return parse_input(definition, text, today=TODAY)


def refusal(definition: FieldDefinition, text: str) -> str:
    with pytest.raises(InvalidValue) as caught:
        parsed(definition, text)
    return caught.value.message.render()


# What was typed → what is stored.


def test_an_empty_input_is_no_answer() -> None:
    for kind in ("text", "person_name", "date", "id_number", "phone", "email", "number"):
        assert parsed(field("f", kind), "   ") is None


def test_typed_values_are_stored_normalised() -> None:
    assert parsed(field("f", "text"), "  Số 5,  ngõ 3 ") == "Số 5, ngõ 3"
    assert parsed(field("f", "person_name"), " nguyễn  văn an ") == "nguyễn văn an"
    assert parsed(field("f", "date"), "5/9/1990") == "1990-09-05"
    assert parsed(field("f", "id_number"), "001 099 012345") == "001099012345"
    assert parsed(field("f", "id_number", allow_old_id=True), "012345678") == "012345678"
    assert parsed(field("f", "phone"), "+84 912 345 678") == "0912345678"
    assert parsed(field("f", "email"), "An@Gmail.COM") == "An@gmail.com"
    assert parsed(field("f", "number", minimum=0, maximum=20), " 3 ") == 3


def test_typing_is_refused_with_the_field_rules() -> None:
    assert "tối đa 5" in refusal(field("f", "text", max_length=5), "123456")
    assert "ít nhất 3" in refusal(field("f", "text", min_length=3), "ab")
    assert "một dòng" in refusal(field("f", "text"), "a\nb")
    assert parsed(field("f", "text", multiline=True), "a\nb") == "a\nb"
    assert "chứng minh nhân dân cũ" in refusal(field("f", "id_number"), "012345678")
    assert "sau ngày hôm nay" in refusal(field("f", "date", not_future=True), "11/03/2025")
    assert "đủ 18 tuổi" in refusal(field("f", "date", min_age=18), "11/03/2007")
    assert parsed(field("f", "date", min_age=18), "10/03/2007") == "2007-03-10"
    assert "chỉ nhập số" in refusal(field("f", "number"), "ba")
    assert "chỉ nhập số" in refusal(field("f", "number"), "2.5")
    assert "từ 1 đến 9" in refusal(field("f", "number", minimum=1, maximum=9), "10")
    assert "nhỏ hơn 1" in refusal(field("f", "number", minimum=1), "0")
    assert "lớn hơn 9" in refusal(field("f", "number", maximum=9), "0" + "9" * 10)


def test_only_typed_kinds_are_parsed() -> None:
    for kind in ("select", "gender", "yes_no", "address", "group", "ethnicity", "nationality"):
        with pytest.raises(ValueError, match="not typed"):
            parsed(field("f", kind), "x")


# One field.


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", FILL_IN),
        ("person_name", FILL_IN),
        ("date", FILL_IN),
        ("id_number", FILL_IN),
        ("phone", FILL_IN),
        ("number", FILL_IN),
        ("gender", CHOOSE),
        ("select", CHOOSE),
        ("yes_no", CHOOSE),
        ("ethnicity", CHOOSE),
        ("nationality", CHOOSE),
        ("address", CHOOSE_WARD),
    ],
)
def test_a_required_field_must_be_answered(kind: str, message: TrText) -> None:
    required = field("f", kind, required=True)
    for missing in (None, "", "  "):
        assert check_field(required, missing, {}, today=TODAY) == message
    assert check_field(field("f", kind), None, {}, today=TODAY) is None


def test_false_and_zero_are_answers() -> None:
    assert problem(field("f", "yes_no", required=True), False) == ""
    assert problem(field("f", "number", required=True), 0) == ""


def test_a_hidden_field_is_never_checked() -> None:
    hidden = field("f", "phone", required=True, when=Condition(field="co_sdt", any_of=(True,)))
    assert check_field(hidden, None, {"co_sdt": False}, today=TODAY) is None
    assert check_field(hidden, "not a phone", {}, today=TODAY) is None
    assert check_field(hidden, None, {"co_sdt": True}, today=TODAY) == FILL_IN


def test_stored_values_are_checked_again() -> None:
    assert problem(field("f", "person_name"), "Nguyễn 2") == "Họ và tên không được có chữ số."
    assert "10 chữ số" in problem(field("f", "phone"), "091234567")
    assert "@" in problem(field("f", "email"), "an.gmail.com")
    assert problem(field("f", "date"), "1990-02-30") != ""
    assert problem(field("f", "date"), "05/09/1990") != ""  # stored dates are ISO
    assert problem(field("f", "date"), "1990-09-05") == ""
    assert problem(field("f", "number", maximum=3), 4) != ""


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("text", 5),
        ("date", 19900905),
        ("yes_no", "yes"),
        ("yes_no", 1),
        ("number", "3"),
        ("number", True),
        ("address", "Số 5, Hà Nội"),
        ("gender", ["nam"]),
    ],
)
def test_a_value_of_the_wrong_type_is_refused(kind: str, value: Any) -> None:
    assert problem(field("f", kind), value) == InvalidValue.message.render()


def test_choices_must_be_among_the_known_ones() -> None:
    select = field(
        "f",
        "select",
        options=(Option(value="mot", label=words("Một")), Option(value="hai", label=words("Hai"))),
    )
    assert problem(select, "hai") == ""
    assert check_field(select, "ba", {}, today=TODAY) == UNKNOWN_CHOICE
    assert problem(field("f", "gender"), "nu") == ""
    assert check_field(field("f", "gender"), "Nữ", {}, today=TODAY) == UNKNOWN_CHOICE
    assert problem(field("f", "ethnicity"), "01") == ""
    assert problem(field("f", "ethnicity"), "54") == ""
    assert check_field(field("f", "ethnicity"), "55", {}, today=TODAY) == UNKNOWN_CHOICE
    assert check_field(field("f", "ethnicity"), "kinh", {}, today=TODAY) == UNKNOWN_CHOICE
    assert problem(field("f", "nationality"), "VN") == ""
    assert problem(field("f", "nationality"), "FR") == ""
    assert check_field(field("f", "nationality"), "XX", {}, today=TODAY) == UNKNOWN_CHOICE
    assert check_field(field("f", "nationality"), "vn", {}, today=TODAY) == UNKNOWN_CHOICE


def test_an_address_needs_a_ward_of_its_province() -> None:
    address = field("f", "address", required=True)
    assert problem(address, HONG_HA) == ""
    assert problem(address, {**HONG_HA, "detail": ""}) == ""
    assert check_field(address, {"detail": "Số 5, Phúc Xá"}, {}, today=TODAY) == CHOOSE_WARD
    assert check_field(address, {}, {}, today=TODAY) == CHOOSE_WARD
    unknown = {**HONG_HA, "ward_code": "99999"}
    assert check_field(address, unknown, {}, today=TODAY) == UNKNOWN_WARD
    elsewhere = {**HONG_HA, "province_code": "79"}
    assert check_field(address, elsewhere, {}, today=TODAY) == WARD_OUTSIDE_PROVINCE
    assert "ký tự không hợp lệ" in problem(address, {**HONG_HA, "detail": "Số 5\x00"})
    assert problem(address, {**HONG_HA, "detail": 5}) != ""


# Rules between fields.


def test_the_id_number_must_agree_with_birth_date_and_gender() -> None:
    id_number = field("so", "id_number", birth_date_field="sinh", gender_field="gioi")
    person = {"sinh": "1999-09-05", "gioi": "nam"}
    assert problem(id_number, "001099012345", person) == ""
    assert "giới tính" in problem(id_number, "001099012345", {**person, "gioi": "nu"})
    assert "không khớp với năm sinh" in problem(
        id_number, "001099012345", {**person, "sinh": "2099-09-05"}
    )
    assert "năm sinh" in problem(id_number, "001099012345", {**person, "sinh": "1998-09-05"})
    # A birth date or gender not (validly) answered yet is not held against the number.
    assert problem(id_number, "001099012345", {"sinh": "05/09/1998", "gioi": "?"}) == ""
    assert problem(id_number, "001099012345", {}) == ""


def test_dates_in_order_and_ages() -> None:
    death = field("mat", "date", not_before="sinh", not_future=True)
    assert problem(death, "2020-01-01", {"sinh": "1940-05-06"}) == ""
    assert "trước ngày sinh" in problem(death, "1940-05-05", {"sinh": "1940-05-06"})
    assert "sau ngày hôm nay" in problem(death, "2025-03-11", {"sinh": "1940-05-06"})
    bride = field("sinh", "date", min_age=18, max_age=150)
    assert problem(bride, "2007-03-10") == ""
    assert "18 tuổi" in problem(bride, "2007-03-11")


# Pages, groups and the whole form.

CHILD = field(
    "con",
    "group",
    min_items=1,
    max_items=3,
    fields=(
        field("ten", "person_name", required=True),
        field("co_so", "yes_no"),
        field("so", "id_number", required=True, when=Condition(field="co_so", any_of=(True,))),
    ),
)
FORM = form(
    section(
        "nguoi_khai",
        field("ho_ten", "person_name", required=True),
        field("co_con", "yes_no", required=True),
        field("noi_o", "address", required=True),
    ),
    section(
        "cac_con",
        field("ghi_chu", "text"),
        field("con", "group", min_items=1, max_items=3, fields=CHILD.fields,
              when=Condition(field="co_con", any_of=(True,))),
    ),
)  # fmt: skip


def test_group_item_counts() -> None:
    assert problem(CHILD, [{"ten": "An"}]) == ""
    assert "ít nhất 1" in problem(CHILD, [])
    assert "ít nhất 1" in problem(CHILD, None)
    assert "nhiều nhất 3" in problem(CHILD, [{"ten": "An"}] * 4)
    assert problem(CHILD, ["An"]) == InvalidValue.message.render()
    assert problem(CHILD, {"ten": "An"}) == InvalidValue.message.render()
    optional = field("g", "group", fields=CHILD.fields)
    assert problem(optional, None) == ""
    required = field("g", "group", required=True, fields=CHILD.fields)
    assert "ít nhất 1" in problem(required, [])


def test_a_complete_form_has_no_problems() -> None:
    answers = {
        "ho_ten": "Nguyễn Văn An",
        "co_con": True,
        "noi_o": HONG_HA,
        "con": [{"ten": "Nguyễn Văn Bình", "co_so": True, "so": "001210012345"}],
    }
    assert check_form(FORM, answers, today=TODAY) == {}


def test_problems_are_keyed_by_field_item_and_group() -> None:
    answers = {
        "ho_ten": "Nguyễn Văn 4n",
        "co_con": True,
        "noi_o": {"detail": "Số 5"},
        "con": [
            {"ten": "Bình", "co_so": False, "so": "bad"},  # hidden: never checked
            {"ten": "", "co_so": True},
            {"ten": "Chi 3", "co_so": True, "so": "12345"},
        ],
    }
    problems = check_form(FORM, answers, today=TODAY)
    assert list(problems) == ["ho_ten", "noi_o", "con.1.ten", "con.1.so", "con.2.ten", "con.2.so"]
    assert problems["noi_o"] == CHOOSE_WARD
    assert problems["con.1.ten"] == FILL_IN
    assert "có 5 chữ số" in problems["con.2.so"].render()

    too_many = {**answers, "con": [{"ten": "An"}] * 4}
    assert "nhiều nhất 3" in check_form(FORM, too_many, today=TODAY)["con"].render()


def test_a_section_is_checked_against_the_whole_forms_answers() -> None:
    children = FORM.sections[1]
    assert check_section(children, {"co_con": False, "con": "garbage"}, today=TODAY) == {}
    problems = check_section(children, {"co_con": True}, today=TODAY)
    assert list(problems) == ["con"]
    first = check_section(FORM.sections[0], {}, today=TODAY)
    assert first == {"ho_ten": FILL_IN, "co_con": CHOOSE, "noi_o": CHOOSE_WARD}
