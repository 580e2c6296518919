"""No ID number or phone number reaches a log file, whatever path it takes there."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import LOG_TAIL, configure_logging, mask_personal_data
from kiosk.logs.setup import LOG_FILE_NAME

CCCD = "079203001234"
CMND = "025123456"
MOBILE = "0912345678"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"CCCD {CCCD}", CCCD),
        (f"CMND: {CMND}.", CMND),
        (f"gọi {MOBILE}", MOBILE),
        ("gọi +84 912 345 678", "912 345 678"),
        ("gọi 84912345678", "84912345678"),
        ("gọi 0912.345.678", "0912.345.678"),
        ("cố định 024 3825 1234", "3825 1234"),
        (f"id={CCCD},phone={MOBILE}", CCCD),
        (f"kiosk 3f2a9c1e-5b7d-4e0a-8e4f-112117498e62 CCCD {CCCD}", CCCD),
        (f"{CCCD}-{MOBILE}", MOBILE),
    ],
)
def test_personal_numbers_are_masked(text: str, secret: str) -> None:
    masked = mask_personal_data(text)
    assert secret not in masked
    assert "***" in masked


@pytest.mark.parametrize(
    "text",
    [
        "số thứ tự A-001",
        "hồ sơ HS-KIOSK01-261126-0042",
        "mã thủ tục 1.001193",
        "năm 2026",
        "1234567",
        "kiosk 3f2a9c1e-5b7d-4e0a-8e4f-112117498e62",
        "kiosk 3f2a9c1e-5b7d-4e0a-8e4f-112117498062",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "khóa ab123456789cd",
    ],
)
def test_ordinary_numbers_stay_readable(text: str) -> None:
    assert mask_personal_data(text) == text


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    configure_logging(tmp_path, "INFO")
    yield tmp_path
    configure_logging(None, "WARNING")


def read_log(log_dir: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return (log_dir / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_log_file_never_holds_a_number_from_args_message_or_traceback(log_dir: Path) -> None:
    log = logging.getLogger("kiosk.forms")
    log.info("applicant %s phone %s", CCCD, MOBILE)
    log.warning(f"old id {CMND} rejected")
    try:
        raise OSError(f"cannot open {CCCD}.pdf")
    except OSError:
        log.exception("parse failed")
    text = read_log(log_dir)
    assert "applicant <id:***34> phone <phone:***78>" in text
    # A message kept in a traceback (an OS error's) is masked too: the net under it all.
    assert "OSError: cannot open <id:***34>.pdf" in text
    for secret in (CCCD, CMND, MOBILE):
        assert secret not in text
    tail = "\n".join(LOG_TAIL.lines())
    assert "parse failed" in tail
    assert CCCD not in tail


def test_each_area_logs_under_its_own_name(log_dir: Path) -> None:
    logging.getLogger("kiosk.print").warning("printer offline")
    assert "WARNING kiosk.print: printer offline" in read_log(log_dir)
