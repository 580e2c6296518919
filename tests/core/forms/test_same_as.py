"""``same_as``: an address offered as a copy of one given earlier ("Giống địa chỉ của
người đi khai"), refused where the wizard could not offer it, and a copy that follows
its source in the draft while the two are the same."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from kiosk.forms.draft import Draft, carry_copies
from kiosk.forms.library import bundled_forms
from kiosk.forms.samples import sample_answers
from tests.core.forms.builders import field, form, section, words
from wire.errors import FormDefinitionError
from wire.form_files import decode_form
from wire.form_integrity import check_definition
from wire.forms import FieldDefinition, FormDefinition, SameAs

HOME = {
    "detail": "Số 5, ngõ 3 phố Chương Dương",
    "province_code": "01",
    "province": "Thành phố Hà Nội",
    "ward_code": "00097",
    "ward": "Phường Hồng Hà",
}
MOVED = {**HOME, "detail": "Số 7, ngõ 3 phố Chương Dương"}
ELSEWHERE = {**HOME, "detail": "Số 12 phố Hàng Bạc"}


def same_as(field_id: str) -> SameAs:
    return SameAs(field=field_id, label=words("Giống địa chỉ của người đi khai"))


def copy_of(field_id: str, source: str, kind: str = "address") -> FieldDefinition:
    return field(field_id, kind, same_as=same_as(source))


#: The person registering on page 1; the mother and the father, copying, on page 2.
FAMILY = form(
    section("nguoi_yeu_cau", field("requester_residence", "address")),
    section(
        "cha_me",
        copy_of("mother_residence", "requester_residence"),
        copy_of("father_residence", "requester_residence"),
    ),
)


def problems_of(definition: FormDefinition) -> str:
    with pytest.raises(FormDefinitionError) as refused:
        check_definition(definition)
    return str(refused.value)


# -- the format ------------------------------------------------------------------------


def test_a_copy_of_an_address_asked_on_an_earlier_page_passes() -> None:
    check_definition(FAMILY)


def test_a_group_item_copies_an_address_asked_before_it_in_the_item() -> None:
    members = field(
        "members",
        "group",
        fields=(field("home", "address"), copy_of("contact", "home")),
    )
    check_definition(form(section("ho", members)))


BROKEN: dict[str, tuple[FormDefinition, str]] = {
    "a copy that is not an address": (
        form(section("a", field("home", "address")), section("b", copy_of("note", "home", "text"))),
        "field 'note': same_as is only for address fields",
    ),
    "a copy of itself": (
        form(section("a", copy_of("home", "home"))),
        "field 'home': same_as names the field itself",
    ),
    "a copy of nothing": (
        form(section("a", copy_of("home", "ghost"))),
        "field 'home': same_as names 'ghost', which is not a field here",
    ),
    "a copy of a text": (
        form(section("a", field("town")), section("b", copy_of("home", "town"))),
        "same_as names 'town', a text field, not an address field",
    ),
    "a copy of an address on the same page": (
        form(section("a", field("home", "address"), copy_of("work", "home"))),
        "same_as names 'home', which must be asked on an earlier page",
    ),
    "a copy of an address on a later page": (
        form(section("a", copy_of("work", "home")), section("b", field("home", "address"))),
        "same_as names 'home', which must be asked on an earlier page",
    ),
    "a copy of a later address of the item": (
        form(
            section(
                "ho",
                field(
                    "members",
                    "group",
                    fields=(copy_of("contact", "home"), field("home", "address")),
                ),
            )
        ),
        "field members.'contact': same_as names 'home', which must come before it in the item",
    ),
    "a group item copying the form's address": (
        form(
            section("a", field("home", "address")),
            section("b", field("members", "group", fields=(copy_of("contact", "home"),))),
        ),
        "field members.'contact': same_as names 'home', which is not a field here",
    ),
    "a copy in a file of an older format": (
        msgspec.structs.replace(FAMILY, format_version=2),
        "field 'mother_residence': same_as needs format_version 3",
    ),
}


@pytest.mark.parametrize(("definition", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_a_copy_the_wizard_could_not_offer_is_refused(
    definition: FormDefinition, problem: str
) -> None:
    assert problem in problems_of(definition)


def test_a_file_reads_same_as_strictly() -> None:
    data: dict[str, Any] = msgspec.to_builtins(FAMILY)
    copy = data["sections"][1]["fields"][0]["same_as"]
    assert decode_form(msgspec.json.encode(data)).sections[1].fields[0].same_as == same_as(
        "requester_residence"
    )
    copy["also"] = "unknown"
    with pytest.raises(FormDefinitionError, match="same_as"):
        decode_form(msgspec.json.encode(data))


def test_the_birth_registration_offers_the_declarants_address_to_both_parents() -> None:
    khai_sinh = next(f for f in bundled_forms() if f.id == "khai-sinh")
    copies = {
        f.id: f.same_as.field for s in khai_sinh.sections for f in s.fields if f.same_as is not None
    }
    assert copies == {
        "mother_residence": "requester_residence",
        "father_residence": "requester_residence",
    }
    assert khai_sinh.format_version == 3


def test_every_bundled_copy_names_an_address_given_before_it_in_words_for_both_languages() -> None:
    offered = 0
    for bundled in bundled_forms():
        for each in (f for s in bundled.sections for f in s.fields):
            if each.same_as is not None:
                offered += 1
                assert each.same_as.label.vi.startswith("Giống địa chỉ"), bundled.id
                assert each.same_as.label.en.startswith("Same address as"), bundled.id
    assert offered >= 2


@pytest.mark.parametrize("form_id", ["khai-sinh", "khai-tu", "ly-lich-tu-phap-mau-02"])
def test_a_sample_with_a_copied_address_holds_the_address_itself(form_id: str) -> None:
    """The answer stored is the address itself, not "the same as" (the samples pass the
    form's checks: ``test_samples``)."""
    bundled = next(f for f in bundled_forms() if f.id == form_id)
    answers = sample_answers(form_id)
    for each in (f for s in bundled.sections for f in s.fields):
        if each.same_as is not None and each.id in answers:
            assert answers[each.id] == answers[each.same_as.field]
            assert set(answers[each.id]) == set(HOME)


# -- the draft -------------------------------------------------------------------------


def test_a_copy_follows_its_source_while_the_two_are_the_same() -> None:
    draft = Draft.start(FAMILY, "1.000001")
    draft.set("requester_residence", HOME)
    draft.set("mother_residence", dict(HOME))  # "Giống địa chỉ …"
    draft.set("father_residence", ELSEWHERE)  # the father lives elsewhere
    draft.set("requester_residence", MOVED)  # the house number was wrong
    assert draft.answers["mother_residence"] == MOVED
    assert draft.answers["mother_residence"] is not draft.answers["requester_residence"]
    assert draft.answers["father_residence"] == ELSEWHERE


def test_a_copy_changed_by_the_citizen_stays_theirs() -> None:
    draft = Draft.start(FAMILY, "1.000001")
    draft.set("requester_residence", HOME)
    draft.set("mother_residence", dict(HOME))
    draft.set("mother_residence", ELSEWHERE)
    draft.set("requester_residence", MOVED)
    assert draft.answers["mother_residence"] == ELSEWHERE


def test_a_copy_goes_with_the_address_it_copied() -> None:
    draft = Draft.start(FAMILY, "1.000001")
    draft.set("requester_residence", HOME)
    draft.set("mother_residence", dict(HOME))
    draft.set("requester_residence", None)
    assert "mother_residence" not in draft.answers


def test_nothing_follows_an_address_given_for_the_first_time() -> None:
    draft = Draft.start(FAMILY, "1.000001")
    draft.set("requester_residence", HOME)
    assert "mother_residence" not in draft.answers


def test_a_copy_of_a_copy_follows_too() -> None:
    chain = (
        field("a", "address"),
        copy_of("b", "a"),
        copy_of("c", "b"),
    )
    answers: dict[str, Any] = {"a": MOVED, "b": dict(HOME), "c": dict(HOME)}
    assert carry_copies(chain, answers, "a", HOME) == ["b", "c"]
    assert answers["b"] == answers["c"] == MOVED
