"""``python -m kiosk printer test`` as IT runs it after plugging a printer in."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kiosk.printing.service import TONES, VOWELS, PrintService
from tests.core.printing.conftest import parse_escpos

Cli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def printer_test(kiosk_cli: Cli, fresh_kiosk_env: dict[str, str]) -> Cli:
    """``python -m kiosk printer test`` on a freshly installed kiosk."""
    return lambda *args: kiosk_cli("printer", "test", *args, env=fresh_kiosk_env)


def test_printer_test_on_the_default_file_printer(printer_test: Cli, tmp_path: Path) -> None:
    result = printer_test("--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["profile"] == "80mm"
    data, preview = (Path(name) for name in report["files"])
    assert data.parent == tmp_path / "data" / "printouts"
    printed = parse_escpos(data.read_bytes(), 576).image
    with Image.open(preview) as image:
        assert image.width == 576
        # The preview is what the printer prints from the bytes, dot for dot.
        assert ImageChops.logical_xor(printed, image.convert("1")).getbbox() is None


def test_printer_test_on_a_closed_port_fails_in_vietnamese(
    printer_test: Cli, tmp_path: Path, closed_port: int
) -> None:
    result = printer_test("--printer", f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    assert result.returncode == 2
    assert "Máy in chưa sẵn sàng" in result.stderr
    assert f"127.0.0.1:{closed_port}" in result.stderr


def test_printer_test_names_a_bad_uri(printer_test: Cli, tmp_path: Path) -> None:
    result = printer_test("--printer", "lpt1")
    assert result.returncode == 2
    assert "Địa chỉ máy in không hợp lệ: lpt1" in result.stderr


def test_the_test_page_has_every_vowel_with_every_tone_in_both_cases(tmp_path: Path) -> None:
    page = PrintService("file:?paper=58mm", tmp_path).test_page(date(2025, 3, 10))
    text = "\n".join(getattr(block, "text", "") for block in page.blocks)
    for vowel in VOWELS:
        for tone in TONES:
            letter = unicodedata.normalize("NFC", vowel + tone)
            assert len(letter) == 1
            assert letter in text
            assert letter.upper() in text
    assert "đ" in text
    assert "Đ" in text
    assert "58mm" in text
    assert "10/03/2025" in text
