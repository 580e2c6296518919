"""How the kiosk reaches its server: which addresses it accepts and how long it waits.

Kept apart from the HTTP client so that building the services at start-up does not
import ``requests``; the client is loaded with the first sync pass.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from kiosk.sync.errors import InsecureServerError

_LOOPBACK_NAMES = frozenset({"localhost"})


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds to open a connection and to wait for each read of the answer."""

    connect_s: float = 5.0
    read_s: float = 20.0


DEFAULT_TIMEOUTS = Timeouts()
#: A probe must answer fast: it runs every few seconds while the kiosk is offline.
PROBE_TIMEOUTS = Timeouts(connect_s=3.0, read_s=5.0)


def check_server_url(url: str) -> str:
    """``url`` without a trailing slash; refuses plain ``http://`` beyond loopback.

    The device token and citizens' declarations must not cross a network in clear text;
    a server on this very computer (development, tests) is the one exception.
    """
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureServerError(url=url)
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureServerError(url=url)
    return text.rstrip("/")


def _is_loopback(host: str) -> bool:
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
