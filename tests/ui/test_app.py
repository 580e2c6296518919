"""Starting the kiosk: a clear message on a bad config, a fast first paint."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.paths import PROJECT_ROOT
from ui.app import main


def test_a_corrupt_config_gives_a_clear_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('idle_timeout_s = "soon"\nnot toml at all [', encoding="utf-8")
    assert main(["--config", str(config), "--data-dir", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Tệp cấu hình không hợp lệ:")
    assert "The configuration file is not valid:" in err
    assert "Traceback" not in err


def test_the_start_up_path_does_not_import_the_database_layer() -> None:
    code = "import sys, ui.app; print('sqlalchemy' in sys.modules, 'alembic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.slow
def test_benchmark_first_paint_prints_and_exits(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('centre_name = "UBND phường Bến Nghé"\n', encoding="utf-8")
    started = time.monotonic()
    out = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "--benchmark-first-paint",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_CONFIG": str(config),
            "PATH": "/usr/bin:/bin",
        },
        check=False,
    )
    assert out.returncode == 0, out.stderr
    kind, stamp = out.stdout.split()
    assert kind == "first-paint"
    assert started < float(stamp) < time.monotonic()
