"""Dates typed day first, real calendar dates, within the limits a form sets."""

from __future__ import annotations

from datetime import date

import pytest

from wire.validation import InvalidValue, age_on, check_date, parse_date

TODAY = date(2025, 3, 10)


@pytest.mark.parametrize(
    "typed",
    [
        "05/09/1990",
        "5/9/1990",
        "05-09-1990",
        "5-9-1990",
        "05.09.1990",
        "05091990",
        " 5 / 9 / 1990 ",
    ],
)
def test_the_usual_ways_of_writing_a_date(typed: str) -> None:
    assert parse_date(typed) == date(1990, 9, 5)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31/02/2000", "chỉ có 29 ngày"),
        ("31022000", "chỉ có 29 ngày"),
        ("29/02/2023", "chỉ có 28 ngày"),
        ("31/04/2020", "chỉ có 30 ngày"),
        ("00/01/2020", "chỉ có 31 ngày"),
        ("01/13/2020", "Tháng phải từ 1 đến 12"),
        ("01/00/2020", "Tháng phải từ 1 đến 12"),
        ("05/09/90", "bốn chữ số"),
        ("05/09/01990", "bốn chữ số"),
        ("05/09/1850", "từ 1900"),
        ("1990-09-05", "ngày/tháng/năm"),
        ("5 tháng 9", "ngày/tháng/năm"),
        ("٠٥/٠٩/١٩٩٠", "ngày/tháng/năm"),
        ("", "ngày/tháng/năm"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(typed: str, says: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(typed)
    assert says in caught.value.message.render()


def test_a_leap_day_exists_in_leap_years() -> None:
    assert parse_date("29/02/2024") == date(2024, 2, 29)
    assert parse_date("29/02/2000") == date(2000, 2, 29)


def test_age_counts_whole_years_and_the_birthday_itself() -> None:
    assert age_on(date(2007, 3, 10), TODAY) == 18
    assert age_on(date(2007, 3, 11), TODAY) == 17
    assert age_on(date(2004, 2, 29), date(2025, 2, 28)) == 20
    assert age_on(date(2004, 2, 29), date(2025, 3, 1)) == 21


def test_limits_of_a_date_field() -> None:
    assert check_date(TODAY, today=TODAY, not_future=True) == TODAY
    with pytest.raises(InvalidValue, match="sau ngày hôm nay"):
        check_date(date(2025, 3, 11), today=TODAY, not_future=True)
    assert check_date(date(2025, 3, 11), today=TODAY) == date(2025, 3, 11)

    assert check_date(date(2007, 3, 10), today=TODAY, min_age=18)
    with pytest.raises(InvalidValue) as caught:
        check_date(date(2007, 3, 11), today=TODAY, min_age=18)
    assert caught.value.message.render() == "Người này phải đủ 18 tuổi tính đến hôm nay."

    assert check_date(date(1925, 3, 11), today=TODAY, max_age=99)
    with pytest.raises(InvalidValue, match="quá 99 tuổi"):
        check_date(date(1925, 3, 10), today=TODAY, max_age=99)

    birth = date(1990, 9, 5)
    assert check_date(birth, today=TODAY, not_before=birth) == birth
    with pytest.raises(InvalidValue, match="ngày mất không thể trước ngày sinh"):
        check_date(date(1990, 9, 4), today=TODAY, not_before=birth)
