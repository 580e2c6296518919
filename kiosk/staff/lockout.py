"""How long the PIN pad stays locked after wrong PINs: longer each time, never for ever.

Every fifth wrong PIN in a row locks the pad of the whole kiosk: 5 wrong → 5 minutes,
10 → 30 minutes, 15 → 2 hours, 20 → 8 hours, and 25 or more → 24 hours each time. The
count goes on across locks and restarts (it lives in ``staff_lockout``) and starts
again only at a right PIN once the lock has run out, or when IT lifts it
(``python -m kiosk staff unlock``). Someone trying PINs at the pad thus gets 25
guesses in the first eleven hours and five a day after that, against the 960,000
six-digit PINs the rules allow; someone who locks the pad to keep staff out is undone
by IT's command, which needs no PIN because it needs the machine.
"""

from __future__ import annotations

from datetime import timedelta

#: Wrong PINs in a row before each lock.
ATTEMPTS_PER_LOCK = 5
#: The first lock, the second, ...; the last one repeats.
LOCK_STEPS = (
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
    timedelta(hours=24),
)


def lock_after(failures: int) -> timedelta | None:
    """How long the ``failures``-th wrong PIN in a row locks the pad; ``None``: not at all."""
    if failures <= 0 or failures % ATTEMPTS_PER_LOCK:
        return None
    step = failures // ATTEMPTS_PER_LOCK
    return LOCK_STEPS[min(step, len(LOCK_STEPS)) - 1]


def tries_left(failures: int) -> int:
    """Wrong PINs still allowed before the next lock."""
    return ATTEMPTS_PER_LOCK - failures % ATTEMPTS_PER_LOCK


def whole_minutes(length: timedelta) -> int:
    """``length`` in minutes, rounded up: a lock never ends later than it says."""
    seconds = int(length.total_seconds())
    return max(1, -(-seconds // 60))
