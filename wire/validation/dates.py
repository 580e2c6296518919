"""Ngày tháng năm: typed day first, as on every Vietnamese paper, stored as a ``date``.

The kiosk's keyboard has a ``/`` key, but people also type ``-``, ``.`` or no
separator at all (``05091990``), and leave out leading zeros (``5/9/1990``): all of
these are the same date. A two-digit year is refused rather than guessed.
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


def parse_date(text: str) -> date:
    """``dd/mm/yyyy`` (or ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``, ``ddmmyyyy``)."""
    text = text.strip()
    match = _SEPARATED.fullmatch(text) or _RUN_TOGETHER.fullmatch(text)
    if match is None:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Xin hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/1990."
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
) -> date:
    """``value`` if it is within the limits a form sets; ages are counted on ``today``."""
    if not_future and value > today:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Ngày này chưa tới: không được sau ngày hôm nay.")
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
                "thể trước ngày sinh); xin hãy kiểm tra lại.",
            )
        )
    return value
