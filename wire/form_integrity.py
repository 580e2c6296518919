"""What a form definition must satisfy beyond its types, before anyone fills it in.

msgspec checks each value's type when a form is decoded; this checks what a type
cannot say: ids are unique, every condition and layout placeholder names a field
that exists where it is used, each attribute sits on a kind that uses it, defaults
are values the field can hold. A form that fails is refused whole (bundled files in
the tests, published versions at sync time), so the wizard, the checks and the A4
writer can trust every form they get. Messages are English, for the form's author,
and name the form and the field.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Final

from wire.errors import FormDefinitionError
from wire.forms import (
    IN_WORDS,
    ITEM_NUMBER,
    PLACEHOLDER_STYLES,
    SAME_AS_FORMAT,
    CardHolder,
    Condition,
    FieldDefinition,
    FieldKind,
    FormDefinition,
    Heading,
    IdCardPart,
    LayoutBlock,
    Line,
    Repeat,
    Signatures,
)
from wire.vocabulary import VIETNAM, ethnicity, nationality

#: Kinds whose answer is one plain value a condition can compare.
_CONDITION_KINDS: Final[frozenset[FieldKind]] = frozenset(
    {"text", "gender", "ethnicity", "nationality", "select", "yes_no", "number"}
)
#: Kinds a default string may start a field with (checked further per kind below).
_STRING_KINDS: Final[frozenset[FieldKind]] = frozenset(
    {"text", "person_name", "id_number", "phone", "email"}
)
_LENGTH_KINDS: Final[frozenset[FieldKind]] = frozenset({"text", "person_name"})
#: What each part of the ID card may fill.
_IDCARD_KINDS: Final[dict[IdCardPart, frozenset[FieldKind]]] = {
    "id_number": frozenset({"id_number"}),
    "old_id_number": frozenset({"id_number", "text"}),
    "full_name": frozenset({"person_name", "text"}),
    "date_of_birth": frozenset({"date"}),
    "issue_date": frozenset({"date"}),
    "gender": frozenset({"gender"}),
    "address": frozenset({"address", "text"}),
    "permanent_address": frozenset({"address", "text"}),
    "issuer": frozenset({"text"}),
}
_GENDER_VALUES: Final = ("nam", "nu")
_PLACEHOLDER_NAME: Final = re.compile(r"[a-z][a-z0-9_]{0,63}\Z")
#: Kinds whose answer can be written in words ("ghi bằng chữ").
_IN_WORDS_KINDS: Final[frozenset[FieldKind]] = frozenset({"date", "number"})


def check_definition(form: FormDefinition) -> None:
    """Raise :class:`FormDefinitionError` listing every problem of ``form``, if any."""
    problems = list(_problems(form))
    if problems:
        raise FormDefinitionError(f"form {form.id!r} v{form.version}: " + "; ".join(problems))


def _problems(form: FormDefinition) -> Iterator[str]:
    if not form.sections:
        yield "it has no sections"
    yield from _duplicates(form.procedures, "procedure {} is listed more than once")
    yield from _duplicates(
        (section.id for section in form.sections), "section id {!r} is used more than once"
    )
    fields = [field for section in form.sections for field in section.fields]
    field_ids = {field.id for field in fields}
    for section in form.sections:
        if not section.fields:
            yield f"section {section.id!r} has no fields"
        if section.id in field_ids:
            yield f"section id {section.id!r} is also a field id"
    pages = {
        field.id: index for index, section in enumerate(form.sections) for field in section.fields
    }
    yield from _scope_problems(fields, where="", pages=pages)
    yield from _same_as_format_problems(form, fields)
    for field in fields:
        if field.kind == "group":
            for sub in field.fields:
                if sub.kind == "group":
                    yield f"field {field.id}.{sub.id!r}: groups cannot be nested"
                if sub.idcard is not None or sub.card_holder is not None:
                    yield (f"field {field.id}.{sub.id!r}: idcard only fills fields outside groups")
            yield from _scope_problems(field.fields, where=f"{field.id}.")
    yield from _idcard_problems(fields, form.card_holders)
    yield from _text_placeholders(
        "template_line", form.template_line, {}, "the form (the template line is plain text)"
    )
    yield from _layout_problems(form.layout, {field.id: field for field in fields})


def _duplicates(values: Iterable[str], message: str) -> Iterator[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            yield message.format(value)
        seen.add(value)


# --- fields ---------------------------------------------------------------------------


def _scope_problems(
    fields: Sequence[FieldDefinition], where: str, pages: Mapping[str, int] | None = None
) -> Iterator[str]:
    """Problems of the fields answered together: the form's, or one group item's.

    ``pages``: for the form's fields, the page (section index) asking each one.
    """
    yield from _duplicates(
        (field.id for field in fields), f"field id {where}{{!r}} is defined more than once"
    )
    by_id = {field.id: field for field in fields}
    order = {field.id: index for index, field in reversed(list(enumerate(fields)))}
    for index, field in enumerate(fields):
        name = f"field {where}{field.id!r}"
        for problem in _field_problems(field, by_id):
            yield f"{name}: {problem}"
        for problem in _same_as_problems(field, by_id, order, pages):
            yield f"{name}: {problem}"
        if field.when is not None:
            for problem in _condition_problems(field.when, by_id, where):
                yield f"{name}: {problem}"
            if order.get(field.when.field, -1) >= index:
                yield (
                    f"{name}: its condition names {field.when.field!r}, which must come "
                    "before it (the wizard asks fields in order)"
                )


def _field_problems(field: FieldDefinition, scope: dict[str, FieldDefinition]) -> Iterator[str]:
    yield from _select_problems(field)
    yield from _group_problems(field)
    yield from _text_problems(field)
    yield from _number_problems(field)
    yield from _date_problems(field, scope)
    yield from _id_number_problems(field, scope)
    yield from _required_unless_problems(field, scope)
    problem = _default_problem(field)
    if problem:
        yield problem


def _select_problems(field: FieldDefinition) -> Iterator[str]:
    if field.kind != "select":
        if field.options:
            yield "options are only for select fields"
        return
    if not field.options:
        yield "a select field needs options"
    yield from _duplicates(
        (option.value for option in field.options), "option value {!r} is used more than once"
    )


def _group_problems(field: FieldDefinition) -> Iterator[str]:
    if field.kind != "group":
        if field.fields:
            yield "only group fields have fields"
        if field.min_items != 0 or field.max_items != 10:
            yield "min_items and max_items are only for group fields"
        return
    if not field.fields:
        yield "a group field needs fields"
    if field.min_items > field.max_items:
        yield f"min_items {field.min_items} is more than max_items {field.max_items}"
    if field.idcard is not None:
        yield "idcard cannot fill a group field"


def _text_problems(field: FieldDefinition) -> Iterator[str]:
    if field.multiline and field.kind != "text":
        yield "multiline is only for text fields"
    if field.kind not in _LENGTH_KINDS:
        if field.min_length is not None or field.max_length is not None:
            yield "min_length and max_length are only for text and person_name fields"
    elif (
        field.min_length is not None
        and field.max_length is not None
        and field.min_length > field.max_length
    ):
        yield f"min_length {field.min_length} is more than max_length {field.max_length}"


def _number_problems(field: FieldDefinition) -> Iterator[str]:
    if field.kind != "number":
        if field.minimum is not None or field.maximum is not None:
            yield "minimum and maximum are only for number fields"
    elif field.minimum is not None and field.maximum is not None and field.minimum > field.maximum:
        yield f"minimum {field.minimum} is more than maximum {field.maximum}"


def _date_problems(field: FieldDefinition, scope: dict[str, FieldDefinition]) -> Iterator[str]:
    date_only = (
        field.not_future
        or field.not_past
        or field.allow_year_only
        or any(
            value is not None
            for value in (field.min_age, field.max_age, field.not_before, field.max_years_ahead)
        )
    )
    if field.kind != "date":
        if date_only:
            yield (
                "not_future, not_past, max_years_ahead, allow_year_only, min_age, max_age "
                "and not_before are only for date fields"
            )
        return
    if field.min_age is not None and field.max_age is not None and field.min_age > field.max_age:
        yield f"min_age {field.min_age} is more than max_age {field.max_age}"
    if field.not_future and (field.not_past or field.max_years_ahead is not None):
        yield "not_future leaves no date for not_past or max_years_ahead"
    if field.allow_year_only and (field.not_past or field.max_years_ahead is not None):
        yield "allow_year_only is for years of birth, not periods (not_past, max_years_ahead)"
    if field.not_before is not None:
        yield from _reference_problems("not_before", field.not_before, field, scope, "date")


def _id_number_problems(field: FieldDefinition, scope: dict[str, FieldDefinition]) -> Iterator[str]:
    if field.kind != "id_number":
        if field.birth_date_field or field.gender_field or field.allow_old_id or field.gender_is:
            yield (
                "birth_date_field, gender_field, gender_is and allow_old_id are only for "
                "id_number fields"
            )
        return
    if field.gender_field is not None and field.gender_is is not None:
        yield "gender_is is for a gender the form fixes: not with gender_field"
    if field.birth_date_field is not None:
        yield from _reference_problems(
            "birth_date_field", field.birth_date_field, field, scope, "date"
        )
    if field.gender_field is not None:
        yield from _reference_problems("gender_field", field.gender_field, field, scope, "gender")


def _required_unless_problems(
    field: FieldDefinition, scope: dict[str, FieldDefinition]
) -> Iterator[str]:
    target = field.required_unless
    if target is None:
        return
    if not field.required:
        yield "required_unless needs required: true (it names when the field is not required)"
    found = scope.get(target)
    if target == field.id:
        yield "required_unless names the field itself"
    elif found is None:
        yield f"required_unless names {target!r}, which is not a field here"
    elif found.kind == "group":
        yield f"required_unless names {target!r}, a group field"


def _same_as_problems(
    field: FieldDefinition,
    scope: Mapping[str, FieldDefinition],
    order: Mapping[str, int],
    pages: Mapping[str, int] | None,
) -> Iterator[str]:
    """A copied address names an address the citizen gave before reaching this one:
    on an earlier page, or earlier in the same group item (the copy is offered once
    there is something to copy, and a chain of copies never loops)."""
    same_as = field.same_as
    if same_as is None:
        return
    if field.kind != "address":
        yield "same_as is only for address fields"
        return
    target = same_as.field
    found = scope.get(target)
    if target == field.id:
        yield "same_as names the field itself"
    elif found is None:
        yield f"same_as names {target!r}, which is not a field here"
    elif found.kind != "address":
        yield f"same_as names {target!r}, a {found.kind} field, not an address field"
    elif pages is not None and pages[target] >= pages[field.id]:
        yield f"same_as names {target!r}, which must be asked on an earlier page"
    elif pages is None and order[target] >= order[field.id]:
        yield f"same_as names {target!r}, which must come before it in the item"


def _same_as_format_problems(
    form: FormDefinition, fields: Sequence[FieldDefinition]
) -> Iterator[str]:
    if form.format_version >= SAME_AS_FORMAT:
        return
    for field in fields:
        for each in (field, *field.fields):
            if each.same_as is not None:
                yield (
                    f"field {each.id!r}: same_as needs format_version {SAME_AS_FORMAT} "
                    f"(a kiosk reading format {form.format_version} cannot read it)"
                )


def _reference_problems(
    attribute: str,
    target: str,
    field: FieldDefinition,
    scope: dict[str, FieldDefinition],
    kind: FieldKind,
) -> Iterator[str]:
    found = scope.get(target)
    if target == field.id:
        yield f"{attribute} names the field itself"
    elif found is None:
        yield f"{attribute} names {target!r}, which is not a field here"
    elif found.kind != kind:
        yield f"{attribute} names {target!r}, a {found.kind} field, not a {kind} field"


def _default_problem(field: FieldDefinition) -> str | None:  # noqa: PLR0911 - one per kind
    value = field.default
    if value is None:
        return None
    wrong = f"default {value!r} does not fit a {field.kind} field"
    match field.kind:
        case "address" | "group":
            return f"a {field.kind} field cannot have a default"
        case "yes_no":
            return None if isinstance(value, bool) else wrong
        case "number":
            if not isinstance(value, int) or isinstance(value, bool):
                return wrong
            low, high = field.minimum, field.maximum
            outside = (low is not None and value < low) or (high is not None and value > high)
            return f"default {value} is outside minimum..maximum" if outside else None
        case "select":
            return None if value in {option.value for option in field.options} else wrong
        case "gender":
            return None if value in _GENDER_VALUES else wrong
        case "ethnicity":
            return None if isinstance(value, str) and ethnicity(value) else wrong
        case "nationality":
            # "VN" needs no look-up: most forms start with it, and the full list loads
            # Babel's data, which start-up does not need.
            known = value == VIETNAM or (isinstance(value, str) and nationality(value))
            return None if known else wrong
        case "date":
            year_only = field.allow_year_only and isinstance(value, str) and _is_year(value)
            return None if year_only or (isinstance(value, str) and _is_iso_date(value)) else wrong
    return None if isinstance(value, str) and field.kind in _STRING_KINDS else wrong


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isascii() and value.isdigit()


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _condition_problems(
    condition: Condition, scope: dict[str, FieldDefinition], where: str
) -> Iterator[str]:
    target = scope.get(condition.field)
    if target is None:
        place = f"group {where[:-1]!r}" if where else "the form outside groups"
        yield f"its condition names {condition.field!r}, which is not a field of {place}"
        return
    if target.kind not in _CONDITION_KINDS:
        yield f"its condition names {condition.field!r}, a {target.kind} field (not testable)"
        return
    if not condition.any_of:
        yield f"its condition on {condition.field!r} lists no values"
    for value in condition.any_of:
        if not _fits(target, value):
            yield f"its condition value {value!r} is not a possible answer of {condition.field!r}"


def _fits(field: FieldDefinition, value: str | bool | int) -> bool:
    match field.kind:
        case "yes_no":
            return isinstance(value, bool)
        case "number":
            return isinstance(value, int) and not isinstance(value, bool)
        case "select":
            return value in {option.value for option in field.options}
        case "gender":
            return value in _GENDER_VALUES
        case "ethnicity":
            return isinstance(value, str) and ethnicity(value) is not None
    return isinstance(value, str)


def _idcard_problems(
    fields: Sequence[FieldDefinition], holders: Sequence[CardHolder]
) -> Iterator[str]:
    """Each part of a card fills at most one field per card holder (the one applicant
    when the form names no holders); a form with holders says whose every field is."""
    yield from _duplicates((holder.id for holder in holders), "card holder {!r} is listed twice")
    holder_ids = {holder.id for holder in holders}
    filled: dict[tuple[str | None, IdCardPart], str] = {}
    for field in fields:
        part, holder = field.idcard, field.card_holder
        name = f"field {field.id!r}"
        if holder is not None and part is None:
            yield f"{name}: card_holder names whose card fills it, but it has no idcard part"
        if part is None or field.kind == "group":
            continue
        if field.kind not in _IDCARD_KINDS[part]:
            yield f"{name}: idcard {part!r} cannot fill a {field.kind} field"
        if holders and holder is None:
            yield f"{name}: the form has card_holders, so its idcard field names a card_holder"
        elif not holders and holder is not None:
            yield f"{name}: card_holder {holder!r} names no card holder (the form lists none)"
        elif holder is not None and holder not in holder_ids:
            yield f"{name}: card_holder {holder!r} is not one of the form's card_holders"
        if (holder, part) in filled:
            yield f"{name}: idcard {part!r} already fills {filled[holder, part]!r}"
        filled.setdefault((holder, part), field.id)
    for holder_id in sorted(holder_ids - {holder for holder, _part in filled}):
        yield f"card holder {holder_id!r} fills no field"


# --- layout ---------------------------------------------------------------------------


def _layout_problems(
    layout: Sequence[LayoutBlock], fields: dict[str, FieldDefinition]
) -> Iterator[str]:
    for index, block in enumerate(layout):
        where = f"layout block {index} ({type(block).__name__.lower()})"
        match block:
            case Heading(text=text):
                yield from _text_placeholders(where, text, fields, "the form")
            case Line():
                yield from _line_problems(where, block, fields, "the form")
            case Signatures():
                texts = (block.place_and_date, block.left_place_and_date, block.left_title)
                for text in (*texts, block.left_name, block.right_title, block.right_name):
                    yield from _text_placeholders(where, text, fields, "the form")
            case Repeat(field=field_id, lines=lines):
                group = fields.get(field_id)
                if group is None or group.kind != "group":
                    kind = "no field" if group is None else f"a {group.kind} field"
                    yield f"{where}: repeats {field_id!r}, which is {kind}, not a group field"
                    continue
                items = {sub.id: sub for sub in group.fields}
                for line in lines:
                    yield from _line_problems(
                        where, line, items, f"group {field_id!r}", numbered=True
                    )


def _line_problems(
    where: str,
    line: Line,
    fields: dict[str, FieldDefinition],
    place: str,
    *,
    numbered: bool = False,
) -> Iterator[str]:
    for cell in line.cells:
        yield from _text_placeholders(where, cell, fields, place, numbered=numbered)
    if line.when is not None:
        for problem in _condition_problems(line.when, fields, ""):
            yield f"{where}: {problem.replace('the form outside groups', place)}"


def _text_placeholders(
    where: str,
    text: str,
    fields: dict[str, FieldDefinition],
    place: str,
    *,
    numbered: bool = False,
) -> Iterator[str]:
    """Each placeholder names a field of ``place``, with at most a known style
    (``{id:upper}``, ``{id:words}``); ``{#}`` is the item's number inside a ``repeat``."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        yield f"{where}: {text!r} has unbalanced braces ({exc}); write {{{{ or }}}} for a brace"
        return
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == ITEM_NUMBER and numbered and not spec and not conversion:
            continue
        if conversion or not _PLACEHOLDER_NAME.match(name):
            yield f"{where}: placeholder {{{name}}} in {text!r} is not a plain field id"
        elif name not in fields:
            yield f"{where}: placeholder {{{name}}} names no field of {place}"
        elif spec and spec not in PLACEHOLDER_STYLES:
            styles = ", ".join(sorted(PLACEHOLDER_STYLES))
            yield f"{where}: placeholder {{{name}:{spec}}} has an unknown style (use {styles})"
        elif spec == IN_WORDS and fields[name].kind not in _IN_WORDS_KINDS:
            yield (
                f"{where}: placeholder {{{name}:{spec}}}: only dates and numbers are written "
                f"in words, not a {fields[name].kind} field"
            )
