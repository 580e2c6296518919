"""A token bucket per kiosk (and per address for enrolment), kept in memory.

A kiosk syncs every few seconds at most; a loop gone wrong, or someone trying tokens
or enrolment codes, is slowed down before it reaches the database. Buckets live in
this process only: a restart forgives everyone, which is fine for a limit meant to
protect the server rather than to meter anyone.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: A kiosk in its normal rhythm makes a request every few seconds at most; the room
#: above that is for draining a backlog after a long outage (10 batches of 100 a
#: second = 1,000 entries/s), while a runaway device is still held back.
DEFAULT_PER_MINUTE = 600.0
DEFAULT_BURST = 60


@dataclass(frozen=True, slots=True)
class RateLimit:
    """``per_minute`` requests on average, up to ``burst`` at once."""

    per_minute: float = DEFAULT_PER_MINUTE
    burst: int = DEFAULT_BURST

    def __post_init__(self) -> None:
        if self.per_minute <= 0 or self.burst < 1:
            raise ValueError("a rate limit needs a positive rate and a burst of at least 1")


class RateLimiter:
    """``take(key)`` answers ``None`` (go ahead) or the seconds to wait."""

    def __init__(
        self,
        limit: RateLimit,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self._limit = limit
        self._refill_per_s = limit.per_minute / 60.0
        self._monotonic = monotonic
        self._max_keys = max_keys
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, at)
        self._guard = threading.Lock()

    def take(self, key: str) -> int | None:
        now = self._monotonic()
        with self._guard:
            tokens, at = self._buckets.get(key, (float(self._limit.burst), now))
            tokens = min(float(self._limit.burst), tokens + (now - at) * self._refill_per_s)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return max(1, math.ceil((1.0 - tokens) / self._refill_per_s))
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > self._max_keys:
                self._forget_full(now)
            return None

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled is the same as no bucket: drop those.
        full_after = self._limit.burst / self._refill_per_s
        self._buckets = {
            key: value for key, value in self._buckets.items() if now - value[1] < full_after
        }
