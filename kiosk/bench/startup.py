"""Start-up: process start to the home screen painted, beside a bare PySide6 window.

Both are started the same way, as child processes of this one, interleaved so that
machine noise hits them alike. The child prints ``first-paint <time.monotonic()>``
when its window has painted; ``time.monotonic`` is one clock for all processes of
the machine, so the difference is the wall time from spawn to first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.bench.stats import summarise
from kiosk.paths import PROJECT_ROOT

FIRST_PAINT = "first-paint"


@dataclass(slots=True)
class _Samples:
    startup_ms: list[float] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)


def run(runs: int = 7) -> dict[str, dict[str, float | int]]:
    """Metrics of ``runs`` starts of the kiosk and of the bare window (after a warm-up)."""
    kiosk, bare = _Samples(), _Samples()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as data_dir:
        env = child_environment(Path(data_dir))
        # The window's own entry (as ``python main.py`` and ``mot-cua-kiosk run`` start
        # it), so the benchmark also runs from an installed wheel.
        kiosk_argv = [sys.executable, "-m", "ui", "--benchmark-first-paint"]
        bare_argv = [sys.executable, "-m", "ui.bare_window"]
        _measure(kiosk_argv, env)  # warm-up: creates the database, fills disk caches
        _measure(bare_argv, env)
        for _ in range(runs):
            for argv, samples in ((kiosk_argv, kiosk), (bare_argv, bare)):
                startup_ms, peak_mb = _measure(argv, env)
                samples.startup_ms.append(startup_ms)
                if peak_mb is not None:
                    samples.peak_rss_mb.append(peak_mb)
    results = {
        "startup_ms": summarise(kiosk.startup_ms),
        "baseline_bare_window_startup_ms": summarise(bare.startup_ms),
    }
    if kiosk.peak_rss_mb:
        results["peak_rss_mb"] = summarise(kiosk.peak_rss_mb)
        results["baseline_bare_window_peak_rss_mb"] = summarise(bare.peak_rss_mb)
    return results


def child_environment(data_dir: Path) -> dict[str, str]:
    """A benchmark child's environment: its own data folder, this checkout on its path,
    and the offscreen platform where there is no display."""
    env = dict(os.environ)
    env["KIOSK_HOME"] = str(data_dir)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _measure(argv: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Milliseconds from spawn to first paint, and the child's peak memory in MB."""
    started = time.monotonic()
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=PROJECT_ROOT, text=True
    ) as child:
        assert child.stdout is not None
        painted: float | None = None
        for line in child.stdout:
            if line.startswith(FIRST_PAINT):
                painted = float(line.split()[1])
                break
        child.stdout.read()
        peak_mb = _wait_for_peak_rss_mb(child)
        stderr = child.stderr.read() if child.stderr else ""
    if painted is None or child.returncode != 0:
        raise RuntimeError(f"{argv[-1]} did not report its first paint: {stderr.strip()}")
    return (painted - started) * 1000, peak_mb


def _wait_for_peak_rss_mb(child: subprocess.Popen[str]) -> float | None:
    if not hasattr(os, "wait4"):
        child.wait()
        return None
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024  # kilobytes on Linux
