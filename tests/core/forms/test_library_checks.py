"""``check_definition`` refuses what a type cannot: each broken form names its problem."""

from __future__ import annotations

import msgspec
import pytest

from tests.core.forms.builders import field
from wire.errors import FormDefinitionError
from wire.form_integrity import check_definition
from wire.forms import (
    Condition,
    FieldDefinition,
    FormDefinition,
    Heading,
    LayoutBlock,
    Line,
    Option,
    Repeat,
    Section,
    Signatures,
    Wording,
)


def _options(*values: str) -> tuple[Option, ...]:
    return tuple(Option(value=value, label=Wording(vi=value, en=value)) for value in values)


def _form(
    *pages: tuple[FieldDefinition, ...],
    layout: tuple[LayoutBlock, ...] = (),
    procedures: tuple[str, ...] = ("1.001193",),
) -> FormDefinition:
    return FormDefinition(
        id="thu-nghiem",
        version=3,
        title=Wording(vi="Thử nghiệm", en="Test"),
        template="Mẫu thử",
        procedures=procedures,
        sections=tuple(
            Section(id=f"trang_{index}", title=Wording(vi="Trang", en="Page"), fields=fields)
            for index, fields in enumerate(pages)
        ),
        layout=layout,
    )


MEMBERS = field(
    "members",
    "group",
    fields=(field("name", "person_name"), field("birth_date", "date")),
)


def test_a_sound_form_passes() -> None:
    form = _form(
        (
            field("full_name", "person_name", idcard="full_name"),
            field("birth_date", "date", not_future=True, min_age=18, idcard="date_of_birth"),
            field("gender", "gender", idcard="gender"),
            field(
                "id_number",
                "id_number",
                birth_date_field="birth_date",
                gender_field="gender",
                idcard="id_number",
            ),
        ),
        (
            field("kind", "select", options=_options("a", "b"), default="a"),
            field("detail", when=Condition(field="kind", any_of=("b",))),
            field("count", "number", minimum=1, maximum=5, default=2),
            MEMBERS,
        ),
        layout=(
            Heading(text="TỜ KHAI {full_name}"),
            Line(cells=("Họ tên: {full_name}", "{{không phải ô}}")),
            Line(cells=("{detail}",), when=Condition(field="kind", any_of=("b",))),
            Repeat(field="members", lines=(Line(cells=("{name}", "{birth_date}")),)),
            Signatures(place_and_date="…", right_title="Người khai", right_name="{full_name}"),
        ),
    )
    check_definition(form)


def test_the_template_features_pass() -> None:
    """Capitals, words, the "TT" column, a year alone, a conditional requirement, the
    template's line and dated opinion blocks: what the 2025 templates ask for."""
    form = msgspec.structs.replace(
        _form(
            (
                field("full_name", "person_name"),
                field("birth_date", "date", not_future=True, allow_year_only=True, default="1962"),
                field("until", "date", not_past=True, max_years_ahead=2),
                field("id", "id_number"),
                field("home", "address", required=True, required_unless="id"),
                MEMBERS,
            ),
            layout=(
                Line(cells=("1. Họ và tên (viết chữ in hoa): {full_name:upper}",)),
                Line(cells=("Sinh ngày {birth_date}, ghi bằng chữ: {birth_date:words}",)),
                Repeat(field="members", lines=(Line(cells=("{#}", "{name:upper}")),)),
                Signatures(
                    place_and_date="…, ngày … tháng … năm …",
                    right_title="Ý kiến",
                    right_name="Họ và tên: …",
                    left_place_and_date="…, ngày … tháng … năm …",
                    left_title="Ý kiến của chủ hộ",
                    dated=False,
                    source="Theo bản chép lại; cần đối chiếu.",
                ),
            ),
        ),
        template_code="Mẫu CT01",
        legal_basis="Thông tư số 53/2025/TT-BCA",
        template_line="Mẫu CT01 ban hành kèm theo\nThông tư số 53/2025/TT-BCA",
        source="Theo cổng Dịch vụ công.",
    )
    check_definition(form)


BROKEN: dict[str, tuple[FormDefinition, str]] = {
    "duplicate field id": (
        _form((field("name"),), (field("name", "person_name"),)),
        "field id 'name' is defined more than once",
    ),
    "duplicate field id in a group": (
        _form((field("members", "group", fields=(field("name"), field("name"))),)),
        "field id members.'name' is defined more than once",
    ),
    "duplicate section id": (
        msgspec.structs.replace(
            _form(),
            sections=tuple(
                Section(id="trang", title=Wording(vi="Trang", en="Page"), fields=(field(name),))
                for name in ("a", "b")
            ),
        ),
        "section id 'trang' is used more than once",
    ),
    "section named like a field": (
        _form((field("trang_0"),)),
        "section id 'trang_0' is also a field id",
    ),
    "empty section": (_form(()), "section 'trang_0' has no fields"),
    "no sections": (_form(), "it has no sections"),
    "duplicate procedure": (
        _form((field("a"),), procedures=("1.001193", "1.001193")),
        "procedure 1.001193 is listed more than once",
    ),
    "condition naming a missing field": (
        _form((field("a", when=Condition(field="ghost", any_of=("x",))),)),
        "its condition names 'ghost', which is not a field of the form outside groups",
    ),
    "condition naming a later field": (
        _form((field("a", when=Condition(field="b", any_of=(True,))), field("b", "yes_no"))),
        "its condition names 'b', which must come before it",
    ),
    "condition naming the field itself": (
        _form((field("a", when=Condition(field="a", any_of=("x",))),)),
        "its condition names 'a', which must come before it",
    ),
    "condition value a yes/no field cannot take": (
        _form((field("ok", "yes_no"), field("a", when=Condition(field="ok", any_of=("yes",))))),
        "its condition value 'yes' is not a possible answer of 'ok'",
    ),
    "condition value not among the options": (
        _form(
            (
                field("kind", "select", options=_options("a")),
                field("b", when=Condition(field="kind", any_of=("z",))),
            )
        ),
        "its condition value 'z' is not a possible answer of 'kind'",
    ),
    "condition on a date": (
        _form((field("day", "date"), field("b", when=Condition(field="day", any_of=("x",))))),
        "a date field (not testable)",
    ),
    "condition with no values": (
        _form((field("ok", "yes_no"), field("b", when=Condition(field="ok", any_of=())))),
        "its condition on 'ok' lists no values",
    ),
    "condition inside a group naming a form field": (
        _form(
            (
                field("ok", "yes_no"),
                field(
                    "members",
                    "group",
                    fields=(field("name", when=Condition(field="ok", any_of=(True,))),),
                ),
            )
        ),
        "which is not a field of group 'members'",
    ),
    "placeholder naming a missing field": (
        _form((field("a"),), layout=(Line(cells=("Họ tên: {ghost}",)),)),
        "placeholder {ghost} names no field of the form",
    ),
    "placeholder in a signature naming a missing field": (
        _form(
            (field("a"),),
            layout=(Signatures(place_and_date="", right_title="Người khai", right_name="{ten}"),),
        ),
        "placeholder {ten} names no field of the form",
    ),
    "placeholder with a format spec": (
        _form((field("a"),), layout=(Line(cells=("{a:>10}",)),)),
        "placeholder {a:>10} has an unknown style (use upper, words)",
    ),
    "placeholder with a conversion": (
        _form((field("a"),), layout=(Line(cells=("{a!r}",)),)),
        "placeholder {a} in '{a!r}' is not a plain field id",
    ),
    "a text written in words": (
        _form((field("a"),), layout=(Line(cells=("{a:words}",)),)),
        "placeholder {a:words}: only dates and numbers are written in words, not a text field",
    ),
    "the item number outside a repeat": (
        _form((field("a"),), layout=(Line(cells=("{#}",)),)),
        "placeholder {#} in '{#}' is not a plain field id",
    ),
    "the item number with a style": (
        _form(
            (MEMBERS,),
            layout=(Repeat(field="members", lines=(Line(cells=("{#:upper}", "{name}")),)),),
        ),
        "placeholder {#} in '{#:upper}' is not a plain field id",
    ),
    "unbalanced brace": (
        _form((field("a"),), layout=(Line(cells=("Họ tên: {a",)),)),
        "has unbalanced braces",
    ),
    "group placeholder outside its repeat": (
        _form((MEMBERS,), layout=(Line(cells=("{name}",)),)),
        "placeholder {name} names no field of the form",
    ),
    "form placeholder inside a repeat": (
        _form(
            (field("a"), MEMBERS),
            layout=(Repeat(field="members", lines=(Line(cells=("{a}",)),)),),
        ),
        "placeholder {a} names no field of group 'members'",
    ),
    "line condition naming a missing field": (
        _form(
            (field("a"),), layout=(Line(cells=("x",), when=Condition(field="b", any_of=(True,))),)
        ),
        "its condition names 'b', which is not a field of the form",
    ),
    "select without options": (
        _form((field("kind", "select"),)),
        "field 'kind': a select field needs options",
    ),
    "duplicate option": (
        _form((field("kind", "select", options=_options("a", "a")),)),
        "option value 'a' is used more than once",
    ),
    "options on a text field": (
        _form((field("a", options=_options("x")),)),
        "field 'a': options are only for select fields",
    ),
    "group without fields": (
        _form((field("members", "group"),)),
        "field 'members': a group field needs fields",
    ),
    "nested group": (
        _form((field("members", "group", fields=(MEMBERS,)),)),
        "groups cannot be nested",
    ),
    "fields on a text field": (
        _form((field("a", fields=(field("b"),)),)),
        "field 'a': only group fields have fields",
    ),
    "more min_items than max_items": (
        _form((field("members", "group", fields=(field("b"),), min_items=5, max_items=2),)),
        "min_items 5 is more than max_items 2",
    ),
    "repeat on a non-group field": (
        _form((field("a"),), layout=(Repeat(field="a", lines=(Line(cells=("x",)),)),)),
        "repeats 'a', which is a text field, not a group field",
    ),
    "repeat on a missing field": (
        _form((field("a"),), layout=(Repeat(field="ghost", lines=()),)),
        "repeats 'ghost', which is no field, not a group field",
    ),
    "idcard on a group field": (
        _form((field("members", "group", fields=(field("b"),), idcard="address"),)),
        "field 'members': idcard cannot fill a group field",
    ),
    "idcard inside a group": (
        _form((field("members", "group", fields=(field("name", idcard="full_name"),)),)),
        "idcard only fills fields outside groups",
    ),
    "idcard on the wrong kind": (
        _form((field("a", idcard="date_of_birth"),)),
        "field 'a': idcard 'date_of_birth' cannot fill a text field",
    ),
    "idcard part used twice": (
        _form((field("a", "person_name", idcard="full_name"), field("b", idcard="full_name"))),
        "field 'b': idcard 'full_name' already fills 'a'",
    ),
    "date rule on a text field": (
        _form((field("a", min_age=18),)),
        "field 'a': not_future, not_past, max_years_ahead, allow_year_only, min_age, max_age "
        "and not_before are only for date fields",
    ),
    "a year alone on a text field": (
        _form((field("a", allow_year_only=True),)),
        "are only for date fields",
    ),
    "a period that cannot be in the future and must not be past": (
        _form((field("until", "date", not_future=True, max_years_ahead=2),)),
        "not_future leaves no date for not_past or max_years_ahead",
    ),
    "a year alone for a period": (
        _form((field("until", "date", allow_year_only=True, not_past=True),)),
        "allow_year_only is for years of birth, not periods",
    ),
    "a year default where a year alone is not taken": (
        _form((field("born", "date", default="1962"),)),
        "default '1962' does not fit a date field",
    ),
    "required_unless without required": (
        _form((field("id", "id_number"), field("home", "address", required_unless="id"))),
        "required_unless needs required: true",
    ),
    "required_unless naming a missing field": (
        _form((field("home", "address", required=True, required_unless="id"),)),
        "required_unless names 'id', which is not a field here",
    ),
    "required_unless naming itself": (
        _form((field("home", "address", required=True, required_unless="home"),)),
        "required_unless names the field itself",
    ),
    "a template line with a placeholder": (
        msgspec.structs.replace(_form((field("a"),)), template_line="Mẫu {a}"),
        "template_line: placeholder {a} names no field of the form",
    ),
    "ages the wrong way round": (
        _form((field("born", "date", min_age=60, max_age=18),)),
        "min_age 60 is more than max_age 18",
    ),
    "not_before naming a missing field": (
        _form((field("died", "date", not_before="born"),)),
        "not_before names 'born', which is not a field here",
    ),
    "birth_date_field naming a non-date field": (
        _form((field("born"), field("id", "id_number", birth_date_field="born"))),
        "birth_date_field names 'born', a text field, not a date field",
    ),
    "gender_field on a phone field": (
        _form((field("sex", "gender"), field("tel", "phone", gender_field="sex"))),
        "only for id_number fields",
    ),
    "bounds on a date field": (
        _form((field("born", "date", minimum=1),)),
        "minimum and maximum are only for number fields",
    ),
    "minimum above maximum": (
        _form((field("n", "number", minimum=5, maximum=1),)),
        "minimum 5 is more than maximum 1",
    ),
    "multiline on a name": (
        _form((field("name", "person_name", multiline=True),)),
        "multiline is only for text fields",
    ),
    "length on an address": (
        _form((field("home", "address", max_length=10),)),
        "min_length and max_length are only for text and person_name fields",
    ),
    "default not among the options": (
        _form((field("kind", "select", options=_options("a"), default="b"),)),
        "default 'b' does not fit a select field",
    ),
    "ethnicity default by name": (
        _form((field("dan_toc", "ethnicity", default="kinh"),)),
        "default 'kinh' does not fit a ethnicity field",
    ),
    "unknown nationality default": (
        _form((field("quoc_tich", "nationality", default="XX"),)),
        "default 'XX' does not fit a nationality field",
    ),
    "number default outside its bounds": (
        _form((field("n", "number", minimum=1, maximum=3, default=9),)),
        "default 9 is outside minimum..maximum",
    ),
    "yes/no default that is a number": (
        _form((field("ok", "yes_no", default=1),)),
        "default 1 does not fit a yes_no field",
    ),
    "date default not ISO": (
        _form((field("day", "date", default="01/02/2020"),)),
        "default '01/02/2020' does not fit a date field",
    ),
    "address default": (
        _form((field("home", "address", default="Hà Nội"),)),
        "a address field cannot have a default",
    ),
}


@pytest.mark.parametrize(("form", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_definition_is_refused_naming_its_problem(
    form: FormDefinition, problem: str
) -> None:
    with pytest.raises(FormDefinitionError) as refused:
        check_definition(form)
    message = str(refused.value)
    assert message.startswith("form 'thu-nghiem' v3: ")
    assert problem in message


def test_every_problem_is_reported_at_once() -> None:
    form = _form(
        (field("kind", "select"), field("members", "group")),
        layout=(Line(cells=("{ghost}",)),),
    )
    with pytest.raises(FormDefinitionError) as refused:
        check_definition(form)
    message = str(refused.value)
    for problem in ("needs options", "needs fields", "{ghost}"):
        assert problem in message
