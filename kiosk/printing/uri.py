"""Printer URIs: one string in the settings or on the command line names the printer.

``file:`` / ``file:DIR``, ``tcp://HOST[:PORT]`` (port 9100 by default),
``usb://VID:PID`` (hexadecimal), ``serial:DEVICE``, ``win32:PRINTER NAME`` and
``cups:NAME``, each with optional ``?key=value`` options:

- ``paper=58mm|80mm``: the paper profile (default 80mm);
- ``timeout=SECONDS``: connect, write and status-reply timeout (default 5);
- ``status=on|off``: ask the printer for DLE EOT real-time status before and after
  each job (tcp, serial, usb; default on). Turn it off for a printer that never answers;
- ``baud=N``: serial speed (default 9600).

Unknown options are errors rather than ignored: a typo in ``papr=58mm`` would
otherwise print a 58 mm printer's tickets cut off at the right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from kiosk.printing.api import PAPER_80, PROFILES, PaperProfile
from kiosk.printing.errors import InvalidPrinterUriError

Scheme = Literal["file", "tcp", "usb", "serial", "win32", "cups"]
SCHEMES: tuple[Scheme, ...] = ("file", "tcp", "usb", "serial", "win32", "cups")
DEFAULT_TCP_PORT = 9100
DEFAULT_TIMEOUT_S = 5.0
DEFAULT_BAUD = 9600
#: The options each kind of printer understands, beyond ``paper``.
_OPTIONS: dict[Scheme, frozenset[str]] = {
    "file": frozenset(),
    "tcp": frozenset({"timeout", "status"}),
    "usb": frozenset({"timeout", "status"}),
    "serial": frozenset({"timeout", "status", "baud"}),
    "win32": frozenset(),
    "cups": frozenset(),
}


@dataclass(frozen=True, slots=True)
class PrinterUri:
    """A parsed printer URI; ``text`` is what was configured, for messages and logs."""

    text: str
    scheme: Scheme
    #: The folder (file; empty: the data folder's printouts), host (tcp), device
    #: (serial) or queue name (win32, cups); empty for usb.
    target: str = ""
    port: int = DEFAULT_TCP_PORT
    usb_ids: tuple[int, int] = (0, 0)
    profile: PaperProfile = PAPER_80
    timeout_s: float = DEFAULT_TIMEOUT_S
    status: bool = True
    baud: int = DEFAULT_BAUD


def parse_printer_uri(text: str) -> PrinterUri:
    """``text`` as a :class:`PrinterUri`; raises :class:`InvalidPrinterUriError`."""
    scheme_text, colon, rest = text.strip().partition(":")
    scheme = scheme_text.lower()
    if not colon or scheme not in SCHEMES:
        raise InvalidPrinterUriError(text, f"expected one of {', '.join(SCHEMES)}: followed by …")
    rest, _, query = rest.partition("?")
    options = _parse_options(text, query)
    allowed = _OPTIONS[scheme] | {"paper"}
    for key in options:
        if key not in allowed:
            raise InvalidPrinterUriError(text, f"unknown option {key!r} for {scheme}:")
    uri = PrinterUri(
        text=text,
        scheme=scheme,
        profile=_profile(text, options.get("paper", PAPER_80.name)),
        timeout_s=_timeout(text, options.get("timeout")),
        status=_on_off(text, options.get("status", "on")),
        baud=_positive_int(text, "baud", options.get("baud", str(DEFAULT_BAUD))),
    )
    match uri.scheme:
        case "file":
            # ``file:///srv/out`` as well as ``file:/srv/out`` and ``file:C:\out``.
            folder = rest[2:] if rest.startswith("//") else rest
            return replace(uri, target=unquote(folder))
        case "tcp":
            return _tcp(uri, rest)
        case "usb":
            return _usb(uri, rest)
        case _:
            target = unquote(rest)
            if not target.strip():
                raise InvalidPrinterUriError(text, f"{scheme}: needs a device or printer name")
            return replace(uri, target=target)


def with_status(text: str, on: bool) -> str:
    """``text`` asking DLE EOT status (``on``: the default, so no option) or not
    (``status=off``); every other part of it exactly as written."""
    parse_printer_uri(text)  # refuses a bad URI before rewriting it
    base, _, query = text.strip().partition("?")
    kept = [pair for pair in query.split("&") if pair and pair.split("=")[0].lower() != "status"]
    if not on:
        kept.append("status=off")
    return f"{base}?{'&'.join(kept)}" if kept else base


def _parse_options(text: str, query: str) -> dict[str, str]:
    if not query:
        return {}
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    except ValueError as exc:
        raise InvalidPrinterUriError(
            text, f"options must read key=value&key=value: {exc}"
        ) from None
    return {key.lower(): value for key, value in pairs}


def _profile(text: str, name: str) -> PaperProfile:
    profile = PROFILES.get(name.lower())
    if profile is None:
        raise InvalidPrinterUriError(text, f"paper must be one of {', '.join(sorted(PROFILES))}")
    return profile


def _timeout(text: str, value: str | None) -> float:
    if value is None:
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= 300):
        raise InvalidPrinterUriError(text, "timeout must be seconds between 0 and 300")
    return seconds


def _on_off(text: str, value: str) -> bool:
    if value.lower() in ("on", "1", "true", "yes"):
        return True
    if value.lower() in ("off", "0", "false", "no"):
        return False
    raise InvalidPrinterUriError(text, "status must be on or off")


def _positive_int(text: str, key: str, value: str) -> int:
    if not value.isdigit() or int(value) == 0:
        raise InvalidPrinterUriError(text, f"{key} must be a positive whole number")
    return int(value)


def _tcp(uri: PrinterUri, rest: str) -> PrinterUri:
    if not rest.startswith("//"):
        raise InvalidPrinterUriError(uri.text, "write tcp://HOST or tcp://HOST:PORT")
    try:
        parts = urlsplit(f"tcp:{rest}")
        port = parts.port
    except ValueError as exc:
        raise InvalidPrinterUriError(uri.text, f"bad port: {exc}") from None
    if not parts.hostname or parts.path not in ("", "/"):
        raise InvalidPrinterUriError(uri.text, "write tcp://HOST or tcp://HOST:PORT")
    if port == 0:
        raise InvalidPrinterUriError(uri.text, "port must be between 1 and 65535")
    return replace(uri, target=parts.hostname, port=port or DEFAULT_TCP_PORT)


def _usb(uri: PrinterUri, rest: str) -> PrinterUri:
    vendor, colon, product = rest.removeprefix("//").rstrip("/").partition(":")
    try:
        ids = (int(vendor, 16), int(product, 16))
    except ValueError:
        ids = (-1, -1)
    if not colon or not all(0 < value <= 0xFFFF for value in ids):
        raise InvalidPrinterUriError(
            uri.text, "write usb://VID:PID in hexadecimal, e.g. usb://04b8:0e15"
        )
    return replace(uri, usb_ids=ids)
