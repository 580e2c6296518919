"""The frozen kiosk (``dist/mot-cua-kiosk/``): its command line and its window.

The window runs on a virtual X display (Debian's ``xvfb``) with Qt's xcb platform, as
on a desktop kiosk; the .deb's own test runs it on Wayland inside cage.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.db.migrate import head_revision
from tests.packaging.artefacts import clean_environment, run

pytestmark = pytest.mark.timeout(300)

#: How long the window must keep running on its own: past start-up, the first paint
#: and the first timers (idle watchdog, purge, sync poll).
RUNS_FOR_S = 5
#: Bound on waiting for the window's database: a cold first start, migrations included.
START_BOUND_S = 120


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A virtual X display of a kiosk screen's size, for the module's windows."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail(
            "Xvfb not found: apt-get install xvfb (./dev.sh package-test does)", pytrace=False
        )
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-nolisten", "tcp", "-screen", "0", "1366x768x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as announced:
        number = announced.readline().strip()
    assert number.isdigit(), "Xvfb did not announce its display"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


def test_frozen_folder_has_the_x11_and_wayland_platforms(frozen_program: Path) -> None:
    """Desktop kiosks run on X11 (xcb); the .deb runs the kiosk in cage on Wayland."""
    plugins = next(frozen_program.parent.rglob("PySide6/Qt/plugins"))
    platforms = {path.name for path in (plugins / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so"} <= platforms
    assert (plugins / "wayland-shell-integration" / "libxdg-shell.so").is_file()


def test_frozen_program_says_its_version(frozen_program: Path, tmp_path: Path) -> None:
    done = run([frozen_program, "--version"], clean_environment(tmp_path), tmp_path)
    assert done.stdout.split()[-1] == __version__


def test_frozen_doctor_finds_its_resources(frozen_program: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = clean_environment(tmp_path / "home", KIOSK_HOME=str(data))
    done = run([frozen_program, "doctor", "--json"], env, tmp_path)
    checks = {check["name"]: check for check in json.loads(done.stdout)["checks"]}
    assert checks["resources"]["status"] == "ok", checks["resources"]
    assert checks["database"]["status"] == "ok", checks["database"]


def test_frozen_window_runs_until_stopped(
    frozen_program: Path, x_display: str, tmp_path: Path
) -> None:
    """Started with no command, the program is the kiosk window: it makes its database
    in the data folder given, keeps running, and ends when the service manager stops it."""
    data = tmp_path / "data"
    env = clean_environment(tmp_path / "home", DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    database = data / "kiosk.sqlite3"
    with subprocess.Popen(
        [frozen_program, "--data-dir", str(data)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as window:
        try:
            deadline = time.monotonic() + START_BOUND_S
            while not database.is_file() and window.poll() is None:
                assert time.monotonic() < deadline, "the window made no database"
                time.sleep(0.2)
            time.sleep(RUNS_FOR_S)
            assert window.poll() is None, window.communicate()[1]
            window.send_signal(signal.SIGTERM)
            _, stderr = window.communicate(timeout=60)
        finally:
            if window.poll() is None:
                window.kill()
    # SIGTERM quits Qt (ui.termination): a clean exit, not the signal's end or a crash.
    assert window.returncode == 0, stderr
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (head_revision(),)
        ]
