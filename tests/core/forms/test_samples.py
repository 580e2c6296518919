"""The demo and benchmark answers: one complete, valid set for every bundled form."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.forms.library import bundled_forms
from kiosk.forms.samples import sample_answers
from wire.answers import drop_hidden
from wire.checks import check_form

#: The screenshots' and benchmarks' day (March 2025) and a later one: samples must not
#: go stale as the calendar moves on.
DAYS = (date(2025, 3, 10), date(2026, 1, 1))
FORMS = {form.id: form for form in bundled_forms()}


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_every_bundled_form_has_a_sample_that_passes_its_checks(form_id: str) -> None:
    form = FORMS[form_id]
    answers = sample_answers(form_id)
    assert answers, form_id
    for today in DAYS:
        assert check_form(form, answers, today=today) == {}, today
    assert drop_hidden([f for s in form.sections for f in s.fields], answers) == answers


def test_each_call_gives_answers_of_its_own() -> None:
    first, second = sample_answers("khai-sinh"), sample_answers("khai-sinh")
    assert first == second
    first["child_name"] = "Trần Minh Khoa"
    assert sample_answers("khai-sinh")["child_name"] == "Trần Minh Khôi"


def test_unknown_forms_have_no_sample() -> None:
    assert sample_answers("khong-co") == {}
