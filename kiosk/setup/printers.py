"""Finding the receipt printer: USB printers attached, a network printer answering, a
test slip, and the paper width written into the printer URI.

USB printers are listed with pyusb (the library the kiosk already prints through):
every device with an interface of the USB printer class (7). Without libusb the list
is empty and IT types the URI. Whether a printer answers is the printing package's
probe (``kiosk.printing.probe``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from kiosk.printing.errors import InvalidPrinterUriError
from kiosk.printing.uri import PrinterUri, parse_printer_uri
from kiosk.setup.errors import PaperWidthError

log = logging.getLogger("kiosk.setup")

#: The USB interface class of printers.
USB_PRINTER_CLASS = 7
PAPER_WIDTHS = (58, 80)


@dataclass(frozen=True, slots=True)
class FoundPrinter:
    uri: str
    description: str


def usb_printers() -> list[FoundPrinter]:
    """The USB printers attached now, as ``usb://VID:PID`` URIs; empty without libusb."""
    try:
        import usb.core  # type: ignore[import-untyped]
    except ImportError:
        return []
    try:
        devices = list(usb.core.find(find_all=True, custom_match=_is_printer) or ())
    except (usb.core.USBError, usb.core.NoBackendError, ValueError, OSError) as exc:
        log.info("USB printers cannot be listed here: %s", type(exc).__name__)
        return []
    found = []
    for device in devices:
        uri = f"usb://{device.idVendor:04x}:{device.idProduct:04x}"
        found.append(FoundPrinter(uri, _usb_name(device) or uri))
    return found


def _is_printer(device: object) -> bool:
    try:
        for configuration in device:  # type: ignore[attr-defined]
            for interface in configuration:
                if interface.bInterfaceClass == USB_PRINTER_CLASS:
                    return True
    except Exception:  # a device that cannot describe itself is not ours to list
        return False
    return False


def _usb_name(device: object) -> str:
    try:
        maker = device.manufacturer or ""  # type: ignore[attr-defined]
        product = device.product or ""  # type: ignore[attr-defined]
    except Exception:  # reading strings needs access to the device; the ids will do
        return ""
    return f"{maker} {product}".strip()


def with_paper_width(uri_text: str, width_mm: int) -> str:
    """``uri_text`` with ``paper=58mm`` or ``paper=80mm``, other options kept.

    Raises ``PaperWidthError`` or ``InvalidPrinterUriError`` (nothing changed)."""
    if width_mm not in PAPER_WIDTHS:
        raise PaperWidthError()
    base, _, query = uri_text.strip().partition("?")
    options = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "paper"]
    options.append(("paper", f"{width_mm}mm"))
    text = f"{base}?{urlencode(options)}"
    parse_printer_uri(text)
    return text


def paper_width(uri_text: str) -> int:
    """The paper width the URI names, in millimetres."""
    return parse_printer_uri(uri_text).profile.width_mm


def check_uri(uri_text: str) -> PrinterUri:
    """Parsed, or ``InvalidPrinterUriError`` with what is wrong."""
    return parse_printer_uri(uri_text)


def print_test_slip(uri_text: str, printouts: Path) -> None:
    """Print the test page (every vowel and tone) on ``uri_text``; raises ``PrinterError``."""
    from kiosk.printing.service import PrintService

    service = PrintService(uri_text, printouts)
    service.send(service.job(service.test_page()))


__all__ = [
    "PAPER_WIDTHS",
    "FoundPrinter",
    "InvalidPrinterUriError",
    "check_uri",
    "paper_width",
    "print_test_slip",
    "usb_printers",
    "with_paper_width",
]
