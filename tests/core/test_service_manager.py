"""The kiosk tells systemd it is up and still answering, over a real notify socket."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.service_manager import from_environment


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[str, socket.socket]]:
    """A datagram socket listening where systemd's would, as ``NOTIFY_SOCKET`` names it."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(str(path))
        listener.settimeout(5)
        yield str(path), listener


def received(listener: socket.socket) -> str:
    return listener.recv(4096).decode("utf-8")


def test_no_notify_socket_means_nothing_to_tell() -> None:
    assert from_environment({}) is None
    assert from_environment({"NOTIFY_SOCKET": "", "WATCHDOG_USEC": "30000000"}) is None


def test_ready_ping_stopping_and_status_reach_the_socket_in_order(
    notify_socket: tuple[str, socket.socket],
) -> None:
    address, listener = notify_socket
    notifier = from_environment({"NOTIFY_SOCKET": address})
    assert notifier is not None
    assert notifier.ready()
    assert notifier.ping()
    assert notifier.status("đang phục vụ\nquầy 1")
    assert notifier.stopping()
    assert [received(listener) for _ in range(4)] == [
        "READY=1",
        "WATCHDOG=1",
        "STATUS=đang phục vụ quầy 1",
        "STOPPING=1",
    ]


def test_an_abstract_socket_name_is_reached_too() -> None:
    name = f"kiosk-test-notify-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(b"\0" + name.encode())
        listener.settimeout(5)
        notifier = from_environment({"NOTIFY_SOCKET": "@" + name})
        assert notifier is not None
        assert notifier.ready()
        assert received(listener) == "READY=1"


def test_the_watchdog_is_pinged_twice_per_period_by_the_watched_process_or_its_child(
    notify_socket: tuple[str, socket.socket],
) -> None:
    address, _ = notify_socket
    env = {"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "30000000"}
    no_pid = from_environment(env, pid=200, parent_pid=100)
    as_main = from_environment({**env, "WATCHDOG_PID": "200"}, pid=200, parent_pid=100)
    under_cage = from_environment({**env, "WATCHDOG_PID": "100"}, pid=200, parent_pid=100)
    intervals = [n.ping_interval_s if n else None for n in (no_pid, as_main, under_cage)]
    assert intervals == [15.0, 15.0, 15.0]


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"WATCHDOG_USEC": "0"},
        {"WATCHDOG_USEC": "soon"},
        {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "7"},
        {"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "cage"},
    ],
)
def test_no_watchdog_unless_one_is_asked_for_this_process(
    notify_socket: tuple[str, socket.socket], extra: dict[str, str]
) -> None:
    address, listener = notify_socket
    notifier = from_environment({"NOTIFY_SOCKET": address, **extra}, pid=200, parent_pid=100)
    assert notifier is not None
    assert notifier.ping_interval_s is None
    assert notifier.ready()  # readiness is still told
    assert received(listener) == "READY=1"


def test_an_unsupported_transport_is_logged_and_ignored(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.service"):
        assert from_environment({"NOTIFY_SOCKET": "vsock:2:1234"}) is None
    assert "vsock:2:1234" in caplog.text


def test_a_socket_that_is_gone_is_logged_and_the_kiosk_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    notifier = from_environment({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert notifier is not None
    with caplog.at_level(logging.WARNING, logger="kiosk.service"):
        assert notifier.ready() is False
        assert notifier.ping() is False
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "service manager not told READY",
        "service manager not told WATCHDOG",
    ]
