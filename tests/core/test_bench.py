"""Benchmarks print the agreed JSON shape; their figures are read, never asserted."""

from __future__ import annotations

import pytest

from kiosk.bench.stats import summarise
from tests.core.bench_report import run_bench


def test_summary_of_samples() -> None:
    assert summarise([5.0, 1.0, 3.0]) == {"p50": 3.0, "p95": 5.0, "max": 5.0, "n": 3}
    twenty = summarise([float(i) for i in range(1, 21)])
    assert twenty["p95"] == 19.0
    with pytest.raises(ValueError, match="at least one sample"):
        summarise([])


@pytest.mark.slow
def test_startup_benchmark_reports_kiosk_baseline_and_a_walk_through_every_screen() -> None:
    metrics = run_bench("startup", "--runs", "1", "--size", "120", timeout=300).metrics
    assert {"startup_ms", "baseline_bare_window_startup_ms"} <= metrics.keys()
    # The walk's figures, with the bundled catalogue and with 120 procedures.
    assert {
        "journey_peak_rss_mb",
        "journey_after_visit_rss_mb",
        "journey_peak_rss_120_procedures_mb",
        "journey_after_visit_rss_120_procedures_mb",
    } <= metrics.keys()
    for summary in metrics.values():
        assert summary["n"] == 1
        assert summary["p50"] > 0
