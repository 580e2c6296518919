"""``python -m kiosk bench forms`` prints the agreed JSON shape; its figures are not judged."""

from __future__ import annotations

from tests.core.bench_report import run_bench

CORE_METRICS = {"submit_ms", "submit_to_receipt_bytes_ms", "pdf_ms"}


def test_the_forms_benchmark_reports_its_metrics() -> None:
    run = run_bench("forms", "--declarations", "2", "--runs", "1", timeout=300)
    metrics = run.metrics
    assert metrics.keys() >= CORE_METRICS
    # The wizard's page change and the birth registration's taps come from the UI's
    # own child processes, when they can run.
    for child_metric in ("page_change_ms", "birth_registration_taps"):
        if child_metric not in metrics:
            assert f"{child_metric} not measured" in run.stderr
    assert metrics["submit_ms"]["n"] == 2
    assert metrics["submit_to_receipt_bytes_ms"]["n"] == 2
    assert metrics["pdf_ms"]["n"] == 1
    for name, summary in metrics.items():
        assert name.endswith(("_ms", "_taps", "_keys"))
        assert summary["p50"] > 0
    if "birth_registration_taps" in metrics:
        for count in (metrics["birth_registration_taps"], metrics["birth_registration_keys"]):
            assert count["n"] == 1
            assert count["p50"] == count["max"]  # a count, the same every run
