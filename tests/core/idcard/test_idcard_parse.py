"""Reading the căn cước QR code as a keyboard-wedge scanner types it, from the cards
citizens really carry."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kiosk.idcard import (
    CardKind,
    IdCard,
    IdCardError,
    PartialDate,
    errors,
    looks_like_payload,
    parse,
)

CARD = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phúc Xá, Ba Đình, Hà Nội|15082021"
#: What the kiosk's clock says in these tests.
TODAY = date(2025, 3, 10)
#: An elderly woman's card of the new generation: no old ID, year of birth only.
ELDERLY = "001145012345||Trần Thị Lý|00001945|Nữ|Số 5, Phường Hồng Hà, Hà Nội|20082024"
UNREADABLE = (
    "Chưa đọc được thẻ. Vui lòng giữ thẻ cách máy quét khoảng 10 cm (mã QR ở mặt trước thẻ "
    "CCCD gắn chip, mặt sau thẻ căn cước mới) hoặc nhập tay."
)


def payload(base: str = CARD, **changes: str) -> str:
    parts = dict(
        zip(
            ["id", "old", "name", "born", "gender", "address", "issued"],
            base.split("|"),
            strict=True,
        )
    )
    parts.update(changes)
    return "|".join(parts.values())


def read(code: str) -> IdCard:
    return parse(code, today=TODAY)


def test_a_card_is_read_part_by_part() -> None:
    card = read(CARD)
    assert card == IdCard(
        id_number="001099012345",
        old_id_number="123456789",
        full_name="Nguyễn Văn An",
        date_of_birth=PartialDate(1999, 9, 5),
        gender="nam",
        address="Số 5, Phúc Xá, Ba Đình, Hà Nội",
        issue_date=date(2021, 8, 15),
        extras=(),
    )
    assert card.date_of_birth.full == date(1999, 9, 5)
    assert not card.accents_lost


def test_scanner_noise_around_the_code_and_its_parts_is_trimmed() -> None:
    spaced = (
        "  001099012345 | |  Nguyễn   Văn An |05091999| nam |Số 5, Phúc Xá, Ba Đình, Hà Nội||\r\n"
    )
    card = read(spaced)
    assert card.old_id_number is None
    assert card.full_name == "Nguyễn Văn An"
    assert card.issue_date is None
    assert card.extras == ("",)


def test_parts_are_nfc_whatever_the_scanner_sends() -> None:
    card = read(unicodedata.normalize("NFD", CARD))
    assert card.full_name == "Nguyễn Văn An"
    assert card.address == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert card.address is not None
    assert unicodedata.is_normalized("NFC", card.address)


def test_six_fields_are_enough_and_more_are_kept() -> None:
    six = "|".join(CARD.split("|")[:6])
    assert read(six).issue_date is None
    longer = CARD + "|Nguyễn Văn Bình|Trần Thị Chi|"
    card = read(longer)
    assert card.issue_date == date(2021, 8, 15)
    assert card.extras == ("Nguyễn Văn Bình", "Trần Thị Chi", "")


def test_a_woman_born_in_the_2000s() -> None:
    card = read(payload(id="079304001234", born="29022004", gender="Nữ", old=""))
    assert (card.gender, card.date_of_birth.full, card.old_id_number) == (
        "nu",
        date(2004, 2, 29),
        None,
    )


# -- the cards citizens carry ------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "kept"),
    [
        ("123456789", "123456789"),  # the 9-digit CMND
        ("012345678901", "012345678901"),  # the 12-digit CMND of 2012-2016
        ("", None),
        ("12345678", None),  # anything else is ignored: no form needs it
        ("12345678a", None),
        ("B1234567", None),
        ("123 456 789", None),
    ],
)
def test_any_old_id_field_is_accepted(old: str, kept: str | None) -> None:
    card = read(payload(old=old))
    assert card.old_id_number == kept
    assert card.full_name == "Nguyễn Văn An"


@pytest.mark.parametrize(
    ("born", "partial"),
    [
        ("00001945", PartialDate(1945)),
        ("1945", PartialDate(1945)),
        ("00031945", PartialDate(1945, 3)),
    ],
)
def test_a_partial_birth_date_is_kept_as_what_is_known(born: str, partial: PartialDate) -> None:
    card = read(payload(ELDERLY, born=born))
    assert card.date_of_birth == partial
    assert card.date_of_birth.full is None
    assert not card.date_of_birth.is_full
    assert card.full_name == "Trần Thị Lý"


def test_partial_dates_say_what_is_known() -> None:
    assert PartialDate(1945).iso() == "1945"
    assert PartialDate(1945, 3).iso() == "1945-03"
    assert PartialDate(1945, 3, 5).iso() == "1945-03-05"
    assert PartialDate(1945, 3).shown() == "03/1945"
    assert (PartialDate(1945).earliest, PartialDate(1945).latest) == (
        date(1945, 1, 1),
        date(1945, 12, 31),
    )
    assert PartialDate(2024, 2).latest == date(2024, 2, 29)
    with pytest.raises(ValueError, match="a day needs its month"):
        PartialDate(1945, None, 5)
    with pytest.raises(ValueError, match="day out of range"):
        PartialDate(1999, 2, 30)


@pytest.mark.parametrize("gender", ["Nu", "NU", "nu", "Nữ", "NỮ", "N"])
def test_a_womans_gender_survives_a_scanner_that_drops_accents(gender: str) -> None:
    assert read(payload(ELDERLY, gender=gender)).gender == "nu"


@pytest.mark.parametrize("gender", ["Nam", "NAM", "nam"])
def test_a_mans_gender_in_any_case(gender: str) -> None:
    assert read(payload(gender=gender)).gender == "nam"


def test_an_unaccented_scan_fills_as_scanned_and_says_the_accents_may_be_lost() -> None:
    card = read("001145012345|123456789|Nguyen Thi Anh|00001945|Nu|So 5, Phuc Xa, Ha Noi|15082021")
    assert card.full_name == "Nguyen Thi Anh"
    assert card.gender == "nu"
    assert card.accents_lost
    assert card.name_may_lack_accents
    assert card.address_may_lack_accents


def test_an_unaccented_name_on_a_card_with_accents_elsewhere_is_not_flagged() -> None:
    card = read(payload(name="Ksor Y Kim"))  # a name with no marks, the address has some
    assert card.full_name == "Ksor Y Kim"
    assert not card.name_may_lack_accents


@pytest.mark.parametrize("name", ["Nguy?n Văn An", "Nguy\ufffdn Văn An", "", "A" * 101])
def test_an_unreadable_name_leaves_the_name_out_and_keeps_the_rest(name: str) -> None:
    card = read(payload(name=name))
    assert card.full_name is None
    assert card.id_number == "001099012345"
    assert card.date_of_birth.full == date(1999, 9, 5)


@pytest.mark.parametrize("address", ["", "x" * 301])
def test_an_unreadable_address_leaves_the_address_out(address: str) -> None:
    card = read(payload(address=address))
    assert card.address is None
    assert card.full_name == "Nguyễn Văn An"


@pytest.mark.parametrize("issued", ["32012021", "1508202", "15/08/2021"])
def test_an_unreadable_issue_date_is_left_out(issued: str) -> None:
    card = read(payload(issued=issued))
    assert card.issue_date is None
    assert card.kind == CardKind.UNKNOWN


def test_both_card_generations() -> None:
    chip = read(CARD)
    assert chip.kind == CardKind.CCCD_CHIP
    assert chip.address_is_permanent
    assert chip.issuer == "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
    new = read(ELDERLY)
    assert new.kind == CardKind.CAN_CUOC
    assert not new.address_is_permanent  # "Nơi cư trú": may be a temporary residence
    assert new.issuer == "Bộ Công an"
    unknown = read("|".join(CARD.split("|")[:6]))
    assert (unknown.kind, unknown.address_is_permanent, unknown.issuer) == (
        CardKind.UNKNOWN,
        False,
        None,
    )
    assert read(payload(issued="30062024")).kind == CardKind.CCCD_CHIP
    assert read(payload(issued="01072024")).kind == CardKind.CAN_CUOC


# -- what is truly wrong ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"id": "001199012345"},  # a woman's number on a man's card
        {"id": "001299012345"},  # born in the 2000s
        {"id": "001098012345"},  # born in 1998
        {"gender": "Nữ"},
        {"gender": "Nu"},  # an unaccented "Nữ" is still a woman, and still contradicts
        {"born": "00001998"},  # the year alone contradicts too
        {"issued": "15081990"},  # issued before the holder was born
    ],
)
def test_an_id_number_that_contradicts_the_card_refuses_it(changes: dict[str, str]) -> None:
    with pytest.raises(IdCardError) as caught:
        read(payload(**changes))
    message = caught.value.message.render()
    assert message == "Thông tin trên thẻ không khớp nhau. Vui lòng nhập tay các mục của tờ khai."
    assert "quét lại" not in message


def test_a_future_issue_date_refuses_the_card() -> None:
    code = payload(issued="11032025")  # the day after the kiosk's today
    with pytest.raises(IdCardError) as caught:
        read(code)
    assert caught.value.message == errors.FUTURE_DATE
    assert "nhập tay" in caught.value.message.render()
    assert parse(code, today=date(2025, 3, 11)).issue_date == date(2025, 3, 11)


def test_a_birth_after_today_refuses_the_card() -> None:
    with pytest.raises(IdCardError) as caught:
        read(payload(id="001226012345", born="01012026", issued=""))
    assert caught.value.message == errors.FUTURE_DATE


def test_an_id_number_with_no_province_refuses_the_card() -> None:
    with pytest.raises(IdCardError) as caught:
        read(payload(id="003099012345"))
    assert caught.value.message == errors.BAD_ID_NUMBER
    assert "quét lại" not in caught.value.message.render()


# -- what cannot be read -------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
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
        payload(id="00109901234"),
        payload(id="001 99012345"),
        payload(born="31021999"),
        payload(born="5091999"),
        payload(born="05/09/1999"),
        payload(born=""),
        payload(born="05001999"),  # a day without its month
        payload(born="01011899"),
        payload(gender="Male"),
        payload(gender=""),
        payload(name="Nguyễn|Văn An"),  # a "|" in a part shifts every part after it
    ],
)
def test_what_cannot_be_read_as_a_card_asks_to_hold_it_right_or_type(code: str) -> None:
    with pytest.raises(IdCardError) as caught:
        read(code)
    message = caught.value.message.render()
    assert message == UNREADABLE
    for part in code.split("|"):
        if len(part) >= 4:
            assert part not in message
            assert part not in str(caught.value)


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
    card = read(CARD)
    for text in (repr(card), str(card), f"{card!r}"):
        assert "001099012345" not in text
        assert "Nguyễn" not in text
        assert "Phúc Xá" not in text
