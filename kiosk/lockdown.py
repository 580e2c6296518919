"""Whether the operating system keeps citizens inside the kiosk: what ``doctor`` reports.

The kiosk window refuses what it can see (``ui.kiosk_lock``), but the shortcuts that
matter most never reach it: Ctrl+Alt+Del, SysRq, switching to a text console, a
desktop's own shortcuts and edge swipes. Only the operating system can take those
away, so this module looks at how the kiosk was set up and names each part that is
missing, in words an IT person can act on.

- **Linux** (the ``.deb``): the kiosk runs inside ``cage``, a compositor that shows one
  application and nothing else; cage runs as the ``kiosk`` account, which has no login
  shell; and systemd's watchdog restarts a kiosk that stops answering. The compositor is
  found by walking up the process tree, or elsewhere on the machine when ``doctor`` is
  typed in a shell outside it (then its environment, for the watchdog, is only readable
  by root or by the ``kiosk`` account).
- **Windows**: a custom shell for the kiosk account (Shell Launcher, Assigned Access or
  Winlogon's ``Shell``), automatic sign-in, and the Windows keys turned off.
- Anywhere else nothing is known to lock the machine down, and the report says so.

Everything the checks read comes through small readers (the ``/proc`` tree, the
account database, the registry) so the rules are tested on any machine; the real
readers are used when none is given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.service_manager import from_environment

#: The compositor the Linux package runs the kiosk in.
COMPOSITOR = "cage"
#: The account the Linux package creates for the kiosk.
KIOSK_ACCOUNT = "kiosk"
#: Shells that let nobody sign in.
NO_LOGIN_SHELLS = frozenset(
    {"/usr/sbin/nologin", "/sbin/nologin", "/usr/bin/nologin", "/bin/false", "/usr/bin/false"}
)
#: Enough for any real process tree; stops a loop in a corrupt or racing one.
_MAX_DEPTH = 64

WINLOGON = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon"
SHELL_LAUNCHER = r"SOFTWARE\Microsoft\Windows Embedded\Shell Launcher"
ASSIGNED_ACCESS = r"SOFTWARE\Microsoft\Windows\AssignedAccessConfiguration"
EXPLORER_POLICIES = r"Software\Microsoft\Windows\CurrentVersion\Policies\Explorer"


@dataclass(frozen=True, slots=True)
class LockdownPoint:
    """One part of the lockdown: in place or not, and what was found."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class LockdownReport:
    system: str
    points: tuple[LockdownPoint, ...]

    @property
    def locked(self) -> bool:
        return bool(self.points) and all(point.ok for point in self.points)

    @property
    def missing(self) -> tuple[LockdownPoint, ...]:
        return tuple(point for point in self.points if not point.ok)

    def summary(self) -> str:
        """Every point on one line, the missing ones first (what IT has to fix)."""
        ordered = (*self.missing, *(point for point in self.points if point.ok))
        return "; ".join(point.detail for point in ordered)


@dataclass(frozen=True, slots=True)
class Process:
    pid: int
    parent: int
    name: str
    uid: int


class ProcessTable(Protocol):
    """The processes of this machine (``/proc`` on Linux)."""

    def process(self, pid: int) -> Process | None: ...

    def pids(self) -> Iterator[int]: ...

    def environment(self, pid: int) -> Mapping[str, str] | None:
        """``None`` when the process's environment cannot be read (another user's)."""
        ...


class ProcTable:
    """The real ``/proc``: a process that vanished or cannot be read is ``None``."""

    def __init__(self, root: Path = Path("/proc")) -> None:
        self._root = root

    def process(self, pid: int) -> Process | None:
        folder = self._root / str(pid)
        try:
            stat_line = (folder / "stat").read_text(encoding="utf-8", errors="replace")
            uid = folder.stat().st_uid
        except OSError:
            return None
        return parse_stat(stat_line, uid)

    def pids(self) -> Iterator[int]:
        try:
            names = [entry.name for entry in self._root.iterdir()]
        except OSError:
            return
        yield from (int(name) for name in names if name.isdigit())

    def environment(self, pid: int) -> Mapping[str, str] | None:
        try:
            raw = (self._root / str(pid) / "environ").read_bytes()
        except OSError:
            return None
        pairs = (item.decode("utf-8", "replace").partition("=") for item in raw.split(b"\0"))
        return {name: value for name, _, value in pairs if name}


def parse_stat(line: str, uid: int) -> Process | None:
    """``/proc/<pid>/stat``: ``pid (name) state ppid …``; the name may hold spaces and
    parentheses, so it ends at the last ``)``."""
    opening, closing = line.find("("), line.rfind(")")
    fields = line[closing + 1 :].split()
    if opening < 0 or closing < opening or len(fields) < 2:
        return None
    try:
        return Process(int(line[:opening]), int(fields[1]), line[opening + 1 : closing], uid)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    shell: str


def _account(uid: int) -> Account | None:
    import pwd

    try:
        entry = pwd.getpwuid(uid)
    except KeyError:
        return None
    return Account(entry.pw_name, entry.pw_shell)


def _ancestors(table: ProcessTable, pid: int) -> Iterator[Process]:
    seen: set[int] = set()
    current = table.process(pid)
    while current is not None and current.pid not in seen and len(seen) < _MAX_DEPTH:
        seen.add(current.pid)
        yield current
        if current.parent <= 0:
            return
        current = table.process(current.parent)


def find_compositor(table: ProcessTable, pid: int) -> tuple[Process, bool] | None:
    """The ``cage`` running this process (``True``), or else one running elsewhere on
    the machine (``False``), or ``None``."""
    for process in _ancestors(table, pid):
        if process.name == COMPOSITOR:
            return process, True
    for other in table.pids():
        found = table.process(other)
        if found is not None and found.name == COMPOSITOR:
            return found, False
    return None


def linux_lockdown(
    table: ProcessTable,
    *,
    pid: int,
    parent: int,
    uid: int,
    environ: Mapping[str, str],
    account: Callable[[int], Account | None] = _account,
) -> LockdownReport:
    """The three points of the Linux package's lockdown for process ``pid``."""
    found = find_compositor(table, pid)
    if found is None:
        compositor = LockdownPoint(
            "compositor",
            False,
            f"not inside {COMPOSITOR} and no {COMPOSITOR} is running: the desktop and its "
            "shortcuts are open to citizens (start the kiosk with its service: "
            "systemctl enable --now mot-cua-kiosk)",
        )
        runs_as = _account_point(account(uid), "this command")
        return LockdownReport("linux", (compositor, runs_as, _watchdog_point(environ, pid, parent)))
    cage, inside = found
    where = "inside" if inside else "outside"
    compositor = LockdownPoint(
        "compositor", True, f"{COMPOSITOR} runs (pid {cage.pid}); this command runs {where} it"
    )
    runs_as = _account_point(account(cage.uid), COMPOSITOR)
    if inside:
        watched = _watchdog_point(environ, cage.pid, cage.pid)
        return LockdownReport("linux", (compositor, runs_as, watched))
    cage_environ = table.environment(cage.pid)
    if cage_environ is None:
        watchdog = LockdownPoint(
            "watchdog",
            False,
            f"{COMPOSITOR}'s environment is not readable from this account: run doctor as "
            f"root or as {KIOSK_ACCOUNT} to see whether systemd's watchdog is set",
        )
    else:
        watchdog = _watchdog_point(cage_environ, cage.pid, cage.pid)
    return LockdownReport("linux", (compositor, runs_as, watchdog))


def _account_point(found: Account | None, who: str) -> LockdownPoint:
    if found is None:
        return LockdownPoint("account", False, f"{who} runs as an account with no name")
    if found.name == KIOSK_ACCOUNT and found.shell in NO_LOGIN_SHELLS:
        return LockdownPoint(
            "account", True, f"{who} runs as {KIOSK_ACCOUNT}, which cannot log in ({found.shell})"
        )
    if found.name != KIOSK_ACCOUNT:
        return LockdownPoint(
            "account",
            False,
            f"{who} runs as {found.name}, not as the {KIOSK_ACCOUNT} account without a shell",
        )
    return LockdownPoint(
        "account",
        False,
        f"the {KIOSK_ACCOUNT} account has a login shell ({found.shell}): "
        f"usermod --shell /usr/sbin/nologin {KIOSK_ACCOUNT}",
    )


def _watchdog_point(environ: Mapping[str, str], pid: int, parent: int) -> LockdownPoint:
    """Set when systemd asked for pings and watches ``pid`` or ``parent``: under the
    package's service it watches cage, the kiosk's parent, whatever process asks."""
    notifier = from_environment(environ, pid=pid, parent_pid=parent)
    if notifier is None or notifier.ping_interval_s is None:
        return LockdownPoint(
            "watchdog",
            False,
            "systemd's watchdog is not set (no NOTIFY_SOCKET and WATCHDOG_USEC): a kiosk that "
            "hangs is not restarted",
        )
    return LockdownPoint(
        "watchdog", True, f"systemd's watchdog is set (a ping every {notifier.ping_interval_s:g} s)"
    )


# -- Windows -------------------------------------------------------------------------------


class RegistryReader(Protocol):
    """Reads one value (``None`` when the key or the value is absent) or whether a key
    exists; ``hive`` is ``"HKLM"`` or ``"HKCU"``."""

    def value(self, hive: str, key: str, name: str) -> str | int | None: ...

    def has_key(self, hive: str, key: str) -> bool: ...


def windows_lockdown(registry: RegistryReader) -> LockdownReport:
    return LockdownReport(
        "windows", (_shell_point(registry), _autologon_point(registry), _keys_point(registry))
    )


def _shell_point(registry: RegistryReader) -> LockdownPoint:
    if registry.has_key("HKLM", SHELL_LAUNCHER):
        return LockdownPoint("shell", True, "Shell Launcher is configured")
    if registry.has_key("HKLM", ASSIGNED_ACCESS):
        return LockdownPoint("shell", True, "Assigned Access is configured")
    for hive in ("HKCU", "HKLM"):
        shell = registry.value(hive, WINLOGON, "Shell")
        if isinstance(shell, str) and shell.strip() and not _is_explorer(shell):
            return LockdownPoint("shell", True, f"custom shell ({hive} Winlogon Shell = {shell})")
    return LockdownPoint(
        "shell",
        False,
        "Explorer is the shell: the desktop, taskbar and Start menu are open to citizens "
        "(set up Shell Launcher or Assigned Access, or a custom shell for the kiosk account)",
    )


def _is_explorer(shell: str) -> bool:
    return Path(shell.strip().strip('"').replace("\\", "/")).name.lower() == "explorer.exe"


def _autologon_point(registry: RegistryReader) -> LockdownPoint:
    if str(registry.value("HKLM", WINLOGON, "AutoAdminLogon")) == "1":
        user = registry.value("HKLM", WINLOGON, "DefaultUserName")
        return LockdownPoint("autologon", True, f"signs in by itself as {user or 'its account'}")
    return LockdownPoint(
        "autologon",
        False,
        "automatic sign-in is off (Winlogon AutoAdminLogon): after a restart the kiosk waits "
        "at the sign-in screen",
    )


def _keys_point(registry: RegistryReader) -> LockdownPoint:
    for hive in ("HKCU", "HKLM"):
        if str(registry.value(hive, EXPLORER_POLICIES, "NoWinKeys")) == "1":
            return LockdownPoint("windows_keys", True, f"Windows keys off ({hive} NoWinKeys)")
    return LockdownPoint(
        "windows_keys",
        False,
        "the Windows keys work (Policies\\Explorer NoWinKeys is not 1): Win+D shows the desktop",
    )


class WinRegistry:
    """The real registry, through :mod:`winreg`; elsewhere every key is absent."""

    def value(self, hive: str, key: str, name: str) -> str | int | None:
        if sys.platform == "win32":
            import winreg

            root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
            try:
                with winreg.OpenKey(root, key) as opened:
                    found: object = winreg.QueryValueEx(opened, name)[0]
            except OSError:
                return None
            return found if isinstance(found, (str, int)) else None
        return None

    def has_key(self, hive: str, key: str) -> bool:
        if sys.platform == "win32":
            import winreg

            root = winreg.HKEY_LOCAL_MACHINE if hive == "HKLM" else winreg.HKEY_CURRENT_USER
            try:
                with winreg.OpenKey(root, key):
                    return True
            except OSError:
                return False
        return False


# -- this machine --------------------------------------------------------------------------


def os_lockdown(
    *,
    platform: str = sys.platform,
    processes: ProcessTable | None = None,
    registry: RegistryReader | None = None,
) -> LockdownReport:
    """The lockdown this kiosk runs under; never raises."""
    if platform.startswith("linux"):
        return linux_lockdown(
            processes or ProcTable(),
            pid=os.getpid(),
            parent=os.getppid(),
            uid=os.getuid(),
            environ=os.environ,
        )
    if platform == "win32":
        return windows_lockdown(registry or WinRegistry())
    return LockdownReport(
        platform,
        (
            LockdownPoint(
                "system",
                False,
                f"no known lockdown on {platform}: nothing keeps citizens out of the desktop "
                "(the kiosk is packaged for Linux with cage and for Windows)",
            ),
        ),
    )
