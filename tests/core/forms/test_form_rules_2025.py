"""The bundled forms' rules that the 2025 templates and the Law on Residence set.

CT01: a tạm trú ends within two years, and a tạm vắng says why, when and where to.
Birth form: a parent's "Năm sinh" may be the year alone; "Nơi cư trú" is needed only
without a số định danh; the marriage certificate is optional, whole when given. Death
form: a substitute paper is named. LLTP Mẫu 02: the ban confirmation only for Phiếu số 1.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kiosk.forms.library import bundled_forms
from kiosk.forms.samples import sample_answers
from wire.answers import drop_hidden, shown_sections
from wire.checks import CHOOSE, CHOOSE_WARD, FILL_IN, check_form, is_required, parse_input
from wire.forms import FieldDefinition, FormDefinition
from wire.validation import InvalidValue

TODAY = date(2025, 3, 10)
FORMS = {form.id: form for form in bundled_forms()}


def _fields(form: FormDefinition) -> dict[str, FieldDefinition]:
    return {field.id: field for section in form.sections for field in section.fields}


def _problems(form_id: str, **changes: Any) -> dict[str, str]:
    """The problems of the form's sample answers with ``changes`` (None removes one)."""
    form = FORMS[form_id]
    answers = {**sample_answers(form_id), **changes}
    answers = {key: value for key, value in answers.items() if value is not None}
    answers = drop_hidden([field for section in form.sections for field in section.fields], answers)
    return {key: text.render() for key, text in check_form(form, answers, today=TODAY).items()}


# --- CT01: the temporary residence period ------------------------------------------------


@pytest.mark.parametrize("request_value", ["dang_ky_tam_tru", "gia_han_tam_tru"])
def test_a_temporary_residence_needs_its_end_date(request_value: str) -> None:
    missing = _problems("ct01", request=request_value)
    assert missing["stay_until"] == FILL_IN.render()
    assert _problems("ct01", request=request_value, stay_until="2027-03-10") == {}  # 2 years


@pytest.mark.parametrize(
    ("until", "says"),
    [
        ("2025-03-09", "đã qua"),  # yesterday
        ("2027-03-11", "quá xa"),  # two years and a day
        ("2030-01-01", "10/03/2027"),  # the message names the last day allowed
    ],
)
def test_a_temporary_residence_end_out_of_range_is_refused(until: str, says: str) -> None:
    problems = _problems("ct01", request="dang_ky_tam_tru", stay_until=until)
    assert says in problems["stay_until"]


def test_the_end_date_is_asked_only_for_a_temporary_residence() -> None:
    form = FORMS["ct01"]
    stay_until = _fields(form)["stay_until"]
    assert stay_until.not_past
    assert stay_until.max_years_ahead == 2
    answers = {**sample_answers("ct01"), "stay_until": "2026-01-01"}  # request: thường trú
    kept = drop_hidden([f for s in form.sections for f in s.fields], answers)
    assert "stay_until" not in kept


# --- CT01: tạm vắng ----------------------------------------------------------------------

AWAY = {
    "request": "khai_bao_tam_vang",
    "new_address": None,
    "absence_reason": "Đi làm việc",
    "absence_from": "2025-04-01",
    "absence_to": "2025-10-01",
    "absence_destination": sample_answers("ct01")["new_address"],
}


def test_an_absence_asks_why_when_and_where_on_a_page_of_its_own() -> None:
    form = FORMS["ct01"]
    assert "tam_vang" in [section.id for section in shown_sections(form, AWAY)]
    assert "tam_vang" not in [
        section.id for section in shown_sections(form, sample_answers("ct01"))
    ]
    assert _problems("ct01", **AWAY) == {}
    blank = dict.fromkeys(("absence_reason", "absence_from", "absence_to", "absence_destination"))
    problems = _problems("ct01", **{**AWAY, **blank})
    assert problems == {
        "absence_reason": FILL_IN.render(),
        "absence_from": FILL_IN.render(),
        "absence_to": FILL_IN.render(),
        "absence_destination": CHOOSE_WARD.render(),
    }


def test_an_absence_cannot_end_before_it_starts() -> None:
    problems = _problems("ct01", **{**AWAY, "absence_to": "2025-03-31"})
    assert set(problems) == {"absence_to"}


def test_residence_confirmation_is_requested_on_ct01() -> None:
    form = FORMS["ct01"]
    request = _fields(form)["request"]
    labels = {option.value: option.label.vi for option in request.options}
    assert labels["xac_nhan_thong_tin_cu_tru"] == "Xác nhận thông tin về cư trú"
    assert "1.010041" in form.procedures
    assert _problems("ct01", request="xac_nhan_thong_tin_cu_tru", new_address=None) == {}


# --- the birth form -----------------------------------------------------------------------


def test_a_parents_birth_year_alone_is_accepted() -> None:
    born = _fields(FORMS["khai-sinh"])["mother_birth_date"]
    assert born.allow_year_only
    assert parse_input(born, "1994", today=TODAY) == "1994"
    assert parse_input(born, "  /  /1994", today=TODAY) == "1994"  # the date input's mask
    assert parse_input(born, "12/05/1994", today=TODAY) == "1994-05-12"
    assert _problems("khai-sinh", mother_birth_date="1994", father_birth_date="1992") == {}


@pytest.mark.parametrize(
    ("year", "says"), [("2026", "chưa tới"), ("1899", "từ 1900"), ("199", "bốn chữ số")]
)
def test_a_wrong_birth_year_is_refused(year: str, says: str) -> None:
    born = _fields(FORMS["khai-sinh"])["mother_birth_date"]
    with pytest.raises(InvalidValue) as refused:
        parse_input(born, year, today=TODAY)
    assert says in refused.value.message.render()


def test_a_birth_year_must_agree_with_the_id_number() -> None:
    assert set(_problems("khai-sinh", mother_birth_date="1995")) == {"mother_id"}


def test_the_child_and_requester_dates_still_need_day_and_month() -> None:
    fields = _fields(FORMS["khai-sinh"])
    for field_id in ("child_birth_date", "requester_birth_date"):
        assert not fields[field_id].allow_year_only
        with pytest.raises(InvalidValue):
            parse_input(fields[field_id], "2025", today=TODAY)


@pytest.mark.parametrize("who", ["requester", "mother", "father"])
def test_the_residence_is_needed_only_without_an_id_number(who: str) -> None:
    residence = _fields(FORMS["khai-sinh"])[f"{who}_residence"]
    assert residence.required_unless == f"{who}_id"
    assert not is_required(residence, sample_answers("khai-sinh"))
    assert _problems("khai-sinh", **{f"{who}_residence": None}) == {}
    if who != "requester":  # the requester's id number is required itself
        problems = _problems("khai-sinh", **{f"{who}_residence": None, f"{who}_id": None})
        assert problems == {f"{who}_residence": CHOOSE_WARD.render()}


def test_the_marriage_certificate_is_optional_but_whole_when_given() -> None:
    marriage = ("marriage_number", "marriage_book", "marriage_date", "marriage_place")
    none = dict.fromkeys(marriage)
    assert _problems("khai-sinh", parents_married=None, **none) == {}
    assert _problems("khai-sinh", parents_married=False, **none) == {}
    problems = _problems("khai-sinh", **none)  # married: yes
    assert set(problems) == {"marriage_number", "marriage_date", "marriage_place"}
    assert set(_problems("khai-sinh", marriage_date="2026-01-01")) == {"marriage_date"}


# --- the death form, the criminal record form for someone else ---------------------


def test_a_substitute_for_the_death_notice_is_named() -> None:
    problems = _problems("khai-tu", death_notice_kind="giay_to_thay_the")
    assert problems == {"death_notice_name": FILL_IN.render()}
    named = _problems(
        "khai-tu",
        death_notice_kind="giay_to_thay_the",
        death_notice_name="Quyết định của Tòa án tuyên bố một người là đã chết",
    )
    assert named == {}


def test_the_ban_confirmation_is_asked_only_for_certificate_no_1() -> None:
    form = FORMS["ly-lich-tu-phap-mau-02"]
    answers = {**sample_answers(form.id), "request_kind": "cha_me_so_2"}
    kept = drop_hidden([f for s in form.sections for f in s.fields], answers)
    assert "ban_confirmation" not in kept
    assert check_form(form, kept, today=TODAY) == {}
    assert _problems(form.id, request_kind="uy_quyen", ban_confirmation=None) == {
        "ban_confirmation": CHOOSE.render()
    }
