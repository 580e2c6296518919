"""The QR code of a căn cước card, as the cards citizens really carry spell it.

A keyboard-wedge scanner types its content like a keyboard would: fields separated
by ``|`` — số định danh cá nhân (12 digits), old ID number (the 9-digit CMND, a
12-digit CMND of 2012–2016, or empty), full name, date of birth ``ddmmyyyy``, gender
("Nam"/"Nữ"), address, issue date ``ddmmyyyy`` (may be empty or missing); newer cards
may add fields after these, which are kept as they are.

Two generations of card carry this code:

- the **CCCD gắn chip** (issued 2021 – 30/6/2024), QR on the front; its address is the
  *nơi thường trú*;
- the **thẻ căn cước** (issued from 1/7/2024, mẫu TT 16/2024/TT-BCA), QR on the back;
  its address is the *nơi cư trú*, which may be a temporary residence.

The issue date tells them apart (no issue date: unknown).

What is read is kept when it can be used, and marked when it needs the citizen's eye:

- an old-ID field that is neither 9 nor 12 digits is ignored (no form needs it);
- a birth date whose day, or day and month, is unknown (``00001945``, ``1945``,
  ``00031945``) is kept as a :class:`~kiosk.idcard.partial_date.PartialDate`;
- a scanner that drops Vietnamese letters (HID keyboards under Linux) types "Nu" for
  "Nữ": the gender is restored; the name and the address cannot be, so they are kept
  as typed and flagged (:attr:`IdCard.accents_lost`);
- a name or an address that cannot be read at all (a scanner's "?" in a name) is left
  out, the rest of the card is used;
- an unreadable issue date is left out.

What is truly wrong refuses the whole card, since half of a wrong card in a form is
worse than none: an ID number whose century, year or gender digit contradicts the
card's birth year or gender, an ID number with no province, an issue date before the
birth or after today (the kiosk's clock), a birth date after today. A code that
cannot be read as a card at all (too few fields, no ID number, a gender or birth date
that is no date) is refused with advice to scan again or type.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from kiosk.idcard import errors
from kiosk.idcard.errors import IdCardError
from kiosk.idcard.partial_date import PartialDate
from kiosk.text.folding import fold, strip_marks
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
from wire.validation.dates import EARLIEST_YEAR

#: Far longer than any card's code; a longer text is not one.
MAX_PAYLOAD_LENGTH: Final = 2_000
#: ID number, old ID number, name, birth date, gender, address (issue date optional).
MIN_FIELDS: Final = 6
#: The first day of the thẻ căn cước (Luật Căn cước 2023): QR on the back, "Nơi cư trú".
CAN_CUOC_FROM: Final = date(2024, 7, 1)
#: Old ID numbers worth keeping: the 9-digit CMND, and the 12-digit CMND of 2012–2016.
_OLD_ID_LENGTHS: Final = frozenset({OLD_ID_NUMBER_LENGTH, ID_NUMBER_LENGTH})
#: Gender as typed, lower-cased and without marks ("Nữ", "NU", "Nu" → "nu"); a lone "N"
#: is "Nữ" whose "ữ" a scanner dropped ("Nam" has no letter to lose).
_GENDERS: Final[dict[str, Gender]] = {"nam": "nam", "nu": "nu", "n": "nu"}


class CardKind(enum.StrEnum):
    """Which card generation printed the code, as far as its issue date tells."""

    CCCD_CHIP = "cccd_chip"
    CAN_CUOC = "can_cuoc"
    UNKNOWN = "unknown"


#: Who issues each generation (the code itself names no issuer).
ISSUERS: Final[dict[CardKind, str]] = {
    CardKind.CCCD_CHIP: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    CardKind.CAN_CUOC: "Bộ Công an",
}


@dataclass(frozen=True, slots=True, repr=False)
class IdCard:
    """What the code says, checked and normalised (texts NFC, single spaces)."""

    id_number: str
    #: A 9- or 12-digit old number; ``None`` when empty or not a number of either length.
    old_id_number: str | None
    #: ``None``: the name could not be read on this scan (the rest of the card could).
    full_name: str | None
    date_of_birth: PartialDate
    gender: Gender
    #: ``None``: the address could not be read on this scan.
    address: str | None
    issue_date: date | None
    #: Fields after the issue date, trimmed, in order.
    extras: tuple[str, ...] = ()
    #: The scanner typed no letter beyond ASCII: the name and address may lack their
    #: accents ("Nguyen Thi Anh"), which cannot be restored.
    accents_lost: bool = False

    def __repr__(self) -> str:
        # A card is personal data: its repr may end up in a log or a traceback.
        return "IdCard(<personal data hidden>)"

    @property
    def kind(self) -> CardKind:
        if self.issue_date is None:
            return CardKind.UNKNOWN
        return CardKind.CAN_CUOC if self.issue_date >= CAN_CUOC_FROM else CardKind.CCCD_CHIP

    @property
    def address_is_permanent(self) -> bool:
        """Whether the address is the *nơi thường trú* (a CCCD gắn chip prints that);
        the thẻ căn cước prints the *nơi cư trú*, which may be a temporary one."""
        return self.kind == CardKind.CCCD_CHIP

    @property
    def issuer(self) -> str | None:
        """The authority that issued this generation of card (LLTP's "Nơi cấp")."""
        return ISSUERS.get(self.kind)

    @property
    def name_may_lack_accents(self) -> bool:
        return self.accents_lost and self.full_name is not None

    @property
    def address_may_lack_accents(self) -> bool:
        return self.accents_lost and self.address is not None


def looks_like_payload(text: str) -> bool:
    """Whether ``text`` may be a card's code: 6+ fields, the first one 12 digits.

    Cheap enough to run on every burst of keys a scanner types; :func:`parse` decides.
    """
    if len(text) > MAX_PAYLOAD_LENGTH or text.count("|") < MIN_FIELDS - 1:
        return False
    first = text.split("|", 1)[0].strip()
    return len(first) == ID_NUMBER_LENGTH and first.isascii() and first.isdigit()


def parse(payload: str, *, today: date | None = None) -> IdCard:
    """The card the code describes; :class:`IdCardError` when it cannot be used.

    ``today`` is the kiosk's day (its clock, which tests fix): no card is issued, and
    nobody born, after it. Without it, the computer's local day.
    """
    today = today or date.today()
    payload = payload.strip()
    if len(payload) > MAX_PAYLOAD_LENGTH or any(is_refused(char) for char in payload):
        raise IdCardError
    parts = [unicodedata.normalize("NFC", part).strip() for part in payload.split("|")]
    if len(parts) < MIN_FIELDS:
        raise IdCardError
    id_number, old_id_number, full_name, birth, gender_text, address = parts[:MIN_FIELDS]
    issue = parts[MIN_FIELDS] if len(parts) > MIN_FIELDS else ""

    if not _is_digits(id_number, ID_NUMBER_LENGTH):
        raise IdCardError
    date_of_birth = _birth_date(birth)
    gender = _GENDERS.get(strip_marks(fold(gender_text)))
    if gender is None:
        raise IdCardError
    try:
        check_id_number(id_number)
    except InvalidValue:
        raise IdCardError(errors.BAD_ID_NUMBER) from None
    try:
        check_id_number(id_number, birth_date=date_of_birth.earliest, gender=gender)
    except InvalidValue:
        raise IdCardError(errors.MISMATCH) from None
    issue_date = _card_date(issue)
    if date_of_birth.earliest > today or (issue_date is not None and issue_date > today):
        raise IdCardError(errors.FUTURE_DATE)
    if issue_date is not None and issue_date < date_of_birth.earliest:
        raise IdCardError(errors.MISMATCH)
    return IdCard(
        id_number=id_number,
        old_id_number=old_id_number if _is_old_id(old_id_number) else None,
        full_name=_readable(check_person_name, full_name),
        date_of_birth=date_of_birth,
        gender=gender,
        address=_readable(_check_address, address),
        issue_date=issue_date,
        extras=tuple(parts[MIN_FIELDS + 1 :]),
        accents_lost=payload.isascii(),
    )


def _is_digits(text: str, count: int) -> bool:
    return len(text) == count and text.isascii() and text.isdigit()


def _is_old_id(text: str) -> bool:
    return len(text) in _OLD_ID_LENGTHS and text.isascii() and text.isdigit()


def _birth_date(text: str) -> PartialDate:
    """``ddmmyyyy``, with ``00`` for an unknown day (and month), or ``yyyy`` alone."""
    if _is_digits(text, 4):
        day, month, year = 0, 0, int(text)
    elif _is_digits(text, 8):
        day, month, year = int(text[:2]), int(text[2:4]), int(text[4:])
    else:
        raise IdCardError
    if year < EARLIEST_YEAR or (day and not month):
        raise IdCardError
    try:
        return PartialDate(year, month or None, day or None)
    except ValueError:
        raise IdCardError from None


def _card_date(text: str) -> date | None:
    """The issue date; ``None`` when the card has none or it cannot be read (it fills
    one field of one form, and is not worth refusing a card over)."""
    if not _is_digits(text, 8):
        return None
    try:
        return calendar_date(int(text[:2]), int(text[2:4]), int(text[4:]))
    except InvalidValue:
        return None


def _check_address(text: str) -> str:
    return check_text(text, max_length=MAX_ADDRESS_LENGTH)


def _readable(rule: Callable[[str], str], text: str) -> str | None:
    """``text`` as ``rule`` normalises it, or ``None`` when the rule refuses it."""
    try:
        return rule(text)
    except InvalidValue:
        return None
