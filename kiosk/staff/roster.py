"""Staff members: who they are, how IT names them, and the PINs they may not share.

A member is a name (shown on the staff screen, written into the audit log) and an
optional short code (``CB01``) that IT may type instead of a name. Both are unique,
ignoring case, and neither may be the other member's: ``staff remove CB01`` must
mean one member only. A kiosk from before staff had names carries its one PIN over
as the unnamed member, called just "Cán bộ" (migration 0007), whom the audit log
names ``staff`` as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.audit.actors import UNNAMED_MEMBER, member_actor
from kiosk.db.models import STAFF_CODE_LENGTH, STAFF_NAME_LENGTH, StaffMemberRecord
from kiosk.errors import (
    InvalidStaffCodeError,
    InvalidStaffNameError,
    PinInUseError,
    StaffMemberExistsError,
    StaffMemberNeededError,
    StaffMemberNotFoundError,
)
from kiosk.staff.pin import verify_pin

#: The unnamed member: the single PIN of older kiosks, and the one ``staff set-pin`` adds
#: on a new kiosk. Audited as plain ``staff`` (``kiosk.audit.actors``).
DEFAULT_NAME = UNNAMED_MEMBER

_CODE = re.compile(rf"[A-Z0-9]{{1,{STAFF_CODE_LENGTH}}}")


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A member as IT lists them: never the PIN, nor its hash."""

    name: str
    code: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def actor(self) -> str:
        """Who the audit log names for what this member does."""
        return member_actor(self.name)


def clean_name(text: str) -> str:
    """``text`` as a member's name: NFC, runs of spaces made one, trimmed.

    Raises ``InvalidStaffNameError`` when nothing is left, it is too long, it has no
    letter, or it holds control or formatting characters (which would hide in the
    audit log).
    """
    name = " ".join(unicodedata.normalize("NFC", text).split())
    if (
        not name
        or len(name) > STAFF_NAME_LENGTH
        or not any(char.isalpha() for char in name)
        or any(unicodedata.category(char).startswith("C") for char in name)
    ):
        raise InvalidStaffNameError(limit=STAFF_NAME_LENGTH)
    return name


def clean_code(text: str | None) -> str | None:
    """``text`` as a member's code (upper case), or ``None`` when none is given.

    Raises ``InvalidStaffCodeError`` unless it is 1–8 unaccented letters or digits.
    """
    if text is None or not text.strip():
        return None
    code = text.strip().upper()
    if not _CODE.fullmatch(code):
        raise InvalidStaffCodeError(limit=STAFF_CODE_LENGTH)
    return code


def members(session: Session) -> list[StaffMemberRecord]:
    """Every member, by name."""
    return list(session.scalars(select(StaffMemberRecord).order_by(StaffMemberRecord.name)))


def find(session: Session, who: str | None) -> StaffMemberRecord:
    """The member ``who`` names (a name or a code, any case); with ``who=None`` the
    kiosk's only member.

    Raises ``StaffMemberNotFoundError``, or ``StaffMemberNeededError`` when ``who`` is
    ``None`` and the kiosk has several members.
    """
    rows = members(session)
    if who is None:
        if len(rows) > 1:
            raise StaffMemberNeededError()
        if not rows:
            raise StaffMemberNotFoundError()
        return rows[0]
    key = _key(" ".join(unicodedata.normalize("NFC", who).split()))
    for row in rows:
        if key in _keys(row):
            return row
    raise StaffMemberNotFoundError()


def check_new_identity(rows: Iterable[StaffMemberRecord], name: str, code: str | None) -> None:
    """Raise ``StaffMemberExistsError`` when ``name`` or ``code`` names a member already."""
    taken = {key for row in rows for key in _keys(row)}
    wanted = {_key(name)} | ({_key(code)} if code else set())
    if taken & wanted:
        raise StaffMemberExistsError()


def check_pin_unused(
    pin: str, rows: Iterable[StaffMemberRecord], *, besides: StaffMemberRecord | None = None
) -> None:
    """Raise ``PinInUseError`` when another member's PIN is ``pin``.

    Each check costs a hash, so this is linear in the staff; a centre has tens of them.
    """
    for row in rows:
        if row is not besides and verify_pin(pin, row.pin_hash):
            raise PinInUseError()


def as_member(row: StaffMemberRecord) -> StaffMember:
    return StaffMember(row.name, row.code, row.created_at, row.updated_at)


def _keys(row: StaffMemberRecord) -> set[str]:
    return {_key(row.name)} | ({_key(row.code)} if row.code else set())


def _key(text: str) -> str:
    return text.casefold()
