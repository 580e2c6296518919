"""Filling a form from a scanned card: the fields that name a part of it, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.idcard.card import IdCard
from kiosk.places import LegacyAddress, convert_legacy, parse_current
from wire.answers import Answers
from wire.forms import FieldDefinition, FormDefinition
from wire.places import address_value


@dataclass(frozen=True, slots=True)
class Prefill:
    """The answers a card gives a form, and the address conversion to confirm."""

    answers: Answers = field(repr=False)
    #: Ids of the fields filled, in the order of the form.
    filled: tuple[str, ...]
    #: Set when the card's old three-level address was converted to today's ward: the
    #: wizard shows both for the citizen to confirm.
    legacy_address: LegacyAddress | None = field(repr=False)


def prefill(form: FormDefinition, card: IdCard) -> Prefill:
    """Answers for the form's top-level fields whose ``idcard`` names a part of ``card``.

    The address goes into an ``address`` field as today's two-level address when the
    ward can be told for sure (converted from an old address, or already current);
    otherwise the card's text becomes the address detail, and the citizen picks the
    ward. Parts the card does not have (no old ID number, no issue date) fill nothing.
    """
    answers: Answers = {}
    legacy: LegacyAddress | None = None
    for definition in (item for section in form.sections for item in section.fields):
        if definition.idcard is None:
            continue
        value: str | dict[str, Any] | None
        if definition.idcard == "address" and definition.kind == "address":
            value, legacy = _address_answer(card.address)
        else:
            value = _answer(definition, card)
        if value is not None:
            answers[definition.id] = value
    return Prefill(answers=answers, filled=tuple(answers), legacy_address=legacy)


def _answer(definition: FieldDefinition, card: IdCard) -> str | None:
    """The part as the field's kind stores it: a date field takes ISO, a text dd/mm/yyyy."""
    value: str | date | None = getattr(card, definition.idcard or "")
    if isinstance(value, date):
        return value.isoformat() if definition.kind == "date" else value.strftime("%d/%m/%Y")
    return value


def _address_answer(address: str) -> tuple[dict[str, Any], LegacyAddress | None]:
    legacy = convert_legacy(address)
    if legacy is not None:
        return address_value(legacy.detail, legacy.ward), legacy
    current = parse_current(address)
    if current is not None:
        return address_value(*current), None
    return {"detail": address}, None
