"""Guided forms: submitting a tờ khai, its receipt's bytes, its A4 PDF, a wizard page change.

Runs the real :class:`~kiosk.declarations.DeclarationService` on a real SQLite file in a
temporary data folder with the bundled catalogue and forms, filing the bundled
birth registration (``khai-sinh``) with :data:`KHAI_SINH_ANSWERS`:

- ``submit_ms``: ``submit`` alone, the transaction that makes the declaration durable;
- ``submit_to_receipt_bytes_ms``: the tap on "Lưu tờ khai" until the slip's ESC/POS
  bytes are ready: submit, lay the receipt out, render it;
- ``pdf_ms``: the filled tờ khai as A4 PDF from the stored declaration;
- ``page_change_ms``: the wizard's next page, measured by ``python -m ui.bench_form_pages``
  in a child process on the offscreen platform (it prints ``{"page_change_ms": [...]}``
  as its last line). When that child cannot run, the metric is left out and the reason
  goes to stderr, so the core figures are still reported;
- ``birth_registration_taps`` and ``birth_registration_keys``: the citizen's effort,
  not a time: the taps on the screen and card scans, and the keys of the on-screen
  keyboard typed, that the sample birth registration takes from the home tile to
  "Lưu tờ khai" (``python -m ui.counted_journey`` in a child process, the driver the
  tests run; what counts is written there). One run: a count does not vary, so its
  p50, p95 and max are the same number. Left out, with the reason on stderr, when the
  child cannot run.

The clock is fixed at a Monday 09:00 in Hà Nội, as in the ticket benchmark.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.bench.stats import summarise
from kiosk.config import Settings
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.crypto.keys import throwaway_key_file
from kiosk.forms.samples import sample_answers
from kiosk.paths import PROJECT_ROOT, prepare_data_dir
from kiosk.services import KioskServices
from wire.answers import Answers

#: 09:00 on Monday 10 March 2025 in Hà Nội.
BENCH_NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
FORM_ID = "khai-sinh"
PAGE_BENCH_MODULE = "ui.bench_form_pages"
PAGE_BENCH_TIMEOUT_S = 300
TAPS_MODULE = "ui.counted_journey"
TAPS_METRIC = "birth_registration_taps"
KEYS_METRIC = "birth_registration_keys"

#: A birth registration as a mother would fill it in (``kiosk.forms.samples``: every
#: person there is fictional); the sync benchmark and the tests file it too.
KHAI_SINH_ANSWERS: Answers = sample_answers(FORM_ID)


def run(declarations: int = 100, runs: int = 7) -> dict[str, dict[str, float | int]]:
    """``declarations`` submissions for each submit metric, ``runs`` PDFs, one page-change child."""
    submit: list[float] = []
    to_receipt_bytes: list[float] = []
    pdf: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-forms-") as folder:
        paths = prepare_data_dir(Path(folder) / "data")
        settings = Settings(
            printer=f"file:{paths.printouts}", data_key_file=throwaway_key_file(paths.data_dir)
        )
        services = KioskServices(settings, paths, clock=lambda: BENCH_NOW)
        services.open()
        try:
            form = services.forms.get(FORM_ID)
            procedure_code = form.procedures[0]
            # As on the screen: the citizen agreed to the privacy notice first.
            consent = services.consent.agree(settings.language, DECLARATION_PURPOSES)
            # Warm-up: fonts, QR encoder, fpdf2's import, first statements.
            warm = services.declarations.submit(
                form, procedure_code, KHAI_SINH_ANSWERS, consent=consent
            )
            services.printing.job(services.declarations.receipt(warm.reference))
            services.declarations.pdf(warm.reference)
            for _ in range(declarations):
                started = time.perf_counter()
                services.declarations.submit(
                    form, procedure_code, KHAI_SINH_ANSWERS, consent=consent
                )
                submit.append((time.perf_counter() - started) * 1000)
            for _ in range(declarations):
                started = time.perf_counter()
                submitted = services.declarations.submit(
                    form, procedure_code, KHAI_SINH_ANSWERS, consent=consent
                )
                services.printing.job(services.declarations.receipt(submitted.reference))
                to_receipt_bytes.append((time.perf_counter() - started) * 1000)
            for _ in range(runs):
                started = time.perf_counter()
                services.declarations.pdf(warm.reference)
                pdf.append((time.perf_counter() - started) * 1000)
        finally:
            services.close()
        results = {
            "submit_ms": summarise(submit),
            "submit_to_receipt_bytes_ms": summarise(to_receipt_bytes),
            "pdf_ms": summarise(pdf),
        }
        page_changes = _page_changes(Path(folder) / "ui")
        taps = _birth_registration_taps(Path(folder) / "taps")
    if page_changes:
        results["page_change_ms"] = summarise(page_changes)
    for metric, count in taps.items():
        results[metric] = summarise([count])
    return results


def _page_changes(data_dir: Path) -> list[float]:
    """The wizard's page changes from the UI's own benchmark child; [] if it cannot run."""
    last = _ui_child(PAGE_BENCH_MODULE, "page_change_ms", data_dir)
    try:
        return [float(sample) for sample in last["page_change_ms"]] if last else []
    except (ValueError, KeyError, TypeError) as exc:
        return _not_measured("page_change_ms", f"{PAGE_BENCH_MODULE} printed no list ({exc})")


def _birth_registration_taps(data_dir: Path) -> dict[str, int]:
    """The sample birth registration's taps and keys, from the counting driver's child;
    {} if it cannot run."""
    last = _ui_child(TAPS_MODULE, TAPS_METRIC, data_dir)
    if last is None:
        return {}
    counts = {metric: last.get(metric) for metric in (TAPS_METRIC, KEYS_METRIC)}
    if not all(type(count) is int and count >= 1 for count in counts.values()):
        _not_measured(TAPS_METRIC, f"{TAPS_MODULE} printed no counts ({counts!r})")
        return {}
    return {metric: int(count) for metric, count in counts.items() if count is not None}


def _ui_child(module: str, metric: str, data_dir: Path) -> dict[str, Any] | None:
    """The last JSON line ``python -m module`` prints, run offscreen over ``data_dir``;
    None (the reason on stderr) when it cannot run or prints none."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["KIOSK_HOME"] = str(data_dir)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    try:
        child = subprocess.run(
            [sys.executable, "-m", module],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            env=env,
            timeout=PAGE_BENCH_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        _not_measured(metric, f"{module} took over {PAGE_BENCH_TIMEOUT_S} s")
        return None
    lines = child.stdout.strip().splitlines()
    if child.returncode != 0 or not lines:
        reason = (child.stderr.strip().splitlines() or ["no output"])[-1]
        _not_measured(metric, f"{module} exited {child.returncode}: {reason}")
        return None
    try:
        last = json.loads(lines[-1])
    except ValueError as exc:
        _not_measured(metric, f"{module} printed no JSON ({exc})")
        return None
    if not isinstance(last, dict):
        _not_measured(metric, f"{module} printed no JSON object")
        return None
    return last


def _not_measured(metric: str, reason: str) -> list[float]:
    print(f"bench forms: {metric} not measured: {reason}", file=sys.stderr)
    return []
