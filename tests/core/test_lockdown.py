"""How ``doctor`` tells whether the operating system keeps citizens inside the kiosk.

The process tree, the account database and the Windows registry are the edges: the
rules run against small fakes of them (a tree like the Linux package's service, a
registry like a locked Windows kiosk's), against a fake ``/proc`` folder read by the
real reader, and against this machine's own ``/proc``, where the test runs outside cage.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.doctor import Status, run_checks
from kiosk.lockdown import (
    ASSIGNED_ACCESS,
    EXPLORER_POLICIES,
    SHELL_LAUNCHER,
    WINLOGON,
    Account,
    LockdownReport,
    Process,
    ProcTable,
    WinRegistry,
    find_compositor,
    linux_lockdown,
    os_lockdown,
    parse_stat,
    windows_lockdown,
)

KIOSK_UID, IT_UID = 999, 1000
ACCOUNTS = {
    KIOSK_UID: Account("kiosk", "/usr/sbin/nologin"),
    IT_UID: Account("an", "/bin/bash"),
    0: Account("root", "/bin/bash"),
}
SERVICE_ENV = {
    "NOTIFY_SOCKET": "/run/systemd/notify",
    "WATCHDOG_USEC": "30000000",
    "WATCHDOG_PID": "900",
}
SYSTEMD = Process(1, 0, "systemd", 0)
CAGE = Process(900, 1, "cage", KIOSK_UID)
KIOSK = Process(1000, 900, "mot-cua-kiosk", KIOSK_UID)
SSH_SHELL = Process(2000, 1, "bash", IT_UID)
DOCTOR = Process(2001, 2000, "mot-cua-kiosk", IT_UID)


class Processes:
    """A machine's processes; environments of processes not listed are unreadable."""

    def __init__(self, *processes: Process, environments: Mapping[int, Mapping[str, str]]) -> None:
        self._processes = {process.pid: process for process in processes}
        self._environments = environments

    def process(self, pid: int) -> Process | None:
        return self._processes.get(pid)

    def pids(self) -> Iterator[int]:
        return iter(sorted(self._processes))

    def environment(self, pid: int) -> Mapping[str, str] | None:
        return self._environments.get(pid)


def account(uid: int) -> Account | None:
    return ACCOUNTS.get(uid)


def points(report: LockdownReport) -> dict[str, tuple[bool, str]]:
    return {point.name: (point.ok, point.detail) for point in report.points}


# -- Linux ----------------------------------------------------------------------------------


def test_the_kiosk_under_the_package_service_is_locked_down() -> None:
    machine = Processes(SYSTEMD, CAGE, KIOSK, environments={})
    report = linux_lockdown(
        machine, pid=KIOSK.pid, parent=CAGE.pid, uid=KIOSK_UID, environ=SERVICE_ENV, account=account
    )
    assert report.locked
    found = points(report)
    assert found["compositor"] == (True, "cage runs (pid 900); this command runs inside it")
    assert found["account"] == (True, "cage runs as kiosk, which cannot log in (/usr/sbin/nologin)")
    assert found["watchdog"] == (True, "systemd's watchdog is set (a ping every 15 s)")


def test_doctor_typed_by_it_in_a_shell_sees_the_service_beside_it() -> None:
    """Outside cage the compositor is found among the machine's processes; its
    environment (readable by root) tells whether the watchdog is set."""
    machine = Processes(
        SYSTEMD, CAGE, KIOSK, SSH_SHELL, DOCTOR, environments={CAGE.pid: SERVICE_ENV}
    )
    report = linux_lockdown(
        machine, pid=DOCTOR.pid, parent=SSH_SHELL.pid, uid=IT_UID, environ={}, account=account
    )
    assert report.locked
    assert points(report)["compositor"] == (
        True,
        "cage runs (pid 900); this command runs outside it",
    )

    unreadable = Processes(SYSTEMD, CAGE, KIOSK, SSH_SHELL, DOCTOR, environments={})
    report = linux_lockdown(
        unreadable, pid=DOCTOR.pid, parent=SSH_SHELL.pid, uid=IT_UID, environ={}, account=account
    )
    assert not report.locked
    assert [point.name for point in report.missing] == ["watchdog"]
    assert "run doctor as root or as kiosk" in report.missing[0].detail


def test_a_desktop_session_names_all_three_missing_points() -> None:
    machine = Processes(SYSTEMD, SSH_SHELL, DOCTOR, environments={})
    report = linux_lockdown(
        machine, pid=DOCTOR.pid, parent=SSH_SHELL.pid, uid=IT_UID, environ={}, account=account
    )
    assert not report.locked
    found = points(report)
    assert found["compositor"][0] is False
    assert "not inside cage and no cage is running" in found["compositor"][1]
    assert found["account"] == (
        False,
        "this command runs as an, not as the kiosk account without a shell",
    )
    assert found["watchdog"][0] is False
    assert "a kiosk that hangs is not restarted" in found["watchdog"][1]
    assert report.summary().startswith("not inside cage")


def test_a_kiosk_account_with_a_shell_is_not_locked_down() -> None:
    machine = Processes(SYSTEMD, CAGE, KIOSK, environments={})
    with_shell = {KIOSK_UID: Account("kiosk", "/bin/bash")}
    report = linux_lockdown(
        machine,
        pid=KIOSK.pid,
        parent=CAGE.pid,
        uid=KIOSK_UID,
        environ=SERVICE_ENV,
        account=with_shell.get,
    )
    assert [point.name for point in report.missing] == ["account"]
    assert "usermod --shell /usr/sbin/nologin kiosk" in report.missing[0].detail


def test_a_watchdog_meant_for_another_process_does_not_count() -> None:
    machine = Processes(SYSTEMD, CAGE, KIOSK, environments={})
    elsewhere = {**SERVICE_ENV, "WATCHDOG_PID": "4242"}
    report = linux_lockdown(
        machine, pid=KIOSK.pid, parent=CAGE.pid, uid=KIOSK_UID, environ=elsewhere, account=account
    )
    assert [point.name for point in report.missing] == ["watchdog"]


def test_a_process_tree_that_loops_ends_the_walk() -> None:
    machine = Processes(Process(5, 6, "a", 0), Process(6, 5, "b", 0), environments={})
    assert find_compositor(machine, 5) is None


def test_a_process_name_with_parentheses_and_spaces_is_read_whole() -> None:
    found = parse_stat("1234 (my (odd) name) S 77 1234 1234 0 -1 4194560", 5)
    assert found == Process(1234, 77, "my (odd) name", 5)
    assert parse_stat("garbage", 0) is None


def test_the_proc_reader_walks_a_proc_folder(tmp_path: Path) -> None:
    """The real reader over a folder laid out as ``/proc``: the kiosk's parent is cage."""
    for pid, line in (
        (1, "1 (systemd) S 0 1 1 0"),
        (900, "900 (cage) S 1 900 900 0"),
        (1000, "1000 (mot-cua-kiosk) S 900 900 900 0"),
    ):
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "self").mkdir()  # not a process: skipped
    environ = b"".join(f"{k}={v}\0".encode() for k, v in SERVICE_ENV.items())
    (tmp_path / "900" / "environ").write_bytes(environ)
    table = ProcTable(tmp_path)

    assert sorted(table.pids()) == [1, 900, 1000]
    assert table.environment(900) == SERVICE_ENV
    assert table.environment(1000) is None
    owner = os.getuid()
    assert find_compositor(table, 1000) == (Process(900, 1, "cage", owner), True)
    as_kiosk = {owner: Account("kiosk", "/usr/sbin/nologin")}
    report = linux_lockdown(
        table, pid=1000, parent=900, uid=owner, environ={}, account=as_kiosk.get
    )
    # Inside cage the kiosk's own environment counts, and it has none here.
    assert [point.name for point in report.missing] == ["watchdog"]


def test_this_test_runs_outside_cage() -> None:
    """The real ``/proc``: this process is found with its parent, and the walk up ends."""
    table = ProcTable()
    here = table.process(os.getpid())
    assert here is not None
    assert (here.parent, here.uid) == (os.getppid(), os.getuid())
    found = find_compositor(table, os.getpid())
    assert found is None or found[1] is False  # a cage elsewhere on the machine is not ours
    report = os_lockdown(platform="linux")
    compositor = points(report)["compositor"]
    assert "this command runs inside" not in compositor[1]
    assert not report.locked or compositor[0]


# -- Windows ----------------------------------------------------------------------------


KIOSK_EXE = r'"C:\Program Files\Mot Cua Kiosk\mot-cua-kiosk.exe"'


class Registry:
    """Values by (hive, key, name); a key exists when it holds a value or is listed."""

    def __init__(
        self, values: Mapping[tuple[str, str, str], str | int], keys: tuple[str, ...] = ()
    ) -> None:
        self._values = values
        self._keys = {("HKLM", key) for key in keys} | {(h, k) for h, k, _ in values}

    def value(self, hive: str, key: str, name: str) -> str | int | None:
        return self._values.get((hive, key, name))

    def has_key(self, hive: str, key: str) -> bool:
        return (hive, key) in self._keys


def test_a_windows_desktop_names_what_is_missing() -> None:
    registry = Registry({("HKLM", WINLOGON, "Shell"): "explorer.exe"})
    report = windows_lockdown(registry)
    assert not report.locked
    found = points(report)
    assert found["shell"][0] is False
    assert "Explorer is the shell" in found["shell"][1]
    assert "AutoAdminLogon" in found["autologon"][1]
    assert "NoWinKeys" in found["windows_keys"][1]


@pytest.mark.parametrize(
    ("values", "keys", "shell"),
    [
        ({}, (SHELL_LAUNCHER,), "Shell Launcher is configured"),
        ({}, (ASSIGNED_ACCESS,), "Assigned Access is configured"),
        (
            {("HKCU", WINLOGON, "Shell"): KIOSK_EXE},
            (),
            f"custom shell (HKCU Winlogon Shell = {KIOSK_EXE})",
        ),
    ],
)
def test_a_locked_windows_kiosk(
    values: dict[tuple[str, str, str], str | int], keys: tuple[str, ...], shell: str
) -> None:
    registry = Registry(
        {
            **values,
            ("HKLM", WINLOGON, "Shell"): r"C:\Windows\explorer.exe",
            ("HKLM", WINLOGON, "AutoAdminLogon"): "1",
            ("HKLM", WINLOGON, "DefaultUserName"): "kiosk",
            ("HKCU", EXPLORER_POLICIES, "NoWinKeys"): 1,
        },
        keys,
    )
    report = windows_lockdown(registry)
    assert report.locked, report.summary()
    found = points(report)
    assert found["shell"] == (True, shell)
    assert found["autologon"] == (True, "signs in by itself as kiosk")
    assert found["windows_keys"] == (True, "Windows keys off (HKCU NoWinKeys)")


def test_the_real_registry_reader_finds_nothing_off_windows() -> None:
    report = os_lockdown(platform="win32", registry=WinRegistry())
    assert [point.name for point in report.missing] == ["shell", "autologon", "windows_keys"]


def test_another_system_is_not_locked_down() -> None:
    report = os_lockdown(platform="darwin")
    assert not report.locked
    assert "no known lockdown on darwin" in report.summary()


# -- doctor ---------------------------------------------------------------------------------

LOCKED = linux_lockdown(
    Processes(SYSTEMD, CAGE, KIOSK, environments={}),
    pid=KIOSK.pid,
    parent=CAGE.pid,
    uid=KIOSK_UID,
    environ=SERVICE_ENV,
    account=account,
)
OPEN = linux_lockdown(
    Processes(SYSTEMD, SSH_SHELL, DOCTOR, environments={}),
    pid=DOCTOR.pid,
    parent=SSH_SHELL.pid,
    uid=IT_UID,
    environ={},
    account=account,
)


def _config(tmp_path: Path, kiosk_mode: bool) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'data_dir = "{(tmp_path / "data").as_posix()}"\nkiosk_mode = {str(kiosk_mode).lower()}\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("kiosk_mode", "found", "status", "detail"),
    [
        (True, LOCKED, Status.OK, "locked down: cage runs (pid 900)"),
        (True, OPEN, Status.WARNING, "kiosk mode is on but the system is not locked down: not"),
        (
            False,
            OPEN,
            Status.OK,
            "kiosk mode is off, so the system's lockdown is not needed "
            "(missing: compositor, account, watchdog)",
        ),
        (
            False,
            LOCKED,
            Status.OK,
            "kiosk mode is off, so the system's lockdown is not needed (missing: nothing)",
        ),
    ],
)
def test_doctor_reports_the_lockdown_for_kiosk_mode(
    tmp_path: Path, kiosk_mode: bool, found: LockdownReport, status: Status, detail: str
) -> None:
    report = run_checks(_config(tmp_path, kiosk_mode), lockdown=lambda: found)
    check = {c.name: c for c in report.checks}["lockdown"]
    assert check.status is status
    assert check.detail.startswith(detail)
    assert report.checks[-1] is check


def test_doctor_json_warns_about_a_kiosk_mode_machine_without_lockdown(
    fresh_kiosk_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """This machine, as IT would see it: the test runs outside cage, so the check warns,
    and a warning leaves the kiosk fit to run."""
    assert main(["doctor", "--json", "--config", str(_config(tmp_path, True))]) == 0
    report = json.loads(capsys.readouterr().out)
    check = {c["name"]: c for c in report["checks"]}["lockdown"]
    assert report["ok"] is True
    assert check["status"] == "warning"
    assert check["detail"].startswith("kiosk mode is on but the system is not locked down")
