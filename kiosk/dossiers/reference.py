"""Dossier references: ``HS-<kiosk number>-<yymmdd>-<sequence>``, e.g. ``HS-1-261126-0007``.

The reference is what the receipt prints, the QR code carries and staff type, so it is
short and readable aloud. It must be unique across the centre without asking the
server (the kiosk works offline): the kiosk number is unique within a centre, the day
is the centre's local day (``LOCAL_TZ``), and the sequence counts this kiosk's dossiers
of that day in its own database, inside the submitting transaction. That transaction
starts with ``BEGIN IMMEDIATE``, so two submissions on one kiosk never read the same
last number; the ``UNIQUE`` constraint on ``dossiers.reference`` is the backstop.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db.models import Dossier

PREFIX = "HS"
#: At least four digits: a busy kiosk files a few hundred dossiers a day.
SEQUENCE_DIGITS = 4


def day_prefix(kiosk_number: int, day: date) -> str:
    """What every reference of this kiosk and day starts with: ``HS-1-261126-``."""
    return f"{PREFIX}-{kiosk_number}-{day:%y%m%d}-"


def format_reference(kiosk_number: int, day: date, sequence: int) -> str:
    return f"{day_prefix(kiosk_number, day)}{sequence:0{SEQUENCE_DIGITS}d}"


def normalise_reference(text: str) -> str:
    """A reference as staff may type it (spaces, lower case) in its stored form."""
    return "".join(text.split()).upper()


def next_reference(session: Session, kiosk_number: int, day: date) -> str:
    """The next free reference of ``day``; call inside the transaction that inserts it."""
    prefix = day_prefix(kiosk_number, day)
    # A range on the unique index rather than LIKE (which SQLite cannot serve from a
    # case-sensitive index); "." sorts right after "-", so it bounds the day's prefix.
    newest = session.scalar(
        select(Dossier.reference)
        .where(Dossier.reference > prefix, Dossier.reference < prefix[:-1] + ".")
        # Longest first: sequence 10000 sorts after 9999 although "1" < "9".
        .order_by(func.length(Dossier.reference).desc(), Dossier.reference.desc())
        .limit(1)
    )
    sequence = 1 if newest is None else int(newest.removeprefix(prefix)) + 1
    return format_reference(kiosk_number, day, sequence)
