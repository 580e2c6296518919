"""Under systemd the kiosk says it is ready once its first screen is up, then feeds the
watchdog from the Qt event loop, so a hung window stops the pings and is restarted."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.paths import PROJECT_ROOT
from kiosk.service_manager import from_environment
from ui import service_watchdog


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(path))
        listener.settimeout(60)
        yield str(path), listener


def _start_kiosk(tmp_path: Path, **service_env: str) -> subprocess.Popen[bytes]:
    """``main.py`` on a data folder of its own, as systemd starts it (``service_env``)."""
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--data-dir", str(tmp_path / "data")],
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_CONFIG": str(tmp_path / "none.toml"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "PATH": "/usr/bin:/bin",
            **service_env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_the_kiosk_started_by_systemd_says_ready_then_pings(
    tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    address, listener = notify_socket
    kiosk = _start_kiosk(tmp_path, NOTIFY_SOCKET=address, WATCHDOG_USEC="200000")  # 0.1 s
    try:
        messages = [listener.recv(4096).decode() for _ in range(4)]
    finally:
        kiosk.kill()
        _, err = kiosk.communicate(timeout=30)
    assert messages == ["READY=1", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"], err


def test_pings_come_from_the_gui_thread_and_stop_with_their_window(
    qtbot: QtBot, notify_socket: tuple[str, socket.socket]
) -> None:
    address, listener = notify_socket
    owner = QObject()
    # Nothing but the timer keeps the notifier: the pings must go on all the same.
    timer = service_watchdog.start(
        owner, from_environment({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "100000"})
    )
    assert timer is not None
    app = QApplication.instance()
    assert app is not None
    assert timer.thread() is app.thread()
    assert [listener.recv(4096).decode() for _ in range(2)] == ["READY=1", "WATCHDOG=1"]
    with qtbot.waitSignal(timer.timeout, timeout=5000):
        pass
    assert listener.recv(4096).decode() == "WATCHDOG=1"
    with qtbot.waitSignal(owner.destroyed, timeout=5000):
        owner.deleteLater()
    assert not shiboken6.isValid(timer)  # gone with its window: no pings for a dead UI


def test_without_a_service_manager_nothing_starts(qtbot: QtBot) -> None:
    owner = QObject()
    assert service_watchdog.start(owner, from_environment({})) is None
    assert owner.findChildren(QObject) == []


def test_systemd_stopping_the_kiosk_quits_it_cleanly(
    tmp_path: Path, notify_socket: tuple[str, socket.socket]
) -> None:
    """``systemctl stop`` sends SIGTERM: the kiosk quits Qt and closes its database
    (exit 0, its log says why) rather than dying by the signal."""
    address, listener = notify_socket
    data = tmp_path / "data"
    kiosk = _start_kiosk(tmp_path, NOTIFY_SOCKET=address)
    try:
        assert listener.recv(4096).decode() == "READY=1"
        kiosk.terminate()
        _, err = kiosk.communicate(timeout=60)
    finally:
        kiosk.kill()
    assert kiosk.returncode == 0, err
    log = (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "stopping: SIGTERM" in log
    assert not (data / "kiosk.sqlite3-wal").exists()  # closed: SQLite folded its log back
