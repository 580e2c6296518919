"""Numbers and dates in Vietnamese words: "mười lăm", "hai nghìn không trăm hai mươi lăm".

Templates ask for some answers "ghi bằng chữ" (the child's birth date on the birth form),
and the counter-side voice reads ticket numbers aloud: both need the same words, so they
live here, on plain strings, without Qt.

The words follow the written standard of official documents:

- Groups of three digits, named "nghìn", "triệu"; an empty group inside a number is left
  out (1 000 005: "một triệu không trăm linh năm"), and every group after the first says
  its hundreds even when they are zero ("hai nghìn không trăm hai mươi lăm").
- A zero tens digit before a units digit is "linh" (105: "một trăm linh năm"), the usage
  of legal and banking texts; southern speech says "lẻ", which ``zero_tens="lẻ"`` gives.
- Units after a tens digit of two or more: 1 is "mốt" (21: "hai mươi mốt"), 4 is "tư"
  (24: "hai mươi tư"), 5 is "lăm" (25: "hai mươi lăm"); after "mười", 5 is "lăm" and 1, 4
  stay "một", "bốn" (11: "mười một", 14: "mười bốn", 15: "mười lăm"); after "linh" every
  digit keeps its plain name ("một trăm linh một", "một trăm linh bốn").
- Dates: "Ngày hai mươi tháng hai năm hai nghìn không trăm hai mươi lăm". The fourth
  month is "tháng tư", as everyone writes it; the first and the last are "tháng một"
  and "tháng mười hai" (the solar calendar's names, not the lunar "giêng", "chạp").
  Days from 1 to 10 are written as plain numbers ("Ngày năm tháng ba"); ``day_prefix``
  adds the "mồng" some offices write before them.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

#: The largest number :func:`number_words` writes: nine hundred million and the rest.
MAX_NUMBER: Final = 999_999_999

ZeroTens = Literal["linh", "lẻ"]

DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
#: Names of the groups of three digits, from the right.
GROUPS: Final = ("", "nghìn", "triệu")
_GROUP_SIZE: Final = 1000


def number_words(number: int, *, zero_tens: ZeroTens = "linh") -> str:
    """``number`` (0 to :data:`MAX_NUMBER`) in words: 2025 → "hai nghìn không trăm hai mươi lăm".

    Raises ``ValueError`` outside that range: a caller that needs more (an amount of
    money in tỷ) should say so rather than get a wrong reading.
    """
    if isinstance(number, bool) or not 0 <= number <= MAX_NUMBER:
        raise ValueError(f"number_words() takes 0 to {MAX_NUMBER}, not {number!r}")
    if number == 0:
        return DIGITS[0]
    groups: list[int] = []
    while number:
        number, group = divmod(number, _GROUP_SIZE)
        groups.append(group)
    words: list[str] = []
    for position in reversed(range(len(groups))):
        group = groups[position]
        if group == 0:
            continue  # an empty group inside the number is not read
        leading = position == len(groups) - 1
        words.append(_hundreds(group, full=not leading, zero_tens=zero_tens))
        if GROUPS[position]:
            words.append(GROUPS[position])
    return " ".join(words)


def _hundreds(number: int, *, full: bool, zero_tens: ZeroTens) -> str:
    """One group of three digits; ``full`` says its hundreds even when they are zero."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(DIGITS[units])
        return " ".join(words)
    if tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        words.append(_units_after_tens(tens, units))
    return " ".join(words)


def _units_after_tens(tens: int, units: int) -> str:
    if units == 5:
        return "lăm"
    if tens >= 2 and units == 1:
        return "mốt"
    if tens >= 2 and units == 4:
        return "tư"
    return DIGITS[units]


def month_words(month: int) -> str:
    """The month's name after "tháng": "một" … "mười hai", with "tư" for the fourth."""
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month!r}")
    return "tư" if month == 4 else number_words(month)


def year_words(year: int, *, zero_tens: ZeroTens = "linh") -> str:
    """A year as it is read: 1994 → "một nghìn chín trăm chín mươi tư"."""
    return number_words(year, zero_tens=zero_tens)


def date_words(
    value: date,
    *,
    capitalise: bool = True,
    day_prefix: str = "",
    zero_tens: ZeroTens = "linh",
) -> str:
    """``value`` in words: "Ngày hai mươi tháng hai năm hai nghìn không trăm hai mươi lăm".

    ``capitalise`` starts with "Ngày" (a field of its own on the form); ``day_prefix``
    ("mồng") goes before the days 1 to 10.
    """
    day = number_words(value.day, zero_tens=zero_tens)
    if day_prefix and value.day <= 10:
        day = f"{day_prefix} {day}"
    text = (
        f"ngày {day} tháng {month_words(value.month)} "
        f"năm {year_words(value.year, zero_tens=zero_tens)}"
    )
    return _capitalised(text) if capitalise else text


def year_only_words(year: int, *, capitalise: bool = True, zero_tens: ZeroTens = "linh") -> str:
    """A date of which only the year is known, in words: "Năm một nghìn chín trăm …"."""
    text = f"năm {year_words(year, zero_tens=zero_tens)}"
    return _capitalised(text) if capitalise else text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
