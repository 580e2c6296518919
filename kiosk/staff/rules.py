"""What a new staff PIN must be: 6–12 digits, and not one that anyone would try early.

The lock-out allows a handful of guesses a day at the pad, so what matters is that
those guesses are not the likely ones. Refused, each with a message saying what to
choose instead (the list is in ``docs/privacy.md``, "Staff PIN"):

- fewer than three different digits: ``000000``, ``121212``, ``110011``;
- one group repeated: ``123123``, ``12341234``, ``908908``;
- a run up or down, wrapping from 9 to 0: ``123456``, ``654321``, ``890123``;
- a date: ``DDMMYY`` for six digits (``150390``, 15 March 1990), ``DDMMYYYY`` or
  ``YYYYMMDD`` for eight with a year from 1900 to 2099 — birthdays come first in any
  guesser's list, and the day-first order is how Vietnam writes them.

These apply to PINs being set. A PIN set before them keeps working until it is
changed; IT can reset it (``docs/staff.md``).
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from kiosk.errors import InvalidPinError, TrivialPinError
from wire.i18n import QT_TRANSLATE_NOOP, TrText

MIN_DIGITS = 6
MAX_DIGITS = 12
#: At least this many different digits.
MIN_DISTINCT_DIGITS = 3

#: ASCII digits only: ``str.isdigit`` would also accept "٣" or "²".
_PIN = re.compile(rf"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")

_FEW_DIGITS = QT_TRANSLATE_NOOP(
    "Errors",
    "Mã PIN cần có ít nhất 3 chữ số khác nhau (không dùng mã như 111111 hay 121212). "
    "Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.",
)
_REPEATED = QT_TRANSLATE_NOOP(
    "Errors",
    "Mã PIN không được là một nhóm số lặp lại (như 123123). "
    "Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.",
)
_SEQUENCE = QT_TRANSLATE_NOOP(
    "Errors",
    "Mã PIN không được là dãy số liên tiếp (như 123456 hay 654321). "
    "Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.",
)
_DATE = QT_TRANSLATE_NOOP(
    "Errors",
    "Mã PIN không được là ngày tháng (như ngày sinh 150390 hay 15031990). "
    "Vui lòng chọn 6 đến 12 chữ số không theo quy luật nào.",
)


def check_pin_format(pin: str) -> None:
    """Raise ``InvalidPinError`` unless ``pin`` is 6 to 12 ASCII digits."""
    if not _PIN.fullmatch(pin):
        raise InvalidPinError()


def check_new_pin(pin: str) -> None:
    """Raise ``InvalidPinError`` or ``TrivialPinError`` unless ``pin`` may be set."""
    check_pin_format(pin)
    found = trivial_rule(pin)
    if found is not None:
        rule, message = found
        raise TrivialPinError(rule, message)


def trivial_rule(pin: str) -> tuple[str, TrText] | None:
    """Which rule ``pin`` (already 6–12 digits) breaks, with what to say; ``None`` if none."""
    if len(set(pin)) < MIN_DISTINCT_DIGITS:
        return "few_digits", _FEW_DIGITS
    if _is_repeated(pin):
        return "repeated", _REPEATED
    if _is_run(pin, 1) or _is_run(pin, -1):
        return "sequence", _SEQUENCE
    if _is_date(pin):
        return "date", _DATE
    return None


def _is_repeated(pin: str) -> bool:
    size = len(pin)
    return any(
        size % block == 0 and pin == pin[:block] * (size // block) for block in range(1, size)
    )


def _is_run(pin: str, step: int) -> bool:
    digits = [int(c) for c in pin]
    return all((b - a) % 10 == step % 10 for a, b in pairwise(digits))


def _is_date(pin: str) -> bool:
    if len(pin) == 6:
        # YY read as 20YY: its leap years are those of 19YY, so 29/02 counts as it should.
        return _valid(2000 + int(pin[4:]), int(pin[2:4]), int(pin[:2]))
    if len(pin) == 8:
        day_first = 1900 <= int(pin[4:]) <= 2099 and _valid(
            int(pin[4:]), int(pin[2:4]), int(pin[:2])
        )
        year_first = 1900 <= int(pin[:4]) <= 2099 and _valid(
            int(pin[:4]), int(pin[4:6]), int(pin[6:])
        )
        return day_first or year_first
    return False


def _valid(year: int, month: int, day: int) -> bool:
    """Whether that day exists."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
