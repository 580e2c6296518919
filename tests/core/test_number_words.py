"""Numbers and dates in Vietnamese words, as "ghi bằng chữ" asks and the voice reads.

Every day of a century is written and read back by a reader written here from the rules
(not from the module), and each text is checked for the spellings the rules require:
"mốt", "tư", "lăm" after "mươi", "linh" before a lone unit, "không trăm" inside.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import pytest

from kiosk.text.number_words import (
    MAX_NUMBER,
    date_words,
    month_words,
    number_words,
    year_only_words,
)

KNOWN = {
    0: "không",
    1: "một",
    4: "bốn",
    5: "năm",
    10: "mười",
    11: "mười một",
    14: "mười bốn",
    15: "mười lăm",
    20: "hai mươi",
    21: "hai mươi mốt",
    24: "hai mươi tư",
    25: "hai mươi lăm",
    30: "ba mươi",
    101: "một trăm linh một",
    104: "một trăm linh bốn",
    105: "một trăm linh năm",
    110: "một trăm mười",
    115: "một trăm mười lăm",
    1000: "một nghìn",
    1005: "một nghìn không trăm linh năm",
    1025: "một nghìn không trăm hai mươi lăm",
    1994: "một nghìn chín trăm chín mươi tư",
    2000: "hai nghìn",
    2001: "hai nghìn không trăm linh một",
    2025: "hai nghìn không trăm hai mươi lăm",
    10_000: "mười nghìn",
    150_000: "một trăm năm mươi nghìn",
    1_000_000: "một triệu",
    1_000_005: "một triệu không trăm linh năm",
    1_005_000: "một triệu không trăm linh năm nghìn",
    150_000_000: "một trăm năm mươi triệu",
    MAX_NUMBER: "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
    "chín trăm chín mươi chín",
}

_DIGITS = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
_GROUPS = {"nghìn": 1_000, "triệu": 1_000_000}


def read_number(words: str) -> int:
    """The number ``words`` say, read the way a person reads them, digit by digit."""
    total = group = pending = 0
    for word in words.split():
        if word in _DIGITS:
            pending = _DIGITS[word]
        elif word == "trăm":
            group, pending = group + pending * 100, 0
        elif word == "mươi":
            group, pending = group + pending * 10, 0
        elif word == "mười":
            group += 10
        elif word in _GROUPS:
            total, group, pending = total + (group + pending) * _GROUPS[word], 0, 0
        elif word != "linh":
            raise ValueError(f"not a number word: {word!r}")
    return total + group + pending


def spelling_problems(words: str) -> list[str]:
    """Where ``words`` break the written rules (empty when they keep them)."""
    tokens = words.split()
    problems = []
    for before, word in zip(["", *tokens], tokens, strict=False):
        if word == "mốt" and before != "mươi":
            problems.append("mốt only after mươi")
        if word == "lăm" and before not in ("mươi", "mười"):
            problems.append("lăm only after mươi or mười")
        if word == "tư" and before != "mươi":
            problems.append("tư only after mươi")
        if before == "mươi" and word in ("một", "bốn", "năm"):
            problems.append(f"{word} after mươi")
        if before == "mười" and word in ("mốt", "tư", "năm"):
            problems.append(f"{word} after mười")
        if word == "không" and tokens != ["không"] and not words.count("không trăm"):
            problems.append("a lone không")
    if re.search(r"(nghìn|triệu) (?!\S+ trăm)", words):
        problems.append("a group after the first without its hundreds")
    return problems


@pytest.mark.parametrize(("number", "words"), KNOWN.items(), ids=str)
def test_known_numbers(number: int, words: str) -> None:
    assert number_words(number) == words


def test_le_is_the_southern_choice_for_zero_tens() -> None:
    assert number_words(105, zero_tens="lẻ") == "một trăm lẻ năm"
    assert number_words(2005, zero_tens="lẻ") == "hai nghìn không trăm lẻ năm"
    assert "linh" not in number_words(1_000_101, zero_tens="lẻ")


def test_every_number_to_a_hundred_thousand_reads_back_and_keeps_the_spelling() -> None:
    for number in range(100_000):
        words = number_words(number)
        assert read_number(words) == number, words
        assert spelling_problems(words) == [], (number, words)


def test_large_numbers_read_back() -> None:
    rng = random.Random(2025)
    for number in [rng.randrange(MAX_NUMBER + 1) for _ in range(20_000)]:
        words = number_words(number)
        assert read_number(words) == number, words
        assert spelling_problems(words) == [], (number, words)


@pytest.mark.parametrize("wrong", [-1, MAX_NUMBER + 1, True])
def test_numbers_out_of_range_are_refused(wrong: int) -> None:
    with pytest.raises(ValueError, match="0 to 999999999"):
        number_words(wrong)


def test_the_birth_form_example() -> None:
    assert (
        date_words(date(2025, 2, 20))
        == "Ngày hai mươi tháng hai năm hai nghìn không trăm hai mươi lăm"
    )


def test_the_fourth_month_is_tu_and_the_others_plain() -> None:
    assert [month_words(month) for month in range(1, 13)] == [
        "một",
        "hai",
        "ba",
        "tư",
        "năm",
        "sáu",
        "bảy",
        "tám",
        "chín",
        "mười",
        "mười một",
        "mười hai",
    ]
    with pytest.raises(ValueError, match="no month 13"):
        month_words(13)


def test_options_of_a_date_in_words() -> None:
    day = date(2001, 1, 5)
    assert date_words(day) == "Ngày năm tháng một năm hai nghìn không trăm linh một"
    assert date_words(day, capitalise=False).startswith("ngày năm tháng một")
    assert date_words(day, day_prefix="mồng").startswith("Ngày mồng năm tháng một")
    assert date_words(date(2001, 1, 11), day_prefix="mồng").startswith("Ngày mười một")
    assert year_only_words(1962) == "Năm một nghìn chín trăm sáu mươi hai"


#: Day and month are the shortest readings: "Ngày năm tháng năm năm hai nghìn …" is 5/5.
_DATE = re.compile(r"Ngày (?P<day>.+?) tháng (?P<month>.+?) năm (?P<year>.+)")


def test_every_day_of_a_century_reads_back() -> None:
    day, last = date(2000, 1, 1), date(2099, 12, 31)
    count = 0
    while day <= last:
        text = date_words(day)
        match = _DATE.fullmatch(text)
        assert match is not None, text
        parts = {name: match[name] for name in ("day", "month", "year")}
        for part in parts.values():
            assert spelling_problems(part) == [] or part == "tư", text
        assert (parts["month"] == "tư") == (day.month == 4), text
        year, month, day_of_month = (read_number(parts[name]) for name in ("year", "month", "day"))
        assert date(year, month, day_of_month) == day, text
        day += timedelta(days=1)
        count += 1
    assert count == 36_525
