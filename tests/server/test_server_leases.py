"""Ticket-number leases: blocks in order, never overlapping, never granted twice."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from sqlalchemy import select

from server.db.models import NumberLease
from tests.server.conftest import Kiosk, LiveServer

DAY = date(2026, 11, 26).isoformat()


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


def test_the_last_block_is_what_is_left_then_the_range_is_exhausted(kiosk: Kiosk) -> None:
    for _ in range(3):
        assert _lease(kiosk, 200).status_code == 200
    last = _lease(kiosk, 200).json()
    assert (last["first"], last["last"]) == (601, 699)

    answer = _lease(kiosk, 1)

    assert answer.status_code == 409
    assert answer.json()["error"] == "exhausted"


def test_two_kiosks_asking_at_once_never_get_the_same_numbers(
    server: LiveServer, kiosk: Kiosk
) -> None:
    second = server.enrol(kiosk.centre_id, kiosk_number=2)
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
    with server.db.transaction() as session:
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
