"""``python -m kiosk bench sync`` prints the agreed JSON shape; its figures are not judged."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import KioskCli
from tests.core.bench_report import METRIC_UNITS
from tests.core.sync.file_keyring import BACKEND, PATH_ENV

METRICS = {
    "push_entries_per_s",
    "push_total_ms",
    "unchanged_sync_request_count",
    "unchanged_sync_request_bytes",
    "unchanged_sync_response_bytes",
    "submit_to_ack_ms",
    "ticket_to_ack_ms",
}


def test_the_sync_benchmark_reports_its_metrics_and_leaves_the_keyring_alone(
    kiosk_cli: KioskCli, tmp_path: Path
) -> None:
    keyring_file = tmp_path / "keyring.json"
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": BACKEND, PATH_ENV: str(keyring_file)}

    result = kiosk_cli("bench", "sync", "--declarations", "3", "--json", env=env)

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["bench"] == "sync"
    assert set(report["results"]) == METRICS
    for metric, summary in report["results"].items():
        assert metric.endswith(METRIC_UNITS), metric
        assert set(summary) == {"p50", "p95", "max", "n"}
    # The kiosk it enrolled kept its token in memory, not in this process's keyring.
    assert not keyring_file.exists()
