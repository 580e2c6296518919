"""Benchmarks print the agreed JSON shape; their figures are read, never asserted."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kiosk.bench.stats import summarise
from kiosk.paths import PROJECT_ROOT


def test_summary_of_samples() -> None:
    assert summarise([5.0, 1.0, 3.0]) == {"p50": 3.0, "p95": 5.0, "max": 5.0, "n": 3}
    twenty = summarise([float(i) for i in range(1, 21)])
    assert twenty["p95"] == 19.0
    with pytest.raises(ValueError, match="at least one sample"):
        summarise([])


@pytest.mark.slow
def test_startup_benchmark_reports_kiosk_and_baseline() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "bench", "startup", "--runs", "1", "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bench"] == "startup"
    metrics = report["results"]
    assert {"startup_ms", "baseline_bare_window_startup_ms"} <= metrics.keys()
    for name, summary in metrics.items():
        assert name.endswith(("_ms", "_per_s", "_bytes", "_mb"))
        assert summary["n"] == 1
        assert 0 < summary["p50"] <= summary["max"]
