"""Filling a form from a scanned card: whose card it is, and the fields it fills.

A form with one applicant lets every ``idcard`` field take its part of the card. A
form with several people (bride and groom; requester, mother and father) lists them
as ``card_holders``, and each card field names its holder: :func:`whose_card` says
which of them a card may belong to, and :func:`prefill` fills that one's fields only.

What the card gives inexactly is filled as it is and named in
:attr:`Prefill.to_check`, with the note the wizard shows at the field: a name whose
accents the scanner dropped, a year of birth where the field needs a full date, an
address that was unreadable. Where the card's address goes into a *nơi thường trú*
field from a card that prints the *nơi cư trú*, :attr:`Prefill.confirm_permanent`
asks the wizard to have the citizen confirm it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from kiosk.idcard import errors
from kiosk.idcard.card import IdCard
from kiosk.places import LegacyAddress, convert_legacy, parse_current
from wire.answers import Answers, is_shown
from wire.forms import CardHolder, FieldDefinition, FormDefinition
from wire.i18n import TrText
from wire.places import address_value

_ADDRESS_PARTS = frozenset({"address", "permanent_address"})


@dataclass(frozen=True, slots=True)
class Prefill:
    """The answers a card gives a form, and what the citizen must check or confirm."""

    answers: Answers = field(repr=False)
    #: Ids of the fields filled, in the order of the form.
    filled: tuple[str, ...]
    #: Set when the card's old three-level address was converted to today's ward: the
    #: wizard shows both for the citizen to confirm.
    legacy_address: LegacyAddress | None = field(repr=False, default=None)
    #: The card holder whose fields were filled (``None``: the form's one applicant).
    holder: str | None = None
    #: Fields to check or complete, filled or not, with the note to show beside each.
    to_check: Mapping[str, TrText] = field(default_factory=lambda: MappingProxyType({}))
    #: The field the card's address went into, if any.
    address_field: str | None = None
    #: The address as the card prints it (for the wizard's confirmation).
    card_address: str | None = field(repr=False, default=None)
    #: The address went into a *nơi thường trú* field, but the card prints the *nơi cư
    #: trú* (thẻ căn cước from 1/7/2024, or a card of unknown generation): ask.
    confirm_permanent: bool = False


def whose_card(
    form: FormDefinition, card: IdCard, answers: Answers, page: str | None = None
) -> tuple[CardHolder, ...]:
    """The people of ``form`` the card may be, best first: one is filled at once,
    several are asked about ("Thẻ này của ai?"). Empty when the form lists no holders
    (its card fields are all the applicant's).

    The page the citizen is on decides when it is about one person whose implied
    gender the card does not contradict (the father's page fills the father); else
    the card's gender (bên nữ, bên nam); else every holder still asked about (their
    fields not hidden by an earlier answer) is offered.
    """
    holders = form.card_holders
    if not holders:
        return ()
    asked = tuple(h for h in holders if any(is_shown(f, answers) for f in _fields_of(form, h.id)))
    asked = asked or holders
    fitting = tuple(h for h in asked if h.gender in (None, card.gender))
    if page is not None:
        on_page = _holders_on_page(form, page)
        if len(on_page) == 1:
            holder = next(h for h in holders if h.id in on_page)
            if holder in fitting:
                return (holder,)
    return fitting or asked


def prefill(form: FormDefinition, card: IdCard, holder: str | None = None) -> Prefill:
    """Answers for the form's top-level fields whose ``idcard`` names a part of ``card``
    (on a form with card holders, only ``holder``'s fields).

    The address goes into an ``address`` field as today's two-level address when the
    ward can be told for sure (converted from an old address, or already current);
    otherwise the card's text becomes the address detail, and the citizen picks the
    ward. Parts the card does not have (no old ID number, no issue date) fill nothing.
    """
    answers: Answers = {}
    to_check: dict[str, TrText] = {}
    legacy: LegacyAddress | None = None
    address_field: str | None = None
    confirm_permanent = False
    for definition in _fields_of(form, holder if form.card_holders else None):
        value, note, converted = _filled(definition, card)
        if value is not None:
            answers[definition.id] = value
        if note is not None:
            to_check[definition.id] = note
        if definition.idcard in _ADDRESS_PARTS and value is not None:
            legacy = legacy or converted
            address_field = address_field or definition.id
            if definition.idcard == "permanent_address" and not card.address_is_permanent:
                confirm_permanent = True
    return Prefill(
        answers=answers,
        filled=tuple(answers),
        legacy_address=legacy,
        holder=holder if form.card_holders else None,
        to_check=MappingProxyType(to_check),
        address_field=address_field,
        card_address=card.address if address_field is not None else None,
        confirm_permanent=confirm_permanent,
    )


def _filled(
    definition: FieldDefinition, card: IdCard
) -> tuple[str | dict[str, Any] | None, TrText | None, LegacyAddress | None]:
    """The field's answer from the card (``None``: none), the note to show beside it,
    and the old address converted for it."""
    part = definition.idcard
    if part in _ADDRESS_PARTS:
        return _address_filled(definition, card)
    if part == "full_name":
        if card.full_name is None:
            return None, errors.NAME_UNREADABLE, None
        note = errors.NAME_MAY_LACK_ACCENTS if card.name_may_lack_accents else None
        return card.full_name, note, None
    if part == "date_of_birth":
        born = _birth_answer(definition, card)
        return born, None if born is not None else errors.BIRTH_DATE_INCOMPLETE, None
    return _answer(definition, card), None, None


def _address_filled(
    definition: FieldDefinition, card: IdCard
) -> tuple[str | dict[str, Any] | None, TrText | None, LegacyAddress | None]:
    if card.address is None:
        return None, errors.ADDRESS_UNREADABLE, None
    note = errors.ADDRESS_MAY_LACK_ACCENTS if card.address_may_lack_accents else None
    if definition.kind != "address":
        return card.address, note, None
    value, legacy = _address_answer(card.address)
    return value, note, legacy


def _fields_of(form: FormDefinition, holder: str | None) -> list[FieldDefinition]:
    """The form's card fields, in order: ``holder``'s, or all of them for ``None``."""
    return [
        definition
        for section in form.sections
        for definition in section.fields
        if definition.idcard is not None and (holder is None or definition.card_holder == holder)
    ]


def _holders_on_page(form: FormDefinition, section_id: str) -> set[str]:
    """The card holders whose fields the page ``section_id`` asks."""
    for section in form.sections:
        if section.id == section_id:
            return {f.card_holder for f in section.fields if f.card_holder is not None}
    return set()


def _birth_answer(definition: FieldDefinition, card: IdCard) -> str | None:
    """The full date when the card has it; a year where the field takes one alone;
    else nothing (the citizen completes it)."""
    born = card.date_of_birth
    if born.full is not None:
        return _date_value(definition, born.full)
    if definition.kind == "date" and definition.allow_year_only:
        return f"{born.year:04d}"
    return None


def _answer(definition: FieldDefinition, card: IdCard) -> str | None:
    value: str | date | None
    match definition.idcard:
        case "issuer":
            value = card.issuer
        case "id_number" | "old_id_number" | "gender" | "issue_date" as part:
            value = getattr(card, part)
        case _:
            value = None
    if isinstance(value, date):
        return _date_value(definition, value)
    return value


def _date_value(definition: FieldDefinition, value: date) -> str:
    """As the field's kind stores it: a date field takes ISO, a text ``dd/mm/yyyy``."""
    return value.isoformat() if definition.kind == "date" else value.strftime("%d/%m/%Y")


def _address_answer(address: str) -> tuple[dict[str, Any], LegacyAddress | None]:
    legacy = convert_legacy(address)
    if legacy is not None:
        return address_value(legacy.detail, legacy.ward), legacy
    current = parse_current(address)
    if current is not None:
        return address_value(*current), None
    return {"detail": address}, None
