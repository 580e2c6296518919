"""Back-off: exponential, capped, fully jittered; ``Retry-After`` read as the server meant it."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from kiosk.sync.backoff import MAX_RETRY_AFTER_S, Backoff, parse_retry_after

NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)


def test_jitter_stays_within_the_capped_exponential() -> None:
    backoff = Backoff(base_s=2.0, cap_s=300.0, rng=random.Random(1))
    assert [backoff.ceiling(n) for n in (1, 2, 3, 4, 8, 9, 50, 10_000)] == [
        2.0,
        4.0,
        8.0,
        16.0,
        256.0,
        300.0,
        300.0,
        300.0,
    ]
    for failures in range(1, 40):
        draws = [backoff.delay(failures) for _ in range(200)]
        assert all(0.0 <= d <= backoff.ceiling(failures) for d in draws)
    # Full jitter spreads kiosks over the whole range, not just near its top.
    late = [backoff.delay(20) for _ in range(2000)]
    assert min(late) < 30.0
    assert max(late) > 270.0


def test_a_backoff_must_grow_from_a_positive_base() -> None:
    with pytest.raises(ValueError, match="base"):
        Backoff(base_s=0.0)
    with pytest.raises(ValueError, match="base"):
        Backoff(base_s=10.0, cap_s=5.0)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        (format_datetime(NOW + timedelta(minutes=2), usegmt=True), 120.0),
        (format_datetime(NOW - timedelta(minutes=2), usegmt=True), 0.0),
        ("999999", MAX_RETRY_AFTER_S),
        (None, None),
        ("", None),
        ("soon", None),
        ("-5", None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds
