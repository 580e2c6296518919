"""Free text answers: one line (or several), printable, within a length."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from wire.i18n import QT_TRANSLATE_NOOP
from wire.validation.characters import is_emoji, is_refused
from wire.validation.errors import InvalidValue

# Longest answer when the form does not say: a line of the paper form, or a short
# paragraph for a multi-line field (the schema allows at most 2,000).
DEFAULT_MAX_LENGTH: Final = 500
DEFAULT_MAX_LENGTH_MULTILINE: Final = 2_000

_SPACES = re.compile(r"[^\S\n]+")


def check_text(
    text: str,
    *,
    min_length: int | None = None,
    max_length: int | None = None,
    multiline: bool = False,
) -> str:
    """``text`` NFC, trimmed, runs of spaces made one; lines trimmed when multi-line.

    Refuses control characters (a newline only in a multi-line field), emoji and
    answers shorter or longer than the limits; an empty answer is refused too, so
    callers decide beforehand whether an empty field is acceptable.
    """
    limit = max_length or (DEFAULT_MAX_LENGTH_MULTILINE if multiline else DEFAULT_MAX_LENGTH)
    if len(text) > 4 * limit:  # refuse a pasted book before normalising it
        raise _too_long(limit)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    _refuse_characters(text, multiline=multiline)
    if multiline:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        text = "\n".join(lines).strip("\n")
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = _SPACES.sub(" ", text).strip()
    if not text:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Vui lòng nhập nội dung cho mục này."))
    if len(text) > limit:
        raise _too_long(limit)
    if min_length is not None and len(text) < min_length:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Nội dung quá ngắn: cần ít nhất {minimum} ký tự, đã nhập {count}."
            ),
            minimum=min_length,
            count=len(text),
        )
    return text


def _too_long(limit: int) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP("Validation", "Nội dung quá dài: tối đa {maximum} ký tự."),
        maximum=limit,
    )


def _refuse_characters(text: str, *, multiline: bool) -> None:
    for char in text:
        if not is_refused(char, allow_newline=multiline):
            continue
        if is_emoji(char):
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "Validation", "Không dùng biểu tượng cảm xúc (emoji); chỉ nhập chữ và số."
                )
            )
        if char == "\n":
            raise InvalidValue(
                QT_TRANSLATE_NOOP("Validation", "Mục này chỉ nhập trên một dòng, không xuống dòng.")
            )
        # A control or invisible character: what it is means nothing to a citizen.
        raise InvalidValue(
            QT_TRANSLATE_NOOP("Validation", "Có ký tự không hợp lệ. Vui lòng xóa và nhập lại.")
        )
