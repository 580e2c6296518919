"""Số thứ tự allocation through leases, so two kiosks never print the same number.

Numbers run per queue per local day (Asia/Ho_Chi_Minh) from 1 to 999 and are printed
``A-001``. A kiosk hands out numbers only from blocks it holds (``number_leases``),
oldest shared block first:

- **1–699, the shared range.** With a server, only the server grants blocks from it
  (:meth:`NumberLeases.add_block`, called by sync), so kiosks never overlap. A kiosk
  with no server configured is the centre's only allocator and takes blocks of
  :data:`STANDALONE_BLOCK` from it in order itself (source ``standalone``).
- **700–969, the offline bands.** Kiosk ``k`` (``settings.kiosk_number``, 1–9) owns
  ``700 + (k−1)·30`` … ``+29``: kiosk 1 has 700–729, kiosk 2 730–759 … kiosk 9
  940–969. It is used only when no shared block has numbers left, so the server's
  blocks can never collide with it and staff read "A-7xx and up" as "issued offline".
  When the band runs out too, issuing stops with a clear message (never a reuse).

A number moves from a lease to a ticket in the caller's transaction, so a rollback
gives it back and a commit records it: nothing is skipped without a ticket row.
See ``docs/queue-numbers.md``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.models import NumberLease
from kiosk.queue.errors import NumbersExhaustedError

SHARED_FIRST = 1
SHARED_LAST = 699
LOCAL_BAND_FIRST = 700
LOCAL_BAND_SIZE = 30
#: Numbers a kiosk without a server takes from the shared range at a time.
STANDALONE_BLOCK = 50
LeaseSource = str  # "server" | "local" | "standalone"
#: A label with its spaces and dash taken out: ``A012``.
_LABEL = re.compile(r"([A-Z]{1,4})([0-9]{1,3})")
#: What staff type between the letters and the digits: spaces, a dash, an en dash.
_SEPARATORS = re.compile(r"[\s\-\u2013]+")


def label(service_code: str, number: int) -> str:
    """What is printed and called out: ``A-001``, ``B-715``."""
    return f"{service_code}-{number:03d}"


def parse_label(text: str) -> tuple[str, int] | None:
    """``(service_code, number)`` of a label as staff type it, or ``None``.

    Staff read the number off the paper or hear it called: ``A-012``, ``A012``,
    ``a 12`` and ``A - 012`` all mean the same ticket. Case, spaces and the dash are
    forgiven; a queue code is 1–4 letters and a number 1–999.
    """
    match = _LABEL.fullmatch(_SEPARATORS.sub("", text).upper())
    if match is None:
        return None
    number = int(match.group(2))
    return (match.group(1), number) if number >= 1 else None


def local_band(kiosk_number: int) -> tuple[int, int]:
    """Kiosk ``k``'s offline band: 700–729 for kiosk 1 … 940–969 for kiosk 9."""
    if not 1 <= kiosk_number <= 9:
        raise ValueError(f"kiosk number must be 1-9, not {kiosk_number}")
    first = LOCAL_BAND_FIRST + (kiosk_number - 1) * LOCAL_BAND_SIZE
    return first, first + LOCAL_BAND_SIZE - 1


class NumberLeases:
    """The blocks this kiosk holds, and the one way a number is taken from them."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        kiosk_number: int,
        standalone: bool | Callable[[Session], bool],
    ) -> None:
        """``standalone``: whether the kiosk has no server, or how to ask in a
        transaction (a kiosk enrolled while running numbers from the server at once)."""
        self._db = db
        self._clock = clock
        self._band = local_band(kiosk_number)
        self._standalone = standalone

    @property
    def band(self) -> tuple[int, int]:
        return self._band

    def add_block(
        self, service_code: str, day: date, first: int, last: int, source: LeaseSource = "server"
    ) -> None:
        """Hold ``first``–``last`` for ``service_code`` on ``day`` (the server's grant).

        Raises ``ValueError`` for a block outside its range or overlapping one held:
        a second grant of the same numbers is a protocol bug, never silently merged.
        """
        with self._db.transaction() as session:
            self.add_block_in(session, service_code, day, first, last, source=source)

    def add_block_in(
        self,
        session: Session,
        service_code: str,
        day: date,
        first: int,
        last: int,
        *,
        source: LeaseSource = "server",
    ) -> NumberLease:
        if source in ("server", "standalone"):
            allowed = (SHARED_FIRST, SHARED_LAST)
        elif source == "local":
            allowed = self._band
        else:
            raise ValueError(f"unknown lease source {source!r}")
        if not allowed[0] <= first <= last <= allowed[1]:
            raise ValueError(f"{source} block {first}-{last} is outside {allowed[0]}-{allowed[1]}")
        overlapping = session.scalar(
            select(NumberLease.id).where(
                NumberLease.service_code == service_code,
                NumberLease.service_day == day,
                NumberLease.first_number <= last,
                NumberLease.last_number >= first,
            )
        )
        if overlapping is not None:
            raise ValueError(f"block {first}-{last} of {service_code} on {day} overlaps one held")
        lease = NumberLease(
            service_code=service_code,
            service_day=day,
            first_number=first,
            last_number=last,
            next_number=first,
            source=source,
            created_at=self._clock(),
        )
        session.add(lease)
        session.flush()
        return lease

    def retire_standalone_in(self, session: Session) -> None:
        """The kiosk now has a server: its own shared-range blocks end at the last number
        issued (an unused one goes), so every later number comes from the server's blocks
        and the record of what was printed stays."""
        for lease in session.scalars(select(NumberLease).where(NumberLease.source == "standalone")):
            if lease.next_number == lease.first_number:
                session.delete(lease)
            else:
                lease.last_number = lease.next_number - 1
        session.flush()

    def take(self, session: Session, service_code: str, day: date) -> int:
        """The next number for ``service_code`` on ``day``, inside the caller's transaction.

        Raises ``NumbersExhaustedError`` when every block and the offline band are used.
        """
        while True:
            lease = self._open_lease(session, service_code, day)
            if lease is not None:
                number = lease.next_number
                lease.next_number = number + 1
                session.flush()
                return number
            if not self._grow(session, service_code, day):
                raise NumbersExhaustedError(
                    code=service_code,
                    first=label(service_code, self._band[0]),
                    last=label(service_code, self._band[1]),
                )

    def remaining(self, service_code: str, day: date, *, shared_only: bool = False) -> int:
        """Numbers left in the blocks held; ``shared_only`` leaves the offline band out.

        Sync asks the server for a block when the shared numbers run low.
        """
        query = select(
            func.coalesce(func.sum(NumberLease.last_number + 1 - NumberLease.next_number), 0)
        ).where(NumberLease.service_code == service_code, NumberLease.service_day == day)
        if shared_only:
            query = query.where(NumberLease.source != "local")
        with self._db.transaction() as session:
            return int(session.scalar(query) or 0)

    def _open_lease(self, session: Session, service_code: str, day: date) -> NumberLease | None:
        # Shared blocks before the offline band: the band is the scarce emergency reserve.
        return session.scalars(
            select(NumberLease)
            .where(
                NumberLease.service_code == service_code,
                NumberLease.service_day == day,
                NumberLease.next_number <= NumberLease.last_number,
            )
            .order_by(
                case((NumberLease.source == "local", 1), else_=0),
                NumberLease.created_at,
                NumberLease.first_number,
            )
            .limit(1)
        ).first()

    def _grow(self, session: Session, service_code: str, day: date) -> bool:
        """Take one more block (standalone shared block, else the offline band)."""
        standalone = self._standalone
        if standalone if isinstance(standalone, bool) else standalone(session):
            highest = session.scalar(
                select(func.max(NumberLease.last_number)).where(
                    NumberLease.service_code == service_code,
                    NumberLease.service_day == day,
                    NumberLease.source != "local",
                )
            )
            first = (highest or 0) + 1
            if first <= SHARED_LAST:
                last = min(first + STANDALONE_BLOCK - 1, SHARED_LAST)
                self.add_block_in(session, service_code, day, first, last, source="standalone")
                return True
        has_band = session.scalar(
            select(NumberLease.id).where(
                NumberLease.service_code == service_code,
                NumberLease.service_day == day,
                NumberLease.source == "local",
            )
        )
        if has_band is None:
            self.add_block_in(session, service_code, day, *self._band, source="local")
            return True
        return False
