"""Sealed values this kiosk cannot open: counted for ``doctor``, removed on IT's word.

A value reads as ``Unreadable`` when the key that sealed it is gone (a wiped keyring,
a replaced key file) or when it was changed or moved from another row. Nothing removes
such rows by itself: a *wrong* key (the key file of another kiosk, a keyring of another
user) is put right by restoring the right one, after which every value opens again.
Once IT knows the key is lost for good, :func:`remove_unreadable` turns them into what
a purge leaves: a declaration or account keeps its reference, times and status, its personal
data becomes ``{}`` and it is stamped purged; an outbox entry not yet acknowledged is
closed as discarded (the server never had it, and never will from this kiosk).

The normal purge needs nothing of this: it blanks acknowledged rows whether their
values open or not, so only what the server never received waits for IT here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, Text, func, select, type_coerce
from sqlalchemy.orm import Session

from kiosk.crypto.cipher import SEALED_MARK
from kiosk.db.datakey import sealed_schema_columns
from kiosk.db.models import Account, Declaration, OutboxEntry
from kiosk.db.sealed import Unreadable

#: What a closed outbox entry says to staff; names the cause, never a value.
UNREADABLE_REASON = "unreadable on this kiosk: the data key that sealed it is lost"


@dataclass(frozen=True, slots=True)
class ColumnCensus:
    """One sealed column's values: how many open, how many are in clear, how many not."""

    #: ``table.column``.
    label: str
    opened: int = 0
    #: Stored before sealing and not sealed yet (the kiosk had no key so far).
    plain: int = 0
    #: Why values could not be opened → how many (``unknown_key``, ``tampered``...).
    unreadable: dict[str, int] = field(default_factory=dict)
    #: The keys named by values sealed with a key this kiosk does not have.
    missing_keys: tuple[str, ...] = ()

    @property
    def unreadable_count(self) -> int:
        return sum(self.unreadable.values())


@dataclass(frozen=True, slots=True)
class UnreadableRemoved:
    """What :func:`remove_unreadable` changed."""

    declarations: int = 0
    accounts: int = 0
    outbox_entries: int = 0

    @property
    def total(self) -> int:
        return self.declarations + self.accounts + self.outbox_entries


def census(engine: Engine) -> list[ColumnCensus]:
    """Every sealed column's values, opened one by one (for ``doctor``, not a hot path)."""
    found = []
    with engine.connect() as connection:
        for sealed in sealed_schema_columns():
            raw = type_coerce(sealed.column, Text)
            plain = connection.scalar(
                select(func.count())
                .select_from(sealed.table)
                .where(
                    sealed.column.is_not(None), func.substr(raw, 1, len(SEALED_MARK)) != SEALED_MARK
                )
            )
            problems: Counter[str] = Counter()
            keys: set[str] = set()
            opened = 0
            for value in connection.scalars(
                select(sealed.column).where(
                    sealed.column.is_not(None),
                    func.substr(raw, 1, len(SEALED_MARK)) == SEALED_MARK,
                )
            ):
                if isinstance(value, Unreadable):
                    problems[value.problem] += 1
                    if value.problem == "unknown_key" and value.key_id:
                        keys.add(value.key_id)
                else:
                    opened += 1
            # The table's own name, not the sealing label (which may be an older name).
            label = f"{sealed.table.name}.{sealed.column.name}"
            found.append(
                ColumnCensus(label, opened, int(plain or 0), dict(problems), tuple(sorted(keys)))
            )
    return found


def remove_unreadable(session: Session, now: datetime) -> UnreadableRemoved:
    """Blank every row whose sealed value cannot be opened, in ``session``'s transaction."""
    declarations = 0
    for declaration in session.scalars(select(Declaration)):
        if isinstance(declaration.answers, Unreadable):
            declaration.answers = {}
            declaration.purged_at = declaration.purged_at or now
            declarations += 1
    accounts = 0
    for account in session.scalars(select(Account)):
        if isinstance(account.data, Unreadable):
            account.data = {}
            account.purged_at = account.purged_at or now
            accounts += 1
    entries = 0
    for entry in session.scalars(select(OutboxEntry)):
        if not isinstance(entry.payload, Unreadable):
            continue
        entry.payload = {}
        if entry.acknowledged_at is None and entry.discarded_at is None:
            entry.rejected_at = entry.rejected_at or now
            entry.discarded_at = now
            entry.next_attempt_at = None
            entry.last_error = UNREADABLE_REASON
        entries += 1
    return UnreadableRemoved(declarations, accounts, entries)
