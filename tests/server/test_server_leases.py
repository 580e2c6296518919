"""Ticket-number leases: blocks in order, never overlapping, never granted twice; only
for the centre's queues and days, and at most a share of a queue's day per kiosk."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from server import publishing
from server.clock import centre_today, utc_now
from server.db.models import NumberLease
from server.leases import MAX_PER_KIOSK
from tests.server.conftest import Kiosk, LiveServer, ServerFactory
from tests.server.samples import BUNDLED_CATALOGUE

#: 23:30 in Hà Nội on 26 November 2026 (16:30 UTC): the centre's day is the 26th.
NOW = datetime(2026, 11, 26, 16, 30, tzinfo=UTC)
DAY = "2026-11-26"


@pytest.fixture
def at_night(server_factory: ServerFactory) -> LiveServer:
    """A server whose clock stands at :data:`NOW`."""
    return server_factory(clock=lambda: NOW)


@pytest.fixture
def kiosk(at_night: LiveServer) -> Kiosk:
    return at_night.enrol(at_night.create_centre(published=True))


def _lease(kiosk: Kiosk, size: int = 50, service: str = "A", day: str = DAY) -> Any:
    return kiosk.post("/v1/leases", {"service_code": service, "service_day": day, "size": size})


def test_blocks_follow_each_other_per_queue_and_day(kiosk: Kiosk) -> None:
    assert _lease(kiosk, 10).json() == {
        "service_code": "A",
        "service_day": DAY,
        "first": 1,
        "last": 10,
    }
    assert (_lease(kiosk, 5).json()["first"], _lease(kiosk, 5).json()["first"]) == (11, 16)
    assert _lease(kiosk, 5, service="B").json()["first"] == 1
    assert _lease(kiosk, 5, day="2026-11-27").json()["first"] == 1


def test_the_default_block_is_fifty(kiosk: Kiosk) -> None:
    answer = kiosk.post("/v1/leases", {"service_code": "C", "service_day": DAY})
    assert (answer.json()["first"], answer.json()["last"]) == (1, 50)


def test_the_last_block_is_what_is_left_then_the_range_is_exhausted(
    at_night: LiveServer, kiosk: Kiosk
) -> None:
    others = [at_night.enrol(kiosk.centre_id, kiosk_number=n) for n in (2, 3)]
    for requester in (kiosk, others[0], others[1]):
        assert _lease(requester, 200).status_code == 200
    last = _lease(kiosk, 200).json()
    assert (last["first"], last["last"]) == (601, 699)

    answer = _lease(others[1], 1)

    assert answer.status_code == 409
    assert answer.json()["error"] == "exhausted"


def test_one_kiosk_holds_at_most_its_share_of_a_queues_day(kiosk: Kiosk) -> None:
    granted = [_lease(kiosk, 200).json() for _ in range(2)]
    assert [(block["first"], block["last"]) for block in granted] == [
        (1, 200),
        (201, MAX_PER_KIOSK),  # what is left of the kiosk's share, not 200 more
    ]

    refused = _lease(kiosk, 1)

    assert refused.status_code == 409
    assert refused.json()["error"] == "exhausted"
    assert "share" in refused.json()["message"]
    assert _lease(kiosk, 10, service="B").json()["first"] == 1  # other queues: their own share
    assert _lease(kiosk, 10, day="2026-11-27").json()["first"] == 1


def test_a_queues_daily_limit_lowers_the_share(server: LiveServer, centre: uuid.UUID) -> None:
    catalogue, _ = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")
    with server.db.transaction() as session:  # the bundled queue B has a daily limit of 120
        publishing.publish_catalogue(session, centre, catalogue, now=utc_now())
    kiosk = server.enrol(centre)
    today = centre_today(utc_now()).isoformat()

    first = _lease(kiosk, 200, service="B", day=today).json()

    assert (first["first"], first["last"]) == (1, 120)
    assert _lease(kiosk, 1, service="B", day=today).status_code == 409


@pytest.mark.parametrize(
    ("service", "day", "reason"),
    [
        ("Z", DAY, "not in the centre's published catalogue"),
        ("A", "2026-11-24", "the centre's day is 2026-11-26"),
        ("A", "2026-11-28", "the centre's day is 2026-11-26"),
        ("A", "2020-01-01", "the centre's day is 2026-11-26"),
        ("A", "9999-12-31", "the centre's day is 2026-11-26"),
    ],
)
def test_a_lease_for_an_unknown_queue_or_another_day_is_refused(
    kiosk: Kiosk, service: str, day: str, reason: str
) -> None:
    answer = _lease(kiosk, 10, service=service, day=day)

    assert answer.status_code == 400
    assert answer.json()["error"] == "bad_request"
    assert reason in answer.json()["message"]


def test_the_days_around_the_centres_day_are_leased(kiosk: Kiosk) -> None:
    day = date.fromisoformat(DAY)
    for offset in (-1, 0, 1):
        answer = _lease(kiosk, 5, day=(day + timedelta(days=offset)).isoformat())
        assert answer.status_code == 200, answer.text


def test_a_centre_with_no_catalogue_leases_nothing(at_night: LiveServer) -> None:
    kiosk = at_night.enrol(at_night.create_centre())

    answer = _lease(kiosk, 5)

    assert answer.status_code == 400
    assert "not in the centre's published catalogue" in answer.json()["message"]


def test_two_kiosks_asking_at_once_never_get_the_same_numbers(
    at_night: LiveServer, kiosk: Kiosk
) -> None:
    second = at_night.enrol(kiosk.centre_id, kiosk_number=2)
    granted: list[tuple[int, int]] = []
    failures: list[str] = []
    guard = threading.Lock()
    start = threading.Barrier(8)

    def hammer(requester: Kiosk) -> None:
        start.wait()
        for _ in range(10):
            answer = _lease(requester, 7, service="D")
            with guard:
                if answer.status_code == 200:
                    granted.append((answer.json()["first"], answer.json()["last"]))
                else:
                    failures.append(answer.text)

    threads = [
        threading.Thread(target=hammer, args=(kiosk if n % 2 else second,)) for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    numbers = sorted(n for first, last in granted for n in range(first, last + 1))
    assert numbers == list(range(1, 8 * 10 * 7 + 1))  # every number once, no gap
    with at_night.db.transaction() as session:
        stored = session.scalars(
            select(NumberLease).where(
                NumberLease.centre_id == kiosk.centre_id, NumberLease.service_code == "D"
            )
        ).all()
        assert {lease.device_id for lease in stored} == {kiosk.device_id, second.device_id}
        assert len(stored) == 80


def test_a_lease_request_outside_the_protocol_is_refused(kiosk: Kiosk) -> None:
    for body in (
        {"service_code": "a", "service_day": DAY},
        {"service_code": "A", "service_day": DAY, "size": 0},
        {"service_code": "A", "service_day": DAY, "size": 201},
        {"service_code": "A", "service_day": "26/11/2026"},
        {"service_code": "A"},
    ):
        answer = kiosk.post("/v1/leases", body)
        assert answer.status_code == 400, body
        assert answer.json()["error"] == "bad_request"
