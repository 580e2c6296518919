"""Số điện thoại: a Vietnamese mobile or landline number, stored as ``0…``.

Mobile numbers are ten digits, ``0`` then a network prefix ``3``, ``5``, ``7``, ``8``
or ``9``; landlines are eleven, ``02`` then the area code and the subscriber. People
write them with spaces, dots or dashes and often with the country code (``+84 912
…``, ``84912…``); all of these are the same number.
"""

from __future__ import annotations

import re

from wire.i18n import QT_TRANSLATE_NOOP
from wire.validation.errors import InvalidValue

_SEPARATORS = re.compile(r"[\s.\-]")
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")


def check_phone(text: str) -> str:
    """The number as ``0`` and its digits, no separators."""
    if len(text) > 40:
        raise _wrong_length()
    number = _SEPARATORS.sub("", text)
    if not number:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Vui lòng nhập số điện thoại."))
    if number.startswith("+84"):
        number = "0" + number[3:]
    elif number.startswith("84") and len(number) in (11, 12):
        number = "0" + number[2:]
    if not (number.isascii() and number.isdigit()):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số điện thoại chỉ gồm chữ số; có thể viết +84 ở đầu và cách nhau bằng dấu "
                "cách, dấu chấm hoặc gạch ngang.",
            )
        )
    if _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number):
        return number
    if not number.startswith("0"):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Số điện thoại phải bắt đầu bằng số 0 (hoặc +84), ví dụ 0912 345 678."
            )
        )
    if number.startswith("02"):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số điện thoại cố định có 11 chữ số (02 và mã vùng), ví dụ 024 3825 1234; "
                "số đã nhập có {count} chữ số.",
            ),
            count=len(number),
        )
    if len(number) == 10:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09; vui lòng kiểm tra lại.",
            )
        )
    raise _wrong_length(len(number))


def _wrong_length(count: int | None = None) -> InvalidValue:
    if count is None:
        return InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Số điện thoại di động có 10 chữ số, ví dụ 0912 345 678."
            )
        )
    return InvalidValue(
        QT_TRANSLATE_NOOP(
            "Validation",
            "Số điện thoại di động có 10 chữ số, ví dụ 0912 345 678; số đã nhập có {count} chữ số.",
        ),
        count=count,
    )
