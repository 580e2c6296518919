"""Ticket numbers: per queue per local day, from leases, never shared between kiosks."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from kiosk.audit import AuditLog
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import NumberLease
from kiosk.queue.errors import NumbersExhaustedError
from kiosk.queue.numbering import SHARED_LAST, label, local_band
from kiosk.queue.tickets import TicketService
from kiosk.staff import StaffAccess
from tests.core.conftest import FakeClock
from tests.core.queue.conftest import ALL_DAY, set_queue

SERVER = "https://tthc.example.vn"
MONDAY = date(2025, 3, 10)


def test_first_tickets_of_the_day_are_001_002_per_queue(tickets: TicketService) -> None:
    first, second = tickets.issue("A"), tickets.issue("A")
    other = tickets.issue("B")
    assert [first.label, second.label, other.label] == ["A-001", "A-002", "B-001"]
    assert [first.people_ahead, second.people_ahead, other.people_ahead] == [0, 1, 0]
    assert first.service_day == MONDAY
    assert first.counters == (1, 2)
    assert first.print_status == "pending"


def test_labels_keep_three_digits_and_grow_past_them() -> None:
    assert label("A", 7) == "A-007"
    assert label("B", 715) == "B-715"
    assert local_band(1) == (700, 729)
    assert local_band(2) == (730, 759)
    assert local_band(9) == (940, 969)


def test_numbering_restarts_at_local_midnight_not_utc_midnight(
    db: Database, tickets: TicketService, clock: FakeClock
) -> None:
    set_queue(db, "A", opening_hours=ALL_DAY)
    # 06:58 in Hà Nội is 23:58 UTC the day before: the UTC date changes, the queue day not.
    clock.now = datetime(2025, 3, 9, 23, 58, tzinfo=UTC)
    before_utc_midnight = tickets.issue("A")
    clock.now = datetime(2025, 3, 10, 0, 1, tzinfo=UTC)
    after_utc_midnight = tickets.issue("A")
    assert before_utc_midnight.service_day == after_utc_midnight.service_day == MONDAY
    assert [before_utc_midnight.label, after_utc_midnight.label] == ["A-001", "A-002"]
    # 23:58 local (16:58 UTC) then 00:01 local: a new day, numbers start again.
    clock.now = datetime(2025, 3, 10, 16, 58, tzinfo=UTC)
    late = tickets.issue("A")
    clock.advance(timedelta(minutes=3))
    next_day = tickets.issue("A")
    assert late.label == "A-003"
    assert late.service_day == MONDAY
    assert next_day.label == "A-001"
    assert next_day.service_day == date(2025, 3, 11)
    assert next_day.people_ahead == 0


def test_a_kiosk_without_server_takes_shared_blocks_of_fifty_in_order(
    db: Database, tickets: TicketService
) -> None:
    set_queue(db, "C", daily_limit=None)
    numbers = [tickets.issue("C").number for _ in range(52)]
    assert numbers == list(range(1, 53))
    with db.transaction() as session:
        blocks = session.execute(
            select(NumberLease.first_number, NumberLease.last_number, NumberLease.source).order_by(
                NumberLease.first_number
            )
        ).all()
    assert [tuple(b) for b in blocks] == [(1, 50, "standalone"), (51, 100, "standalone")]


def test_exhausted_blocks_move_to_the_next_then_the_offline_band_then_stop(
    db: Database, make_tickets: Callable[..., TicketService]
) -> None:
    tickets = make_tickets(server_url=SERVER, kiosk_number=2)
    tickets.leases.add_block("A", MONDAY, 1, 3)
    tickets.leases.add_block("A", MONDAY, 10, 11)
    labels = [tickets.issue("A").label for _ in range(5)]
    assert labels == ["A-001", "A-002", "A-003", "A-010", "A-011"]
    # No block left and the server unreachable: kiosk 2's own band, 730-759.
    offline = [tickets.issue("A").number for _ in range(30)]
    assert offline == list(range(730, 760))
    with pytest.raises(NumbersExhaustedError) as raised:
        tickets.issue("A")
    assert raised.value.message.render().startswith("Máy này tạm hết số thứ tự")
    # The band is for staff and the log, not for the citizen.
    assert "A-730" not in raised.value.message.render()
    assert (raised.value.first, raised.value.last) == ("A-730", "A-759")
    assert "A-730" in str(raised.value)
    # A block granted later is used before anything else: issuing resumes.
    tickets.leases.add_block("A", MONDAY, 20, 20)
    assert tickets.issue("A").label == "A-020"


def test_shared_blocks_are_used_before_the_offline_band(
    make_tickets: Callable[..., TicketService],
) -> None:
    tickets = make_tickets(server_url=SERVER)
    assert tickets.issue("B").number == 700  # offline from the start
    tickets.leases.add_block("B", MONDAY, 41, 50)
    assert [tickets.issue("B").number for _ in range(2)] == [41, 42]


def test_blocks_outside_their_range_or_overlapping_are_refused(tickets: TicketService) -> None:
    tickets.leases.add_block("A", MONDAY, 1, 20)
    with pytest.raises(ValueError, match="overlaps"):
        tickets.leases.add_block("A", MONDAY, 20, 30)
    with pytest.raises(ValueError, match="outside"):
        tickets.leases.add_block("A", MONDAY, 690, SHARED_LAST + 1)
    with pytest.raises(ValueError, match="outside"):
        tickets.leases.add_block("A", MONDAY, 760, 789, source="local")  # not kiosk 1's band
    tickets.leases.add_block("A", date(2025, 3, 11), 1, 20)  # another day is another range


class FakeServer:
    """The centre's allocator: hands disjoint blocks of the shared range to kiosks."""

    def __init__(self, size: int) -> None:
        self._next: dict[str, int] = {}
        self._size = size

    def grant(self, service: str) -> tuple[int, int]:
        first = self._next.get(service, 1)
        self._next[service] = first + self._size
        return first, first + self._size - 1


def test_two_kiosks_never_print_the_same_number(
    open_databases: Callable[[str], Database], clock: FakeClock
) -> None:
    server = FakeServer(size=7)
    kiosks = []
    for number in (1, 2):
        database = open_databases(f"kiosk-{number}")
        set_queue(database, "C", daily_limit=None)
        settings = Settings(server_url=SERVER, kiosk_number=number, kiosk_name=f"KIOSK-0{number}")
        audit = AuditLog(database, clock)
        staff = StaffAccess(database, audit, clock)
        kiosks.append(TicketService(database, audit, clock, settings, staff=staff))
    labels: list[str] = []
    sources: set[int] = set()
    for step, kiosk_index in zip(range(260), itertools.cycle((0, 1, 1, 0, 0)), strict=False):
        kiosk = kiosks[kiosk_index]
        # Each kiosk is offline now and then (no grant); its band covers the gap.
        offline = (kiosk_index == 0 and 40 <= step < 80) or (kiosk_index == 1 and 150 <= step < 190)
        if not offline and kiosk.leases.remaining("C", MONDAY, shared_only=True) == 0:
            first, last = server.grant("C")
            kiosk.leases.add_block("C", MONDAY, first, last)
        ticket = kiosk.issue("C")
        labels.append(ticket.label)
        sources.add(ticket.number // 100)
        clock.advance(timedelta(seconds=20))
    assert len(labels) == len(set(labels)) == 260
    assert any(n >= 7 for n in sources), "the offline bands were exercised"
    assert any(n < 7 for n in sources)
