"""Which sections of a form the answers so far leave something to ask in."""

from __future__ import annotations

from typing import Any

from kiosk.forms.library import bundled_forms
from tests.core.forms.builders import field, form, section
from wire.answers import section_is_shown, shown_sections
from wire.forms import Condition

HAS_FATHER = Condition(field="has_father", any_of=(True,))
CHILD = section("child", field("child_name", "person_name"), field("has_father", "yes_no"))
#: Every field asked only when there is a father: the page is skipped without one.
FATHER = section(
    "father",
    field("father_name", "person_name", when=HAS_FATHER),
    field("father_id", "id_number", when=HAS_FATHER),
)
#: One field always asked, one only with a father: never skipped.
COPIES = section(
    "copies",
    field("copies", "number"),
    field("father_copy", "yes_no", when=HAS_FATHER),
)
FORM = form(CHILD, FATHER, COPIES)


def section_ids(answers: dict[str, Any]) -> list[str]:
    return [shown.id for shown in shown_sections(FORM, answers)]


def test_a_section_whose_fields_are_all_hidden_is_not_shown() -> None:
    assert section_ids({}) == ["child", "copies"]
    assert section_ids({"has_father": False}) == ["child", "copies"]
    assert not section_is_shown(FATHER, {"has_father": False})


def test_an_answer_that_shows_one_field_shows_its_section() -> None:
    assert section_ids({"has_father": True}) == ["child", "father", "copies"]
    assert section_is_shown(FATHER, {"has_father": True})


def test_a_section_with_an_unconditional_field_is_always_shown() -> None:
    for answers in ({}, {"has_father": True}, {"has_father": False}):
        assert section_is_shown(COPIES, answers)
        assert section_is_shown(CHILD, answers)


def test_every_bundled_form_starts_with_a_page_to_fill() -> None:
    for bundled in bundled_forms():
        shown = shown_sections(bundled, {})
        assert shown, bundled.id
        assert shown[0] is bundled.sections[0], bundled.id
