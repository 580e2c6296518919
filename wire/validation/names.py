"""Họ, chữ đệm và tên: the name exactly as on the citizen's papers.

A name is written in the Latin script with Vietnamese diacritics. Names of the
ethnic minorities written in Latin script use a few more marks (the breve of ŏ, ĭ,
ŭ, the caron of č, the tilde of ñ, a diaeresis) and an apostrophe inside a word,
as in the Ê Đê and K'Ho names "H'Hen Niê", "K'Brềnh". Anything else — digits,
punctuation, symbols, emoji, other scripts — is a typing mistake or a pasted text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from wire.i18n import QT_TRANSLATE_NOOP, TrText
from wire.validation.characters import is_emoji, is_refused
from wire.validation.errors import InvalidValue

MAX_NAME_LENGTH: Final = 100

# Combining marks a name may carry: the Vietnamese ones (grave, acute, circumflex,
# tilde, breve, hook above, horn, dot below) and those of minority alphabets
# (caron, diaeresis, breve over ơ/ư which has no precomposed form).
_NAME_MARKS = frozenset("\u0300\u0301\u0302\u0303\u0306\u0308\u0309\u030c\u031b\u0323")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})
_SPACES = re.compile(r"\s+")


def is_name_letter(char: str) -> bool:
    """A Latin letter whose marks are all among the marks names use (đ and Đ included)."""
    if char in "đĐ":
        return True
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    return base.isascii() and base.isalpha() and all(mark in _NAME_MARKS for mark in marks)


def check_person_name(text: str) -> str:
    """The name NFC, trimmed, single-spaced; refused with a message saying what is wrong."""
    if len(text) > 4 * MAX_NAME_LENGTH:
        raise _too_long()
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text.translate(_APOSTROPHES))).strip()
    if not text:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Vui lòng nhập họ, chữ đệm và tên."))
    for index, char in enumerate(text):
        if char == " " or is_name_letter(char):
            continue
        if char in _NAME_MARKS and index > 0 and text[index - 1] not in " '":
            # A mark left over after NFC (the breve of ơ̆, which has no precomposed
            # form); what precedes it was itself accepted as a letter or a mark.
            continue
        if char == "'" and _between_letters(text, index):
            continue
        raise InvalidValue(_refusal(char))
    if len(text) > MAX_NAME_LENGTH:
        raise _too_long()
    return text


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()


def _refusal(char: str) -> TrText:
    if char.isdigit():
        return QT_TRANSLATE_NOOP("Validation", "Họ và tên không được có chữ số.")
    if is_emoji(char):
        return QT_TRANSLATE_NOOP(
            "Validation", "Họ và tên không được có biểu tượng cảm xúc (emoji)."
        )
    if is_refused(char):
        return QT_TRANSLATE_NOOP(
            "Validation", "Họ và tên có ký tự không hợp lệ. Vui lòng xóa và nhập lại."
        )
    if char.isalpha():
        return QT_TRANSLATE_NOOP(
            "Validation",
            "Họ và tên chỉ viết bằng chữ cái tiếng Việt (chữ Latinh có dấu), "
            "không dùng chữ của bảng chữ cái khác.",
        )
    return QT_TRANSLATE_NOOP(
        "Validation",
        "Họ và tên chỉ gồm chữ cái và dấu cách, không có dấu câu hay ký hiệu.",
    )


def _too_long() -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP("Validation", "Họ và tên quá dài: tối đa {maximum} ký tự."),
        maximum=MAX_NAME_LENGTH,
    )
