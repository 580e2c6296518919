"""The QR code on the front of a căn cước / căn cước công dân card.

A keyboard-wedge scanner types its content like a keyboard would: fields separated
by ``|`` — số định danh cá nhân (12 digits), old CMND number (9 digits, or empty),
full name, date of birth ``ddmmyyyy``, gender ("Nam"/"Nữ"), permanent address (nơi
thường trú), issue date ``ddmmyyyy`` (may be empty or missing); newer cards may add
fields after these, which are kept as they are.

Every part is checked with the same rules as a typed answer, and the ID number
against the birth date and gender on the same card. A code with any part wrong
fills nothing: half a card's data in a form is worse than none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from kiosk.idcard import errors
from kiosk.idcard.errors import IdCardError
from wire.i18n import TrText
from wire.places.addresses import MAX_ADDRESS_LENGTH
from wire.validation import (
    ID_NUMBER_LENGTH,
    OLD_ID_NUMBER_LENGTH,
    Gender,
    InvalidValue,
    calendar_date,
    check_id_number,
    check_person_name,
    check_text,
)
from wire.validation.characters import is_refused

#: Far longer than any card's code; a longer text is not one.
MAX_PAYLOAD_LENGTH: Final = 2_000
#: ID number, old ID number, name, birth date, gender, address (issue date optional).
MIN_FIELDS: Final = 6

_GENDERS: Final[dict[str, Gender]] = {"nam": "nam", "nữ": "nu"}


@dataclass(frozen=True, slots=True, repr=False)
class IdCard:
    """What the code says, checked and normalised (names NFC, single spaces)."""

    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: date
    gender: Gender
    address: str
    issue_date: date | None
    #: Fields after the issue date, trimmed, in order.
    extras: tuple[str, ...]

    def __repr__(self) -> str:
        # A card is personal data: its repr may end up in a log or a traceback.
        return "IdCard(<personal data hidden>)"


def looks_like_payload(text: str) -> bool:
    """Whether ``text`` may be a card's code: 6+ fields, the first one 12 digits.

    Cheap enough to run on every burst of keys a scanner types; :func:`parse` decides.
    """
    if len(text) > MAX_PAYLOAD_LENGTH or text.count("|") < MIN_FIELDS - 1:
        return False
    first = text.split("|", 1)[0].strip()
    return len(first) == ID_NUMBER_LENGTH and first.isascii() and first.isdigit()


def parse(payload: str) -> IdCard:
    """The card the code describes; :class:`IdCardError` if any part of it is wrong."""
    payload = payload.strip()
    if len(payload) > MAX_PAYLOAD_LENGTH or any(is_refused(char) for char in payload):
        raise IdCardError
    parts = [unicodedata.normalize("NFC", part).strip() for part in payload.split("|")]
    if len(parts) < MIN_FIELDS:
        raise IdCardError
    id_number, old_id_number, full_name, birth, gender_text, address = parts[:MIN_FIELDS]
    issue = parts[MIN_FIELDS] if len(parts) > MIN_FIELDS else ""

    _require_digits(id_number, ID_NUMBER_LENGTH, errors.BAD_ID_NUMBER)
    date_of_birth = _card_date(birth, errors.BAD_BIRTH_DATE)
    gender = _GENDERS.get(gender_text.lower())
    if gender is None:
        raise IdCardError(errors.BAD_GENDER)
    try:
        check_id_number(id_number)
    except InvalidValue:
        raise IdCardError(errors.BAD_ID_NUMBER) from None
    try:
        check_id_number(id_number, birth_date=date_of_birth, gender=gender)
    except InvalidValue:
        raise IdCardError(errors.ID_NUMBER_MISMATCH) from None
    if old_id_number:
        _require_digits(old_id_number, OLD_ID_NUMBER_LENGTH, errors.BAD_OLD_ID_NUMBER)
    full_name = _checked(check_person_name, full_name, errors.BAD_NAME)
    address = _checked(_check_address, address, errors.BAD_ADDRESS)
    issue_date = _card_date(issue, errors.BAD_ISSUE_DATE) if issue else None
    if issue_date is not None and issue_date < date_of_birth:
        raise IdCardError(errors.BAD_ISSUE_DATE)
    return IdCard(
        id_number=id_number,
        old_id_number=old_id_number or None,
        full_name=full_name,
        date_of_birth=date_of_birth,
        gender=gender,
        address=address,
        issue_date=issue_date,
        extras=tuple(parts[MIN_FIELDS + 1 :]),
    )


def _require_digits(text: str, count: int, message: TrText) -> None:
    if not (len(text) == count and text.isascii() and text.isdigit()):
        raise IdCardError(message)


def _card_date(text: str, message: TrText) -> date:
    _require_digits(text, 8, message)
    try:
        return calendar_date(int(text[:2]), int(text[2:4]), int(text[4:]))
    except InvalidValue:
        raise IdCardError(message) from None


def _check_address(text: str) -> str:
    return check_text(text, max_length=MAX_ADDRESS_LENGTH)


def _checked(rule: Callable[[str], str], text: str, message: TrText) -> str:
    try:
        return rule(text)
    except InvalidValue:
        raise IdCardError(message) from None
