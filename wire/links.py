"""Which web links from data may reach a citizen's phone: https, on the centre's allow-list.

A procedure's portal link becomes a QR code, and a phone follows a QR code without its
owner ever reading the address. The link comes from data the kiosk did not write (a
catalogue file IT imports, a page the centre's server sends), so it is used only when
it is ``https`` to a host the centre allows, written plainly: no user name (the
``https://dichvucong.gov.vn@example.com`` trick), no port but 443, no IP address, no
spaces or control characters, ASCII only (no look-alike letters). The rule is here,
beside the catalogue format, so an import, a sync pull and the screen that draws the
QR code apply the same one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated
from urllib.parse import SplitResult, urlsplit

from msgspec import Meta

#: The allow-list a centre starts with: the national portal (Cổng Dịch vụ công Quốc
#: gia) and any host under ``gov.vn``, where provinces keep their own portals.
NATIONAL_PORTAL_DOMAINS: tuple[str, ...] = ("dichvucong.gov.vn", "*.gov.vn")

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
#: A host name, lower case, at least two labels: ``dichvucong.gov.vn``.
_HOST = re.compile(rf"{_LABEL}(?:\.{_LABEL})+\Z")
#: What the allow-list holds: a host (``dichvucong.gov.vn``), or ``*.`` and a domain
#: for any host under it (``*.gov.vn``; not ``gov.vn`` itself).
DomainPattern = Annotated[str, Meta(pattern=rf"^(\*\.)?{_LABEL}(\.{_LABEL})+\Z")]


def link_refusal(url: str, domains: Sequence[str]) -> str | None:
    """Why ``url`` must not become a QR code, in English for IT; ``None`` when it may.

    ``domains`` is the centre's allow-list (``DomainPattern`` entries).
    """
    if not url.isascii() or not url.isprintable() or any(c.isspace() for c in url):
        return "not plain ASCII without spaces or control characters"
    parts = urlsplit(url)
    refusal = _shape_refusal(parts)
    if refusal is None and not host_allowed(parts.hostname or "", domains):
        refusal = f"host {parts.hostname} is not on the allow-list (portal_domains)"
    return refusal


def _shape_refusal(parts: SplitResult) -> str | None:
    if parts.scheme != "https":
        return "not an https link"
    if "@" in parts.netloc:
        return "names a user before its host"
    try:
        port = parts.port
    except ValueError:
        return "has an invalid port"
    if port not in (None, 443):
        return "names a port other than 443"
    host = parts.hostname or ""
    if not _HOST.match(host) or host.replace(".", "").isdigit():
        return "has no valid host name"
    return None


def host_allowed(host: str, domains: Sequence[str]) -> bool:
    """Whether ``host`` (lower case) is one of ``domains`` or under a ``*.`` entry."""
    for entry in domains:
        pattern = entry.lower()
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]):
                return True
        elif host == pattern:
            return True
    return False
