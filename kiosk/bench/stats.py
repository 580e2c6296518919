"""The one summary every benchmark reports a metric with."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def summarise(samples: Sequence[float]) -> dict[str, float | int]:
    """p50, p95 (nearest rank), max and n of ``samples``, rounded for reading."""
    if not samples:
        raise ValueError("a metric needs at least one sample")
    ordered = sorted(samples)
    rank95 = max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))
    return {
        "p50": round(statistics.median(ordered), 3),
        "p95": round(ordered[rank95], 3),
        "max": round(ordered[-1], 3),
        "n": len(ordered),
    }
