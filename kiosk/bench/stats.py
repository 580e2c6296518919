"""The one summary every benchmark reports a metric with."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def summarise(samples: Sequence[float]) -> dict[str, float | int]:
    """p50, p95 (nearest rank), max and n of ``samples``, rounded for reading."""
    if not samples:
        raise ValueError("a metric needs at least one sample")
    ordered = sorted(samples)
    rank95 = -(-95 * len(ordered) // 100) - 1  # nearest rank: ceil(0.95 n), 1-based
    return {
        "p50": round(statistics.median(ordered), 3),
        "p95": round(ordered[rank95], 3),
        "max": round(ordered[-1], 3),
        "n": len(ordered),
    }
