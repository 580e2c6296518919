"""Ngày tháng năm: typed day first, as on every Vietnamese paper, stored as a ``date``.

The kiosk's keyboard has a ``/`` key, but people also type ``-``, ``.`` or no
separator at all (``05091990``), and leave out leading zeros (``5/9/1990``): all of
these are the same date. A two-digit year is refused rather than guessed.

Where a template asks only "Năm sinh", a year alone (``1962``) is an answer too
(:func:`parse_year`, :func:`check_year`): it stands for some day of that year, so a
limit refuses it only when no day of the year could meet it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Final

from wire.i18n import QT_TRANSLATE_NOOP
from wire.validation.errors import InvalidValue

# Earlier years are typing slips (0990 for 1990): nobody a tờ khai asks about was
# born before it, and the ID number's century digits start there too.
EARLIEST_YEAR: Final = 1900

_SEPARATED = re.compile(r"([0-9]{1,2})\s*[/.\-]\s*([0-9]{1,2})\s*[/.\-]\s*([0-9]+)")
_RUN_TOGETHER = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
#: A year alone, as typed or stored.
YEAR_ONLY = re.compile(r"[0-9]{4}")


def parse_date(text: str) -> date:
    """``dd/mm/yyyy`` (or ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ``ddmmyyyy``)."""
    text = text.strip()
    match = _SEPARATED.fullmatch(text) or _RUN_TOGETHER.fullmatch(text)
    if match is None:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/1990."
            )
        )
    day, month, year_digits = match.groups()
    if len(year_digits) != 4:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Năm phải viết đủ bốn chữ số, ví dụ 05/09/1990 chứ không phải 05/09/90.",
            )
        )
    return calendar_date(int(day), int(month), int(year_digits))


def calendar_date(day: int, month: int, year: int) -> date:
    """The date, if the calendar has it; the message says which part is out of range."""
    if year < EARLIEST_YEAR:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Năm phải từ {earliest} trở đi."),
            earliest=EARLIEST_YEAR,
        )
    if not 1 <= month <= 12:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Tháng phải từ 1 đến 12."))
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Ngày không có trong lịch: tháng đã nhập chỉ có {days} ngày."
            ),
            days=days,
        )
    return date(year, month, day)


def parse_year(text: str) -> int:
    """A year alone, four digits (``1962``), where the day and month are not known."""
    text = text.strip()
    if not YEAR_ONLY.fullmatch(text):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Vui lòng nhập năm đủ bốn chữ số (ví dụ 1962), hoặc cả ngày/tháng/năm.",
            )
        )
    year = int(text)
    if year < EARLIEST_YEAR:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Năm phải từ {earliest} trở đi."),
            earliest=EARLIEST_YEAR,
        )
    return year


def years_after(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth_date: date, today: date) -> int:
    """Whole years lived on ``today`` (the birthday itself counts)."""
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def check_date(
    value: date,
    *,
    today: date,
    not_future: bool = False,
    min_age: int | None = None,
    max_age: int | None = None,
    not_before: date | None = None,
    not_past: bool = False,
    max_years_ahead: int | None = None,
) -> date:
    """``value`` if it is within the limits a form sets; ages are counted on ``today``."""
    if not_future and value > today:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Ngày này chưa tới: không được sau ngày hôm nay.")
        )
    if not_past and value < today:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Ngày này đã qua. Vui lòng chọn một ngày từ hôm nay trở đi."
            )
        )
    if max_years_ahead is not None and value > years_after(today, max_years_ahead):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Ngày này quá xa: chỉ được đến ngày {latest} ({years} năm kể từ hôm nay).",
            ),
            latest=years_after(today, max_years_ahead).strftime("%d/%m/%Y"),
            years=max_years_ahead,
        )
    if min_age is not None and age_on(value, today) < min_age:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Người này phải đủ {age} tuổi tính đến hôm nay."),
            age=min_age,
        )
    if max_age is not None and age_on(value, today) > max_age:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Người này không được quá {age} tuổi tính đến hôm nay."
            ),
            age=max_age,
        )
    if not_before is not None and value < not_before:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Ngày này không thể sớm hơn một ngày đã khai trước đó (ví dụ ngày mất không "
                "thể trước ngày sinh); vui lòng kiểm tra lại.",
            )
        )
    return value


def check_year(
    year: int,
    *,
    today: date,
    not_future: bool = False,
    min_age: int | None = None,
    max_age: int | None = None,
    not_before: date | None = None,
) -> int:
    """``year`` if some day of it meets the limits :func:`check_date` applies to a date.

    The person born "năm 1962" may have been born on any day of it: a limit refuses the
    year only when it refuses both its first and its last day, so nobody is turned away
    for the days nobody knows.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    if not_future:
        check_date(first, today=today, not_future=True)
    if min_age is not None:
        check_date(first, today=today, min_age=min_age)
    if max_age is not None:
        check_date(last, today=today, max_age=max_age)
    if not_before is not None:
        check_date(last, today=today, not_before=not_before)
    return year
