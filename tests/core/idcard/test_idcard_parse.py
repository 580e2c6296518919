"""Reading the căn cước QR code as a keyboard-wedge scanner types it."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kiosk.idcard import IdCard, IdCardError, looks_like_payload, parse

CARD = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"


def payload(**changes: str) -> str:
    parts = dict(
        zip(
            ["id", "old", "name", "born", "gender", "address", "issued"],
            CARD.split("|"),
            strict=True,
        )
    )
    parts.update(changes)
    return "|".join(parts.values())


def test_a_card_is_read_part_by_part() -> None:
    card = parse(CARD)
    assert card == IdCard(
        id_number="001099012345",
        old_id_number="123456789",
        full_name="Nguyễn Văn An",
        date_of_birth=date(1999, 9, 5),
        gender="nam",
        address="Số 5, Phúc Xá, Ba Đình, Hà Nội",
        issue_date=date(2021, 8, 15),
        extras=(),
    )


def test_scanner_noise_around_the_code_and_its_parts_is_trimmed() -> None:
    spaced = (
        "  001099012345 | |  Nguyễn   Văn An |05091999| nam |Số 5, Phúc Xá, Ba Đình, Hà Nội||\r\n"
    )
    card = parse(spaced)
    assert card.old_id_number is None
    assert card.full_name == "Nguyễn Văn An"
    assert card.issue_date is None
    assert card.extras == ("",)


def test_parts_are_nfc_whatever_the_scanner_sends() -> None:
    card = parse(unicodedata.normalize("NFD", CARD))
    assert card.full_name == "Nguyễn Văn An"
    assert card.address == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert unicodedata.is_normalized("NFC", card.address)


def test_six_fields_are_enough_and_more_are_kept() -> None:
    six = "|".join(CARD.split("|")[:6])
    assert parse(six).issue_date is None
    longer = CARD + "|Nguyễn Văn Bình|Trần Thị Chi|"
    card = parse(longer)
    assert card.issue_date == date(2021, 8, 15)
    assert card.extras == ("Nguyễn Văn Bình", "Trần Thị Chi", "")


def test_a_woman_born_in_the_2000s() -> None:
    card = parse(payload(id="079304001234", born="29022004", gender="Nữ", old=""))
    assert (card.gender, card.date_of_birth, card.old_id_number) == ("nu", date(2004, 2, 29), None)


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"id": "00109901234"}, "Số định danh cá nhân trong mã QR không hợp lệ"),
        ({"id": "003099012345"}, "Số định danh cá nhân trong mã QR không hợp lệ"),
        ({"id": "001 99012345"}, "Số định danh cá nhân trong mã QR không hợp lệ"),
        ({"id": "001199012345"}, "không khớp với ngày sinh hoặc giới tính"),
        ({"id": "001299012345"}, "không khớp với ngày sinh hoặc giới tính"),
        ({"id": "001098012345"}, "không khớp với ngày sinh hoặc giới tính"),
        ({"gender": "Nữ"}, "không khớp với ngày sinh hoặc giới tính"),
        ({"old": "12345678"}, "chứng minh nhân dân cũ"),
        ({"old": "12345678a"}, "chứng minh nhân dân cũ"),
        ({"name": "Nguyễn Văn 4n"}, "Họ và tên"),
        ({"name": ""}, "Họ và tên"),
        ({"born": "31021999"}, "Ngày sinh"),
        ({"born": "5091999"}, "Ngày sinh"),
        ({"born": "05/09/1999"}, "Ngày sinh"),
        ({"born": ""}, "Ngày sinh"),
        ({"gender": "Male"}, "Giới tính"),
        ({"gender": ""}, "Giới tính"),
        ({"address": ""}, "Nơi thường trú"),
        ({"address": "Số 5, Phúc Xá, Ba Đình, Hà Nội, " + "x" * 280}, "Nơi thường trú"),
        ({"address": "x" * 301}, "Nơi thường trú"),
        ({"issued": "32012021"}, "Ngày cấp"),
        ({"issued": "15081990"}, "Ngày cấp"),  # before the holder was born
    ],
)
def test_a_wrong_part_refuses_the_whole_code(changes: dict[str, str], says: str) -> None:
    bad = payload(**changes)
    with pytest.raises(IdCardError) as caught:
        parse(bad)
    message = caught.value.message.render()
    assert says in message
    assert "Chưa điền thông tin nào" in message
    for part in bad.split("|"):
        if len(part) >= 4:
            assert part not in message
            assert part not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "001099012345",
        "001099012345|123456789|Nguyễn Văn An|05091999|Nam",
        "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        CARD.replace("|", ";"),
        CARD + "\x00",
        CARD.replace("Số 5", "Số 5 😀"),
        CARD.replace("Nguyễn", "Nguyễn\x1b"),
        CARD + "|" + "x" * 3000,
    ],
)
def test_what_is_not_a_card_code(text: str) -> None:
    with pytest.raises(IdCardError) as caught:
        parse(text)
    assert "không phải mã QR của thẻ căn cước" in caught.value.message.render()


def test_a_pipe_inside_a_part_shifts_the_parts_and_is_refused() -> None:
    with pytest.raises(IdCardError):
        parse(payload(name="Nguyễn|Văn An"))


def test_the_cheap_pre_check() -> None:
    assert looks_like_payload(CARD)
    assert looks_like_payload(" 001099012345 |||||")
    assert not looks_like_payload("00109901234|||||")
    assert not looks_like_payload("001099012345||||")
    assert not looks_like_payload("abcdefghijkl|||||")
    assert not looks_like_payload("００１０９９０１２３４５|||||")
    assert not looks_like_payload(CARD + "x" * 3000)
    assert not looks_like_payload("Nguyễn Văn An")


def test_a_card_never_shows_its_data_in_a_repr() -> None:
    card = parse(CARD)
    for text in (repr(card), str(card), f"{card!r}"):
        assert "001099012345" not in text
        assert "Nguyễn" not in text
        assert "Phúc Xá" not in text
