"""``python -m kiosk idcard parse``: IT staff checking a scanner, as they would type it,
with the cards citizens really carry."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable

KioskCli = Callable[..., subprocess.CompletedProcess[str]]

CARD = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"
#: A 12-digit CMND (2012-2016) in the old-ID field.
TWELVE_DIGIT_OLD_ID = CARD.replace("|123456789|", "|012345678901|")
#: An elderly woman's thẻ căn cước: the year of birth only.
YEAR_ONLY = "001145012345||Trần Thị Lý|00001945|Nữ|Số 5, Phường Hồng Hà, Hà Nội|20082024"
#: A scanner that drops Vietnamese letters: "Nu" for "Nữ", a name without accents.
LOST_ACCENTS = (
    "001145012345|123456789|Nguyen Thi Anh|1945|Nu|So 5, Phuc Xa, Ba Dinh, Ha Noi|15082021"
)


def parse_json(kiosk_cli: KioskCli, env: dict[str, str], code: str) -> dict[str, object]:
    done = kiosk_cli("idcard", "parse", code, "--json", env=env)
    assert done.returncode == 0, done.stderr
    card: dict[str, object] = json.loads(done.stdout)
    return card


def test_a_card_as_one_json_object(kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]) -> None:
    card = parse_json(kiosk_cli, fresh_kiosk_env, CARD + "|Trần Thị Chi")
    assert card["id_number"] == "001099012345"
    assert card["old_id_number"] == "123456789"
    assert card["full_name"] == "Nguyễn Văn An"
    assert card["date_of_birth"] == "1999-09-05"
    assert card["gender"] == "nam"
    assert card["address"] == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert card["issue_date"] == "2021-08-15"
    assert card["extras"] == ["Trần Thị Chi"]
    assert card["card_kind"] == "cccd_chip"
    assert card["address_is_permanent"] is True
    assert (card["partial"], card["flags"]) == ([], [])
    converted = card["converted_address"]
    assert isinstance(converted, dict)
    assert converted["detail"] == "Số 5"
    assert converted["ward"] == "Phường Hồng Hà"
    assert converted["province"] == "Thành phố Hà Nội"
    assert converted["province_code"] == "01"


def test_a_twelve_digit_old_id_is_accepted(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    card = parse_json(kiosk_cli, fresh_kiosk_env, TWELVE_DIGIT_OLD_ID)
    assert card["old_id_number"] == "012345678901"
    assert card["full_name"] == "Nguyễn Văn An"


def test_a_year_only_birth_date_is_accepted_and_shown_partial(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    card = parse_json(kiosk_cli, fresh_kiosk_env, YEAR_ONLY)
    assert card["date_of_birth"] == "1945"
    assert card["partial"] == ["date_of_birth"]
    assert card["card_kind"] == "can_cuoc"
    assert card["address_is_permanent"] is False  # the new card prints "Nơi cư trú"
    assert card["issuer"] == "Bộ Công an"


def test_a_scan_with_lost_accents_is_accepted_and_flagged(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    card = parse_json(kiosk_cli, fresh_kiosk_env, LOST_ACCENTS)
    assert card["gender"] == "nu"
    assert card["full_name"] == "Nguyen Thi Anh"
    assert card["flags"] == ["name_may_lack_accents", "address_may_lack_accents"]
    assert card["partial"] == ["date_of_birth"]


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

    partial = kiosk_cli("idcard", "parse", "-", env=fresh_kiosk_env, stdin=LOST_ACCENTS)
    assert partial.returncode == 0, partial.stderr
    lines = partial.stdout.splitlines()
    assert "Date of birth: 1945 (partial: the card does not give the full date)" in lines
    assert "To check: name_may_lack_accents, address_may_lack_accents" in lines


def test_a_future_issue_date_exits_2_with_what_to_do(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    done = kiosk_cli("idcard", "parse", CARD.replace("15082021", "15082099"), env=fresh_kiosk_env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Ngày cấp hoặc ngày sinh trên thẻ là một ngày chưa tới" in done.stderr
    assert "Vui lòng nhập tay" in done.stderr
    assert "quét lại" not in done.stderr


def test_an_id_number_contradicting_the_card_exits_2(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    # A woman's card whose number's gender digit says a man.
    wrong = YEAR_ONLY.replace("001145012345", "001045012345")
    done = kiosk_cli("idcard", "parse", wrong, "--json", env=fresh_kiosk_env)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Thông tin trên thẻ không khớp nhau. Vui lòng nhập tay các mục của tờ khai." in (
        done.stderr
    )
    assert "001045012345" not in done.stderr
    assert "Trần" not in done.stderr


def test_what_is_no_card_exits_2_with_scanning_advice(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    broken = CARD.replace("05091999", "31021999")
    done = kiosk_cli("idcard", "parse", broken, "--json", env=fresh_kiosk_env)
    assert done.returncode == 2
    assert "Chưa đọc được thẻ. Vui lòng giữ thẻ cách máy quét khoảng 10 cm" in done.stderr
    assert "001099012345" not in done.stderr
    assert "Nguyễn" not in done.stderr

    not_a_card = kiosk_cli("idcard", "parse", "https://example.vn", env=fresh_kiosk_env)
    assert not_a_card.returncode == 2
    assert "mặt sau thẻ căn cước mới" in not_a_card.stderr
