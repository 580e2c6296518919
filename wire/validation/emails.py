"""Địa chỉ e-mail: checked for form only; whether it exists is the mail server's job.

The usual slips at a kiosk are accents (the Telex keyboard turns ``nguyeenx`` into
``nguyễn``), a space, a missing or doubled ``@`` and a domain without its ``.com``;
each gets its own message. The domain is stored in
lower case (it is case-insensitive); the part before ``@`` is kept as typed.
"""

from __future__ import annotations

import re
from typing import Final

from wire.i18n import QT_TRANSLATE_NOOP
from wire.validation.errors import InvalidValue

MAX_EMAIL_LENGTH: Final = 254
_MAX_LOCAL_LENGTH: Final = 64

_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def check_email(text: str) -> str:
    """The address trimmed, its domain in lower case."""
    address = text.strip()
    if not address:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Vui lòng nhập địa chỉ e-mail."))
    if len(address) > MAX_EMAIL_LENGTH:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Địa chỉ e-mail quá dài: tối đa {maximum} ký tự."),
            maximum=MAX_EMAIL_LENGTH,
        )
    if any(char.isspace() for char in address):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Địa chỉ e-mail không được có dấu cách.")
        )
    if not address.isascii():
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Địa chỉ e-mail không được có dấu tiếng Việt hay ký tự đặc biệt; vui lòng gõ "
                "chữ không dấu, ví dụ nguyenvanan@gmail.com.",
            )
        )
    count = address.count("@")
    if count != 1:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Địa chỉ e-mail phải có đúng một ký tự @ giữa tên và tên miền, ví dụ "
                "nguyenvanan@gmail.com; địa chỉ đã nhập có {count}.",
            ),
            count=count,
        )
    local, domain = address.split("@")
    if not local or len(local) > _MAX_LOCAL_LENGTH or not _LOCAL.fullmatch(local):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Phần trước @ của địa chỉ e-mail không hợp lệ: chỉ dùng chữ không dấu, chữ "
                "số và các dấu . _ - +, không bắt đầu hay kết thúc bằng dấu chấm.",
            )
        )
    domain = domain.lower()
    labels = domain.split(".")
    if len(labels) < 2:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Tên miền sau @ phải có dấu chấm, ví dụ gmail.com hoặc yahoo.com.vn.",
            )
        )
    if not all(_LABEL.fullmatch(label) for label in labels) or not _TOP_LEVEL.fullmatch(labels[-1]):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Tên miền sau @ không hợp lệ: chỉ dùng chữ, chữ số, dấu gạch ngang và dấu "
                "chấm, ví dụ gmail.com.",
            )
        )
    return f"{local}@{domain}"
