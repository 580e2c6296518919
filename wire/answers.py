"""A citizen's answers to a form, and which fields they make relevant.

Answers are plain JSON-able values keyed by field id, as a declaration stores and the
server receives them (``docs/forms-format.md`` lists the value of each kind). A
field hidden by its condition holds no answer: :func:`drop_hidden` removes what a
citizen typed before changing their mind, so nothing irrelevant is submitted. A
section whose fields are all hidden is not asked at all (:func:`shown_sections`):
the wizard skips its page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wire.forms import FieldDefinition, FormDefinition, Section

#: One form's answers (or one item of a repeating group): field id → value.
Answers = dict[str, Any]


def is_shown(field: FieldDefinition, scope: Mapping[str, Any]) -> bool:
    """Whether ``field`` applies, given the answers of its scope (the form, or its item)."""
    if field.when is None:
        return True
    value = scope.get(field.when.field)
    return value is not None and value in field.when.any_of


def shown_fields(
    fields: Iterable[FieldDefinition], scope: Mapping[str, Any]
) -> list[FieldDefinition]:
    return [field for field in fields if is_shown(field, scope)]


def section_is_shown(section: Section, answers: Mapping[str, Any]) -> bool:
    """Whether the section asks anything, given the form's answers so far."""
    return any(is_shown(field, answers) for field in section.fields)


def shown_sections(form: FormDefinition, answers: Mapping[str, Any]) -> list[Section]:
    """The sections the answers so far leave something to ask in, in the form's order."""
    return [section for section in form.sections if section_is_shown(section, answers)]


def unasked(
    fields: Iterable[FieldDefinition], scope: Mapping[str, Any], prefix: str = ""
) -> list[str]:
    """Ids of the answers in ``scope`` that no shown field asks for: what
    :func:`drop_hidden` would drop, so an upload that holds any was not made by a kiosk
    that submits as the wizard does."""
    by_id = {field.id: field for field in fields}
    found: list[str] = []
    for key, value in scope.items():
        field = by_id.get(key)
        if field is None or not is_shown(field, scope):
            found.append(f"{prefix}{key}")
        elif field.kind == "group" and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    found.extend(unasked(field.fields, item, f"{prefix}{key}.{index}."))
    return found


def drop_hidden(fields: Iterable[FieldDefinition], scope: Mapping[str, Any]) -> Answers:
    """``scope`` without answers to hidden fields, recursing into group items."""
    kept: Answers = {}
    for field in fields:
        if field.id not in scope or not is_shown(field, scope):
            continue
        value = scope[field.id]
        if field.kind == "group" and isinstance(value, list):
            value = [drop_hidden(field.fields, item) for item in value if isinstance(item, dict)]
        kept[field.id] = value
    return kept
