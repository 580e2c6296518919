"""The form format's card keys (``card_holders``, ``card_holder``, ``gender_is``, the
card parts) as form authors meet them, and the bundled forms that use them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from msgspec.structs import replace

from kiosk.forms.library import bundled_forms
from kiosk.idcard import parse, prefill, whose_card
from tests.core.forms import builders
from tests.core.forms.builders import field, section, words
from wire.checks import check_form
from wire.errors import FormDefinitionError
from wire.form_integrity import check_definition
from wire.forms import CardHolder, FieldDefinition, FormDefinition

TODAY = date(2025, 3, 10)
MAN = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"
WOMAN = "001145012345||Trần Thị Lý|05031945|Nữ|Số 5, Phường Hồng Hà, Hà Nội|20082024"
BUNDLED = {form.id: form for form in bundled_forms()}
HOLDERS = (
    CardHolder(id="a", label=words("Người A")),
    CardHolder(id="b", label=words("Người B"), gender="nu"),
)


def two_people(
    *fields: FieldDefinition, holders: tuple[CardHolder, ...] = HOLDERS
) -> FormDefinition:
    return replace(builders.form(section("s", *fields)), card_holders=holders)


def refusal(form: FormDefinition) -> str:
    with pytest.raises(FormDefinitionError) as refused:
        check_definition(form)
    return str(refused.value)


NAME_A = field("ten_a", "person_name", idcard="full_name", card_holder="a")
NAME_B = field("ten_b", "person_name", idcard="full_name", card_holder="b")


def test_each_holder_fills_its_own_fields() -> None:
    check_definition(two_people(NAME_A, NAME_B))


@pytest.mark.parametrize(
    ("form", "says"),
    [
        (
            two_people(NAME_A, NAME_B, field("x", "person_name", idcard="id_number")),
            "idcard 'id_number' cannot fill a person_name field",
        ),
        (
            two_people(NAME_A, NAME_B, field("so", "id_number", idcard="id_number")),
            "field 'so': the form has card_holders, so its idcard field names a card_holder",
        ),
        (
            two_people(
                NAME_A, NAME_B, field("so", "id_number", idcard="id_number", card_holder="c")
            ),
            "card_holder 'c' is not one of the form's card_holders",
        ),
        (
            two_people(NAME_A, NAME_B, field("ten", "text", card_holder="a")),
            "field 'ten': card_holder names whose card fills it, but it has no idcard part",
        ),
        (
            two_people(
                NAME_A, NAME_B, field("ten_a2", "text", idcard="full_name", card_holder="a")
            ),
            "field 'ten_a2': idcard 'full_name' already fills 'ten_a'",
        ),
        (two_people(NAME_A), "card holder 'b' fills no field"),
        (
            two_people(NAME_A, NAME_B, holders=(*HOLDERS, HOLDERS[0])),
            "card holder 'a' is listed twice",
        ),
        (
            builders.form(
                section("s", field("ten", "person_name", idcard="full_name", card_holder="a"))
            ),
            "card_holder 'a' names no card holder (the form lists none)",
        ),
        (
            builders.form(section("s", field("ngay", "date", gender_is="nu"))),
            "gender_is and allow_old_id are only for id_number fields",
        ),
        (
            builders.form(
                section(
                    "s",
                    field("gioi", "gender"),
                    field("so", "id_number", gender_field="gioi", gender_is="nu"),
                )
            ),
            "gender_is is for a gender the form fixes: not with gender_field",
        ),
        (
            builders.form(section("s", field("noi_cap", "date", idcard="issuer"))),
            "idcard 'issuer' cannot fill a date field",
        ),
        (
            two_people(
                NAME_A,
                NAME_B,
                field(
                    "nhom",
                    "group",
                    fields=(field("ten", "person_name", card_holder="a"),),
                ),
            ),
            "idcard only fills fields outside groups",
        ),
    ],
)
def test_a_card_key_out_of_place_is_refused_naming_it(form: FormDefinition, says: str) -> None:
    assert says in refusal(form)


def test_the_forms_format_takes_the_new_keys_from_json() -> None:
    from wire.form_files import decode_form

    data: dict[str, Any] = {
        "id": "thu",
        "version": 1,
        "title": {"vi": "Thử", "en": "Trial"},
        "template": "Mẫu thử",
        "procedures": ["1.000001"],
        "card_holders": [
            {"id": "ben_nu", "label": {"vi": "Bên nữ", "en": "The bride"}, "gender": "nu"}
        ],
        "sections": [
            {
                "id": "s",
                "title": {"vi": "Bên nữ", "en": "The bride"},
                "fields": [
                    {
                        "id": "so",
                        "kind": "id_number",
                        "label": {"vi": "Số", "en": "Number"},
                        "gender_is": "nu",
                        "idcard": "id_number",
                        "card_holder": "ben_nu",
                    },
                    {
                        "id": "thuong_tru",
                        "kind": "address",
                        "label": {"vi": "Nơi thường trú", "en": "Permanent address"},
                        "idcard": "permanent_address",
                        "card_holder": "ben_nu",
                    },
                ],
            }
        ],
        "layout": [],
    }
    import msgspec

    form = decode_form(msgspec.json.encode(data))
    assert form.card_holders[0].gender == "nu"
    assert form.sections[0].fields[0].gender_is == "nu"


# -- the bundled forms -----------------------------------------------------------------------


@pytest.mark.parametrize("form_id", sorted(BUNDLED))
def test_every_card_holder_of_a_bundled_form_gets_name_and_number(form_id: str) -> None:
    form = BUNDLED[form_id]
    fields = [f for s in form.sections for f in s.fields if f.idcard is not None]
    for holder in form.card_holders or (None,):
        holder_id = holder.id if holder is not None else None
        parts = {f.idcard for f in fields if holder_id is None or f.card_holder == holder_id}
        assert {"full_name", "id_number"} <= parts, (form_id, holder_id)


def test_the_marriage_form_has_the_bride_and_the_groom_by_gender() -> None:
    form = BUNDLED["ket-hon"]
    assert [(h.id, h.gender) for h in form.card_holders] == [("ben_nu", "nu"), ("ben_nam", "nam")]
    by_id = {f.id: f for s in form.sections for f in s.fields}
    assert (by_id["bride_id"].gender_is, by_id["groom_id"].gender_is) == ("nu", "nam")
    man = parse(MAN, today=TODAY)
    assert [h.id for h in whose_card(form, man, {}, "ben_nu")] == ["ben_nam"]
    filled = prefill(form, man, "ben_nam")
    assert set(filled.answers) == {"groom_name", "groom_birth_date", "groom_id", "groom_residence"}
    # The ID numbers' gender digits are checked against the roles.
    swapped = {"bride_id": "001099012345", "groom_id": "001145012345"}
    problems = check_form(form, swapped, today=TODAY)
    assert "giới tính" in problems["bride_id"].render()
    assert "giới tính" in problems["groom_id"].render()


def test_the_birth_forms_father_page_is_the_fathers() -> None:
    form = BUNDLED["khai-sinh"]
    man, woman = parse(MAN, today=TODAY), parse(WOMAN, today=TODAY)
    assert [h.id for h in whose_card(form, man, {"has_father": True}, "cha")] == ["cha"]
    assert [h.id for h in whose_card(form, woman, {}, "me")] == ["me"]
    assert [h.id for h in whose_card(form, man, {"has_father": True}, None)] == [
        "nguoi_yeu_cau",
        "cha",
    ]
    filled = prefill(form, man, "cha")
    assert set(filled.answers) == {
        "father_name",
        "father_birth_date",
        "father_id",
        "father_residence",
    }


def test_a_year_of_birth_fills_the_parents_year_field() -> None:
    form = BUNDLED["khai-sinh"]
    elderly = parse(WOMAN.replace("05031945", "00001945"), today=TODAY)
    mother = prefill(form, elderly, "me")
    assert mother.answers["mother_birth_date"] == "1945"
    requester = prefill(form, elderly, "nguoi_yeu_cau")
    assert "requester_birth_date" not in requester.answers
    assert "requester_birth_date" in requester.to_check


def test_a_new_cards_address_is_confirmed_as_thuong_tru_where_the_form_asks_for_it() -> None:
    woman = parse(WOMAN, today=TODAY)
    for form_id, field_id in (
        ("ho-chieu", "permanent_address"),
        ("ly-lich-tu-phap", "permanent_address"),
        ("ho-kinh-doanh", "owner_address"),
    ):
        filled = prefill(BUNDLED[form_id], woman)
        assert filled.confirm_permanent, form_id
        assert filled.address_field == field_id
    assert prefill(BUNDLED["ly-lich-tu-phap"], woman).answers["id_issuer"] == "Bộ Công an"
