"""Form definitions written in a test, short: the same words in both languages, a
label that is the field's id, a section titled by its id."""

from __future__ import annotations

from typing import Any

from wire.forms import FieldDefinition, FormDefinition, LayoutBlock, Section, Wording


def words(text: str) -> Wording:
    return Wording(vi=text, en=text)


def field(field_id: str, kind: str = "text", **options: Any) -> FieldDefinition:
    return FieldDefinition(id=field_id, kind=kind, label=words(field_id), **options)  # type: ignore[arg-type]


def section(section_id: str, *fields: FieldDefinition) -> Section:
    return Section(id=section_id, title=words(section_id), fields=fields)


def form(
    *sections: Section,
    version: int = 1,
    procedures: tuple[str, ...] = ("1.000001",),
    layout: tuple[LayoutBlock, ...] = (),
) -> FormDefinition:
    return FormDefinition(
        id="thu-nghiem",
        version=version,
        title=words("Tờ khai thử"),
        template="Mẫu thử",
        procedures=procedures,
        sections=sections,
        layout=layout,
    )
