"""Mã tờ khai: ``TK-<kiosk number>-<yymmdd>-<sequence>``, e.g. ``TK-1-261126-0007``.

The reference is what the slip prints, the QR code carries and staff type, so it is
short and readable aloud. It must be unique across the centre without asking the
server (the kiosk works offline): the kiosk number is unique within a centre, the day
is the centre's local day (``LOCAL_TZ``), and the sequence counts this kiosk's
declarations of that day in its own database, inside the submitting transaction. That
transaction starts with ``BEGIN IMMEDIATE``, so two submissions on one kiosk never read
the same last number; the ``UNIQUE`` constraint on ``declarations.reference`` is the
backstop.

"TK" (tờ khai) and not "HS" (hồ sơ): the counter gives the dossier its own mã hồ sơ
in the province's system, and a second "mã hồ sơ" from the kiosk would be mistaken
for it. Declarations filed before the change keep their ``HS-…`` references, which
stay valid wherever a reference is typed or scanned: a stored reference is looked up
as it is, whatever its prefix. The day's sequence counts both prefixes, so on the day
a kiosk is updated ``TK-1-261126-0008`` follows ``HS-1-261126-0007`` and no two
references of a kiosk and day share a number.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Declaration

PREFIX = "TK"
#: Prefixes of references made by older versions, still accepted everywhere.
LEGACY_PREFIXES = ("HS",)
#: Every prefix a stored reference may have, the current one first.
PREFIXES = (PREFIX, *LEGACY_PREFIXES)
#: At least four digits: a busy kiosk files a few hundred declarations a day.
SEQUENCE_DIGITS = 4


def day_prefix(kiosk_number: int, day: date, prefix: str = PREFIX) -> str:
    """What every reference of this kiosk and day starts with: ``TK-1-261126-``."""
    return f"{prefix}-{kiosk_number}-{day:%y%m%d}-"


def format_reference(kiosk_number: int, day: date, sequence: int) -> str:
    return f"{day_prefix(kiosk_number, day)}{sequence:0{SEQUENCE_DIGITS}d}"


def normalise_reference(text: str) -> str:
    """A reference as staff may type it (spaces, lower case) in its stored form."""
    return "".join(text.split()).upper()


def next_reference(session: Session, kiosk_number: int, day: date) -> str:
    """The next free reference of ``day``; call inside the transaction that inserts it."""
    newest = 0
    for prefix in PREFIXES:
        start = day_prefix(kiosk_number, day, prefix)
        # A range on the unique index rather than LIKE (which SQLite cannot serve from a
        # case-sensitive index); "." sorts right after "-", so it bounds the day's prefix.
        found = session.scalar(
            select(Declaration.reference)
            .where(Declaration.reference > start, Declaration.reference < start[:-1] + ".")
            # Longest first: sequence 10000 sorts after 9999 although "1" < "9".
            .order_by(func.length(Declaration.reference).desc(), Declaration.reference.desc())
            .limit(1)
        )
        if found is not None:
            newest = max(newest, int(found.removeprefix(start)))
    return format_reference(kiosk_number, day, newest + 1)
