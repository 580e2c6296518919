"""``python -m kiosk idcard parse``: IT staff checking a scanner, as they would type it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

KioskCli = Callable[..., subprocess.CompletedProcess[str]]

CARD = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"


def test_a_card_as_one_json_object(kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]) -> None:
    done = kiosk_cli("idcard", "parse", CARD + "|Trần Thị Chi", "--json", env=fresh_kiosk_env)
    assert done.returncode == 0, done.stderr
    card = json.loads(done.stdout)
    assert card["id_number"] == "001099012345"
    assert card["old_id_number"] == "123456789"
    assert card["full_name"] == "Nguyễn Văn An"
    assert card["date_of_birth"] == "1999-09-05"
    assert card["gender"] == "nam"
    assert card["address"] == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert card["issue_date"] == "2021-08-15"
    assert card["extras"] == ["Trần Thị Chi"]
    converted = card["converted_address"]
    assert converted["detail"] == "Số 5"
    assert converted["ward"] == "Phường Hồng Hà"
    assert converted["province"] == "Thành phố Hà Nội"
    assert converted["province_code"] == "01"


def test_a_card_as_readable_lines_read_from_standard_input(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    code = CARD.replace("Phúc Xá, Ba Đình", "Đa Kao, Quận 1").replace("Hà Nội", "Hồ Chí Minh")
    done = kiosk_cli("idcard", "parse", "-", env=fresh_kiosk_env, stdin=code + "\r\n")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Full name: Nguyễn Văn An" in lines
    assert "Date of birth: 05/09/1999" in lines
    assert "Gender: Nam" in lines
    assert "Issue date: 15/08/2021" in lines
    assert "Address: Số 5, Đa Kao, Quận 1, Hồ Chí Minh" in lines
    assert any(line.startswith("Current address: - (not converted") for line in lines)


def test_a_broken_code_exits_2_with_the_citizens_message(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    broken = CARD.replace("05091999", "31021999")
    done = kiosk_cli("idcard", "parse", broken, "--json", env=fresh_kiosk_env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Ngày sinh trong mã QR không hợp lệ" in done.stderr
    assert "001099012345" not in done.stderr
    assert "Nguyễn" not in done.stderr

    not_a_card = kiosk_cli("idcard", "parse", "https://example.vn", env=fresh_kiosk_env)
    assert not_a_card.returncode == 2
    assert "không phải mã QR của thẻ căn cước" in not_a_card.stderr
