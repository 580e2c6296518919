"""How long to wait before trying the server again.

Exponential back-off with *full jitter* (a random wait between zero and the capped
exponential): after a power cut every kiosk of a centre comes back at once, and
spreading their retries keeps them from knocking on the server in step. A server's
own ``Retry-After`` always wins over the kiosk's guess.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

#: The longest a server's ``Retry-After`` may hold a kiosk back.
MAX_RETRY_AFTER_S = 3600.0


class Backoff:
    """Waits of ``uniform(0, min(cap, base · 2^failures))`` seconds.

    ``rng`` is injectable so tests can pin the randomness or check the bounds.
    """

    def __init__(
        self, base_s: float = 2.0, cap_s: float = 300.0, rng: random.Random | None = None
    ) -> None:
        if base_s <= 0 or cap_s < base_s:
            raise ValueError("back-off needs 0 < base <= cap")
        self.base_s = base_s
        self.cap_s = cap_s
        self._rng = rng or random.Random()

    def ceiling(self, failures: int) -> float:
        """The longest wait after ``failures`` consecutive failures (1 = the first)."""
        exponent = max(0, failures - 1)
        # Past 2**30 the cap has long been reached; avoid huge floats.
        return min(self.cap_s, self.base_s * 2.0 ** min(exponent, 30))

    def delay(self, failures: int) -> float:
        return self._rng.uniform(0.0, self.ceiling(failures))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date).

    ``None`` when absent or unreadable; clamped to ``0 … MAX_RETRY_AFTER_S`` so a
    wrong server clock cannot park a kiosk for days.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        seconds = float(text)
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)
