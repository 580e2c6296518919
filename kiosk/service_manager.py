"""Telling systemd the kiosk is up and still answering (the ``sd_notify`` protocol).

On a Linux kiosk the package's service runs the kiosk inside the ``cage`` compositor
with ``Type=notify`` and ``WatchdogSec=``: systemd counts the kiosk as started when it
says ``READY=1``, and kills and restarts it when the ``WATCHDOG=1`` pings stop. The
pings come from the UI's event loop, so a window that hangs is restarted, not only a
process that dies. Anywhere else (a developer's PC, Windows, a test) there is no
``NOTIFY_SOCKET`` and :func:`from_environment` gives ``None``: nothing is sent.

The protocol is one datagram per message to the Unix socket named by
``NOTIFY_SOCKET`` (a path, or ``@name`` for the abstract namespace). systemd documents
it as a stable interface meant to be reimplemented (``sd_notify(3)``), so it is written
here rather than taken from ``systemd-python`` (a C extension that needs libsystemd's
headers to build and to freeze) or ``sdnotify`` (unchanged since 2017, untyped, and
silent about a socket it cannot reach).

``WATCHDOG_PID`` names the process systemd watches. In the package that is ``cage``,
the kiosk's parent, which passes its environment on; the unit says
``NotifyAccess=all`` so systemd takes the kiosk's messages. So the kiosk answers the
watchdog when it is the watched process or its direct child, and never from a
grandchild that merely inherited the variables.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger("kiosk.service")

NOTIFY_SOCKET_ENV = "NOTIFY_SOCKET"
WATCHDOG_USEC_ENV = "WATCHDOG_USEC"
WATCHDOG_PID_ENV = "WATCHDOG_PID"


@dataclass(frozen=True, slots=True)
class ServiceNotifier:
    """Sends state changes to the service manager that started the kiosk.

    A message that cannot be sent is logged and dropped: the kiosk keeps serving, and
    if the pings never arrive systemd restarts it, which is the point of the watchdog.
    """

    address: str | bytes
    #: Seconds between watchdog pings (half the service's ``WatchdogSec=``, as
    #: ``sd_watchdog_enabled(3)`` advises), or ``None`` when no watchdog is asked for.
    ping_interval_s: float | None

    def ready(self) -> bool:
        """The kiosk's first screen is up: the start-up is over."""
        return self._send("READY=1")

    def ping(self) -> bool:
        """Still answering: the watchdog's timer starts again."""
        return self._send("WATCHDOG=1")

    def stopping(self) -> bool:
        """The kiosk is closing on purpose (staff quit, shutdown)."""
        return self._send("STOPPING=1")

    def status(self, text: str) -> bool:
        """A one-line state for ``systemctl status``; never personal data."""
        return self._send("STATUS=" + " ".join(text.split()))

    def _send(self, message: str) -> bool:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.connect(self.address)
                sock.sendall(message.encode("utf-8"))
        except OSError as exc:
            log.warning(
                "service manager not told %s: %s", message.split("=", maxsplit=1)[0], exc.strerror
            )
            return False
        return True


def from_environment(
    environ: Mapping[str, str] | None = None,
    pid: int | None = None,
    parent_pid: int | None = None,
) -> ServiceNotifier | None:
    """The notifier systemd asked for through the environment, or ``None`` when the
    kiosk was not started by a service manager that listens (or on Windows)."""
    env = os.environ if environ is None else environ
    raw = env.get(NOTIFY_SOCKET_ENV, "")
    if not raw or not hasattr(socket, "AF_UNIX"):
        return None
    if raw.startswith("@"):
        address: str | bytes = b"\0" + raw[1:].encode()
    elif raw.startswith("/"):
        address = raw
    else:  # vsock: and other transports a kiosk has no use for
        log.warning("%s of an unsupported kind; systemd is not told the kiosk's state", raw)
        return None
    return ServiceNotifier(address, _ping_interval(env, pid, parent_pid))


def _ping_interval(env: Mapping[str, str], pid: int | None, parent_pid: int | None) -> float | None:
    try:
        usec = int(env.get(WATCHDOG_USEC_ENV, ""))
    except ValueError:
        return None
    if usec <= 0:
        return None
    watched = env.get(WATCHDOG_PID_ENV)
    if watched is not None:
        ours = (
            os.getpid() if pid is None else pid,
            os.getppid() if parent_pid is None else parent_pid,
        )
        if not watched.isdigit() or int(watched) not in ours:
            return None
    return usec / 2_000_000
