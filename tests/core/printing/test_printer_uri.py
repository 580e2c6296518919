"""Printer URIs as IT types them in the settings or on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.printing.api import PAPER_58, PAPER_80
from kiosk.printing.errors import InvalidPrinterUriError, PrinterUnavailableError
from kiosk.printing.printers import ConnectorPrinter, FilePrinter, open_printer
from kiosk.printing.serial_port import SerialPrinter
from kiosk.printing.service import PrintService
from kiosk.printing.tcp import TcpPrinter
from kiosk.printing.uri import PrinterUri, parse_printer_uri
from tests.core.printing.conftest import ticket_document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("file:", PrinterUri("file:", "file")),
        (
            "file:/srv/out?paper=58mm",
            PrinterUri("file:/srv/out?paper=58mm", "file", "/srv/out", profile=PAPER_58),
        ),
        ("file:///srv/out", PrinterUri("file:///srv/out", "file", "/srv/out")),
        ("tcp://192.168.1.50", PrinterUri("tcp://192.168.1.50", "tcp", "192.168.1.50", 9100)),
        (
            "tcp://printer.local:9101?timeout=2&status=off",
            PrinterUri(
                "tcp://printer.local:9101?timeout=2&status=off",
                "tcp",
                "printer.local",
                9101,
                timeout_s=2.0,
                status=False,
            ),
        ),
        ("tcp://[::1]:9100", PrinterUri("tcp://[::1]:9100", "tcp", "::1")),
        ("usb://04b8:0e15", PrinterUri("usb://04b8:0e15", "usb", usb_ids=(0x04B8, 0x0E15))),
        (
            "usb://0x0416:0x5011?paper=58mm",
            PrinterUri(
                "usb://0x0416:0x5011?paper=58mm", "usb", usb_ids=(0x0416, 0x5011), profile=PAPER_58
            ),
        ),
        (
            "serial:/dev/ttyUSB0?baud=38400",
            PrinterUri("serial:/dev/ttyUSB0?baud=38400", "serial", "/dev/ttyUSB0", baud=38400),
        ),
        ("serial:COM3", PrinterUri("serial:COM3", "serial", "COM3")),
        (
            "win32:EPSON TM-T20II Receipt",
            PrinterUri("win32:EPSON TM-T20II Receipt", "win32", "EPSON TM-T20II Receipt"),
        ),
        ("cups:Xprinter_XP-58", PrinterUri("cups:Xprinter_XP-58", "cups", "Xprinter_XP-58")),
        (
            "TCP://10.0.0.9?PAPER=80mm",
            PrinterUri("TCP://10.0.0.9?PAPER=80mm", "tcp", "10.0.0.9", profile=PAPER_80),
        ),
    ],
)
def test_every_kind_of_printer_uri_parses(text: str, expected: PrinterUri) -> None:
    assert parse_printer_uri(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "lpt1",
        "http://printer",
        "tcp:printer",
        "tcp://",
        "tcp://host:99999",
        "tcp://host:0",
        "tcp://host/queue",
        "usb://04b8",
        "usb://epson:0e15",
        "serial:",
        "win32:",
        "file:?paper=57mm",
        "tcp://host?timeout=0",
        "tcp://host?timeout=soon",
        "tcp://host?status=maybe",
        "serial:/dev/ttyS0?baud=fast",
        "tcp://host?papr=58mm",
        "win32:EPSON?timeout=3",
        "tcp://host?paper",
    ],
)
def test_a_bad_uri_is_refused_naming_it(text: str) -> None:
    with pytest.raises(InvalidPrinterUriError) as raised:
        parse_printer_uri(text)
    assert raised.value.uri == text
    assert f"Địa chỉ máy in không hợp lệ: {text}" == str(raised.value)
    assert raised.value.detail


def test_each_scheme_opens_its_backend(tmp_path: Path) -> None:
    printouts = tmp_path / "printouts"
    default = open_printer(parse_printer_uri("file:"), printouts)
    assert isinstance(default, FilePrinter)
    assert default.folder == printouts
    chosen = open_printer(parse_printer_uri(f"file:{tmp_path / 'x'}"), printouts)
    assert isinstance(chosen, FilePrinter)
    assert chosen.folder == tmp_path / "x"
    assert isinstance(open_printer(parse_printer_uri("tcp://h"), printouts), TcpPrinter)
    serial = open_printer(parse_printer_uri("serial:/dev/ttyUSB0"), printouts)
    assert isinstance(serial, SerialPrinter)
    for text in ("usb://04b8:0e15", "win32:EPSON", "cups:EPSON"):
        assert isinstance(open_printer(parse_printer_uri(text), printouts), ConnectorPrinter)


@pytest.mark.parametrize(
    "text",
    [
        "usb://04b8:0e15?timeout=0.5",
        "serial:/dev/kiosk-no-such-printer?timeout=0.5",
        "win32:EPSON TM-T20II Receipt",
        "cups:No_Such_Queue",
    ],
)
def test_a_missing_device_or_driver_is_unavailable(text: str, tmp_path: Path) -> None:
    """No printer (and here no pyusb, pyserial, pywin32 or pycups): a clean fault."""
    printing = PrintService(text, tmp_path)
    with pytest.raises(PrinterUnavailableError) as raised:
        printing.send(printing.job(ticket_document()))
    assert raised.value.uri == text
    assert raised.value.detail
