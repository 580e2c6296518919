"""Running ``python -m kiosk bench NAME --json`` as a test: the shape every benchmark
prints is checked (one object, metrics named with their unit, p50/p95/max/n), the
figures themselves never are."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from kiosk.paths import PROJECT_ROOT

METRIC_UNITS = ("_ms", "_per_s", "_bytes", "_mb", "_count", "_pct", "_taps", "_keys")


@dataclass(frozen=True)
class BenchRun:
    metrics: dict[str, dict[str, Any]]
    stderr: str


def run_bench(name: str, *options: str, timeout: float) -> BenchRun:
    """The benchmark in a child process, as IT staff run it; fails the test on a bad shape."""
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "bench", name, *options, "--json"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bench"] == name
    metrics: dict[str, dict[str, Any]] = report["results"]
    for metric, summary in metrics.items():
        assert metric.endswith(METRIC_UNITS), metric
        assert set(summary) == {"p50", "p95", "max", "n"}, metric
        assert 0 <= summary["p50"] <= summary["p95"] <= summary["max"], metric
        assert summary["n"] >= 1, metric
    return BenchRun(metrics, result.stderr)
