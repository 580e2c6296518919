"""Lease top-up: a kiosk keeps a block of server numbers in hand for each queue open today."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.db.models import NumberLease
from kiosk.services import KioskServices
from kiosk.sync.leases import BLOCK_SIZE, LOW_WATER
from tests.core.conftest import FakeClock
from tests.core.queue.conftest import set_queue
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import ProtocolDouble
from wire import protocol

MONDAY = date(2025, 3, 10)


def _held(kiosk: KioskServices) -> list[tuple[str, int, int, str]]:
    with kiosk.db.transaction() as session:
        rows = session.scalars(
            select(NumberLease).order_by(NumberLease.service_code, NumberLease.first_number)
        )
        return [(r.service_code, r.first_number, r.last_number, r.source) for r in rows]


def test_each_open_queue_gets_a_block_and_tickets_come_from_it(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert [(g.service_code, g.service_day, g.first, g.last) for g in report.leases] == [
        ("A", MONDAY, 1, BLOCK_SIZE),
        ("B", MONDAY, 1, BLOCK_SIZE),
        ("C", MONDAY, 1, BLOCK_SIZE),
    ]
    assert _held(enrolled) == [
        ("A", 1, BLOCK_SIZE, "server"),
        ("B", 1, BLOCK_SIZE, "server"),
        ("C", 1, BLOCK_SIZE, "server"),
    ]
    assert enrolled.tickets.issue("A").label == "A-001"
    # Enough in hand: the next pass asks for nothing.
    enrolled.sync.sync_once()
    assert len(double.requests_to("/v1/leases")) == 3


def test_a_queue_running_low_is_topped_up_alone(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    enrolled.sync.sync_once()
    for _ in range(BLOCK_SIZE - LOW_WATER + 1):
        enrolled.tickets.issue("B")
    assert enrolled.tickets.leases.remaining("B", MONDAY, shared_only=True) == LOW_WATER - 1

    report = enrolled.sync.sync_once()

    assert [(g.service_code, g.first, g.last) for g in report.leases] == [
        ("B", BLOCK_SIZE + 1, 2 * BLOCK_SIZE)
    ]
    request = protocol.decode(double.requests_to("/v1/leases")[-1].body, protocol.LeaseRequest)
    assert (request.service_code, request.service_day, request.size) == ("B", MONDAY, BLOCK_SIZE)


def test_queues_closed_for_the_day_get_nothing(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    set_queue(enrolled.db, "A", opening_hours={"tue": [["07:30", "11:30"]]})
    report = enrolled.sync.sync_once()
    assert [g.service_code for g in report.leases] == ["B", "C"]


def test_a_queue_the_server_has_no_numbers_for_does_not_stop_the_others(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    double.script(
        "POST",
        "/v1/leases",
        409,
        body=protocol.encode(protocol.ErrorBody(error="exhausted", message="no numbers left")),
    )
    report = enrolled.sync.sync_once()
    assert report.outcome == "ok"
    assert [g.service_code for g in report.leases] == ["B", "C"]


def test_an_overlapping_grant_is_never_merged(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    enrolled.sync.sync_once()
    for _ in range(BLOCK_SIZE):
        enrolled.tickets.issue("A")
    overlapping = protocol.Lease(service_code="A", service_day=MONDAY, first=40, last=89)
    double.script("POST", "/v1/leases", body=protocol.encode(overlapping))

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert _held(enrolled)[0] == ("A", 1, BLOCK_SIZE, "server")
    assert len(_held(enrolled)) == 3


def test_a_grant_for_another_queue_is_refused(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    wrong = protocol.Lease(service_code="Z", service_day=MONDAY, first=1, last=50)
    double.script("POST", "/v1/leases", body=protocol.encode(wrong))
    report = enrolled.sync.sync_once()
    assert report.outcome == "retry"
    assert _held(enrolled) == []


def test_a_kiosk_enrolled_without_the_setting_numbers_from_the_server_at_once(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    """Enrolled with ``--server`` and no ``server_url`` setting: the enrolled server is the
    kiosk's server, for leases and for the numbers the running kiosk takes."""
    kiosk = make_kiosk(server_url=None)
    assert kiosk.tickets.issue("A").label == "A-001"  # standalone until enrolled
    kiosk.sync.enrol(double.add_code(), server_url=double.url)
    # The standalone block keeps only the number it issued.
    assert _held(kiosk) == [("A", 1, 1, "standalone")]

    # The server's first block for A overlaps A-001 and is refused; the next pass takes
    # the following one. A numbers from it, never from a new standalone block.
    kiosk.sync.sync_once()
    assert kiosk.sync.sync_once().outcome == "ok"

    assert [row for row in _held(kiosk) if row[0] == "B"] == [("B", 1, BLOCK_SIZE, "server")]
    assert kiosk.tickets.issue("B").label == "B-001"
    assert kiosk.tickets.issue("A").label == f"A-{BLOCK_SIZE + 1:03d}"
    assert all(row[3] != "standalone" for row in _held(kiosk) if row[1] > 1)
