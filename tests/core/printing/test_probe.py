"""The probe first-run setup and IT run before choosing a printer: reachable? answers
status? which ``status`` setting to keep? how long does a ticket take on the line?"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.printing.errors import InvalidPrinterUriError
from kiosk.printing.probe import probe_printer
from kiosk.printing.service import PrintService
from kiosk.printing.speed import (
    SLOW_TICKET_S,
    TICKET_BYTES_BUDGET,
    slow_line_warning,
    ticket_seconds,
)
from kiosk.printing.status import QUERY
from kiosk.printing.uri import parse_printer_uri, with_status
from tests.core.printing.conftest import (
    PAPER_OUT,
    FakeNetworkPrinter,
    FakeSerialPrinter,
    ticket_document,
)

Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_a_printer_that_answers_keeps_status_on(fake_printer: FakeNetworkPrinter) -> None:
    uri = f"tcp://127.0.0.1:{fake_printer.start()}?timeout=0.5&status=off"
    result = probe_printer(uri)
    fake_printer.stop()
    assert (result.reachable, result.answers_status, result.status_off) == (True, True, False)
    assert result.status is not None
    assert not result.status.offline
    assert result.fault is None
    # Its status=off is dropped: the printer answers, so the kiosk should ask.
    assert result.suggested_uri == f"tcp://127.0.0.1:{fake_printer_port(uri)}?timeout=0.5"
    assert "trả lời trạng thái" in result.message.render()
    # It asked, and printed nothing.
    assert bytes(fake_printer.received) == QUERY


def test_a_silent_printer_gets_status_off_saying_so(
    fake_printer: FakeNetworkPrinter, tmp_path: Path
) -> None:
    fake_printer.status = None
    uri = f"tcp://127.0.0.1:{fake_printer.start()}?timeout=0.3"
    result = probe_printer(uri)
    fake_printer.stop()
    assert (result.reachable, result.answers_status, result.status_off) == (True, False, True)
    assert result.suggested_uri == f"{uri}&status=off"
    assert "status=off" in result.message.render()
    assert "0.3 giây" in result.message.render()
    # With the suggested URI the next ticket goes out without a status question.
    again = FakeNetworkPrinter(status=None)
    try:
        printing = PrintService(f"tcp://127.0.0.1:{again.start()}?status=off", tmp_path)
        job = printing.job(ticket_document())
        printing.send(job)
    finally:
        again.stop()
    assert bytes(again.received) == job.data


def test_a_printer_reporting_paper_out_is_reachable_with_its_fault(
    fake_printer: FakeNetworkPrinter,
) -> None:
    fake_printer.status = PAPER_OUT
    result = probe_printer(f"tcp://127.0.0.1:{fake_printer.start()}?timeout=0.5")
    fake_printer.stop()
    assert (result.reachable, result.answers_status) == (True, True)
    assert result.fault is not None
    assert "hết giấy" in result.fault.render()


def test_a_closed_port_is_unreachable_and_the_uri_stays(closed_port: int) -> None:
    uri = f"tcp://127.0.0.1:{closed_port}"
    result = probe_printer(uri, timeout_s=0.5)
    assert (result.reachable, result.answers_status, result.status_off) == (False, None, False)
    assert result.suggested_uri == uri
    assert result.detail
    assert "Không kết nối được" in result.message.render()


def test_a_serial_printer_is_probed_on_its_line(fake_serial_printer: FakeSerialPrinter) -> None:
    result = probe_printer(f"serial:{fake_serial_printer.start()}?timeout=0.3")
    fake_serial_printer.stop()
    assert (result.reachable, result.answers_status) == (True, True)
    assert bytes(fake_serial_printer.received) == QUERY


@pytest.mark.parametrize("uri", ["file:", "win32:EPSON TM-T20II", "cups:kiosk"])
def test_a_folder_or_a_queue_cannot_tell_and_is_not_tried(uri: str) -> None:
    result = probe_printer(uri)
    assert (result.reachable, result.answers_status, result.suggested_uri) == (None, None, uri)
    assert "in thử" in result.message.render()


def test_a_bad_uri_is_refused_naming_it() -> None:
    with pytest.raises(InvalidPrinterUriError, match="lpt1"):
        probe_printer("lpt1")


@pytest.mark.parametrize(
    ("uri_or_baud", "seconds"),
    [
        (9600, 20.0),
        ("serial:/dev/ttyUSB0", 20.0),
        ("serial:COM3?baud=115200", 19_200 * 10 / 115_200),
        ("tcp://192.168.1.50", 0.0),
        (parse_printer_uri("usb://04b8:0e15"), 0.0),
    ],
)
def test_ticket_seconds_counts_ten_bits_a_byte_on_a_serial_line(
    uri_or_baud: str | int, seconds: float
) -> None:
    assert ticket_seconds(uri_or_baud, 19_200) == pytest.approx(seconds)


def test_a_line_slower_than_five_seconds_a_ticket_gets_a_warning() -> None:
    assert SLOW_TICKET_S == 5.0
    slow = slow_line_warning("serial:/dev/ttyUSB0?baud=38400")
    assert slow is not None
    assert "38400 baud" in slow.render()
    assert f"{TICKET_BYTES_BUDGET * 10 / 38400:.0f} giây" in slow.render()
    assert slow_line_warning("serial:/dev/ttyUSB0?baud=115200") is None
    assert slow_line_warning("tcp://192.168.1.50") is None
    with pytest.raises(ValueError, match="positive"):
        ticket_seconds(0, 100)


@pytest.mark.parametrize(
    ("uri", "on", "expected"),
    [
        ("tcp://h", False, "tcp://h?status=off"),
        ("tcp://h?paper=58mm&status=on", False, "tcp://h?paper=58mm&status=off"),
        ("tcp://h?Status=off&timeout=2", True, "tcp://h?timeout=2"),
        ("tcp://h?status=off", True, "tcp://h"),
    ],
)
def test_with_status_rewrites_only_the_status_option(uri: str, on: bool, expected: str) -> None:
    assert with_status(uri, on) == expected
    assert parse_printer_uri(expected).status is on


def test_printer_probe_on_the_command_line(
    kiosk_cli: Cli, fresh_kiosk_env: dict[str, str], fake_printer: FakeNetworkPrinter
) -> None:
    fake_printer.status = None
    uri = f"tcp://127.0.0.1:{fake_printer.start()}?timeout=0.3"
    result = kiosk_cli("printer", "probe", uri, "--json", env=fresh_kiosk_env)
    fake_printer.stop()
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["reachable"] is True
    assert report["answers_status"] is False
    assert report["suggested_uri"] == f"{uri}&status=off"
    assert report["status_off"] is True
    assert "status=off" in report["message"]
    assert report["ticket_seconds"] == 0.0


def test_printer_probe_of_a_closed_port_exits_2(
    kiosk_cli: Cli, fresh_kiosk_env: dict[str, str], closed_port: int
) -> None:
    uri = f"tcp://127.0.0.1:{closed_port}?timeout=0.5"
    result = kiosk_cli("printer", "probe", uri, "--json", env=fresh_kiosk_env)
    assert result.returncode == 2
    assert json.loads(result.stdout)["reachable"] is False
    assert "Không kết nối được với máy in" in result.stderr


def test_printer_probe_of_a_slow_serial_line_warns(
    kiosk_cli: Cli, fresh_kiosk_env: dict[str, str], fake_serial_printer: FakeSerialPrinter
) -> None:
    uri = f"serial:{fake_serial_printer.start()}?timeout=0.3"
    result = kiosk_cli("printer", "probe", uri, env=fresh_kiosk_env)
    fake_serial_printer.stop()
    assert result.returncode == 0, result.stderr
    assert "trả lời trạng thái" in result.stdout
    assert "9600 baud" in result.stdout


def fake_printer_port(uri: str) -> int:
    return parse_printer_uri(uri).port
