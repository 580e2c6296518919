"""Số định danh cá nhân: its digits say where and when the person was born."""

from __future__ import annotations

from datetime import date

import pytest

from wire.validation import (
    PROVINCE_CODES,
    InvalidValue,
    birth_year_of,
    check_id_number,
    check_old_id_number,
    gender_of,
)


def refusal(text: str, **options: object) -> str:
    with pytest.raises(InvalidValue) as caught:
        check_id_number(text, **options)  # type: ignore[arg-type]
    return caught.value.message.render()


def test_a_valid_number_is_returned_without_spaces() -> None:
    assert check_id_number("001 099 012 345") == "001099012345"
    assert check_id_number("001099012345", birth_date=date(1999, 5, 1), gender="nam") == (
        "001099012345"
    )


def test_the_province_codes_are_the_63_former_provinces() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    for code in ("000", "003", "005", "097", "100", "999"):
        assert code not in PROVINCE_CODES
        # Not the rule (province codes) but what to do: compare with the card.
        assert "đối chiếu 12 số in trên thẻ căn cước" in refusal(f"{code}099012345")


@pytest.mark.parametrize(
    ("digit", "century", "gender"),
    [
        (0, 1900, "nam"),
        (1, 1900, "nu"),
        (2, 2000, "nam"),
        (3, 2000, "nu"),
        (4, 2100, "nam"),
        (5, 2100, "nu"),
        (6, 2200, "nam"),
        (7, 2200, "nu"),
        (8, 2300, "nam"),
        (9, 2300, "nu"),
    ],
)
def test_the_fourth_digit_gives_century_and_gender(digit: int, century: int, gender: str) -> None:
    number = f"036{digit}07123456"
    assert birth_year_of(number) == century + 7
    assert gender_of(number) == gender
    born = date(century + 7, 3, 1)
    assert check_id_number(number, birth_date=born, gender=gender) == number  # type: ignore[arg-type]
    other = "nu" if gender == "nam" else "nam"
    assert "giới tính" in refusal(number, birth_date=born, gender=other)
    assert "năm sinh" in refusal(number, birth_date=date(century - 93, 3, 1))
    assert "năm sinh" in refusal(number, birth_date=date(century + 8, 3, 1))


def test_each_disagreement_names_what_to_check_without_the_digits_rules() -> None:
    number = "001099012345"  # a man born in 1999
    century = refusal(number, birth_date=date(2099, 1, 1))
    year = refusal(number, birth_date=date(1998, 1, 1))
    gender = refusal(number, gender="nu")
    # A wrong century and a wrong year are the same mistake to the citizen.
    assert century == year
    assert "năm sinh" in year
    assert "giới tính" in gender
    assert year != gender
    for said in (year, gender):
        assert "chữ số thứ" not in said.lower()
        assert "Vui lòng kiểm tra lại" in said


@pytest.mark.parametrize(("text", "count"), [("0010990123456", 13), ("00109901234", 11)])
def test_a_wrong_length_is_told_with_its_digit_count(text: str, count: int) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_id_number(text)
    assert caught.value.message.params == {"count": count}
    assert f"có {count} chữ số" in caught.value.message.render()


def test_the_old_nine_digit_number_only_where_allowed() -> None:
    assert "chứng minh nhân dân cũ" in refusal("012345678")
    assert check_id_number("012 345 678", allow_old=True) == "012345678"
    assert check_old_id_number("012345678") == "012345678"
    with pytest.raises(InvalidValue, match="9 chữ số"):
        check_old_id_number("0123456789")


@pytest.mark.parametrize("text", ["00109901234a", "001-099-012345", "００１０９９０１２３４５", ""])
def test_anything_but_digits_is_refused(text: str) -> None:
    assert refusal(text)


def test_messages_never_repeat_the_number() -> None:
    for text, options in [
        ("001099012345", {"gender": "nu"}),
        ("001099012345", {"birth_date": date(1998, 1, 1)}),
        ("0010990123456", {}),
        ("003099012345", {}),
    ]:
        message = refusal(text, **options)
        assert text not in message
        assert text[:6] not in message
