"""An answer as a citizen reads it: on the review page, the receipt and the paper form.

Answers hold codes and ISO dates (``docs/forms-format.md``); this turns them into
"15/03/2024", "Nữ", "Việt Nam" or "Số 5, ngõ 3, Phường Hồng Hà, Thành phố Hà Nội".
On paper a placeholder may ask more (:func:`format_placeholder`): capitals where the
template says "(viết chữ in hoa)", words where it says "ghi bằng chữ".
It never raises: a value that does not fit its kind (an old declaration, a form changed
since) is shown as it was stored rather than hiding what the citizen gave.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final, Literal

from kiosk.text.number_words import MAX_NUMBER, date_words, number_words, year_only_words
from wire.answers import shown_fields
from wire.forms import IN_WORDS, UPPER, Condition, FieldDefinition, Line
from wire.validation.dates import YEAR_ONLY
from wire.vocabulary import ethnicity, nationality

Language = Literal["vi", "en"]

_GENDERS: Final = {"nam": ("Nam", "Male"), "nu": ("Nữ", "Female")}
_YES_NO: Final = {True: ("Có", "Yes"), False: ("Không", "No")}
#: Parts of an address answer, in the order they are written.
_ADDRESS_PARTS: Final = ("detail", "ward", "province")
#: Numbers from this size on are grouped by thousands; a year or a count is not.
_GROUPING_FROM: Final = 10_000


def format_answer(field: FieldDefinition, value: Any, language: Language = "vi") -> str:
    """The answer to ``field`` as text in ``language``; "" when it is unanswered."""
    if value is None or (isinstance(value, str | list | dict) and not value):
        return ""
    formatter = _FORMATTERS.get(field.kind)
    text = None if formatter is None else formatter(field, value, language == "en")
    return str(value) if text is None else text


def format_placeholder(field: FieldDefinition, value: Any, style: str = "") -> str:
    """The answer as a layout placeholder prints it: ``style`` "upper" in capitals
    ("ĐỖ QUANG VINH": Vietnamese keeps its tone marks), "words" a date or a number
    in words; "" when unanswered, whatever the style."""
    text = format_answer(field, value, "vi")
    if not text:
        return ""
    if style == UPPER:
        return unicodedata.normalize("NFC", text.upper())
    if style == IN_WORDS:
        return _in_words(value) or text
    return text


def _in_words(value: Any) -> str | None:
    """A stored date (or year) or whole number in words; None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return number_words(value) if 0 <= value <= MAX_NUMBER else None
    if not isinstance(value, str):
        return None
    if YEAR_ONLY.fullmatch(value):
        return year_only_words(int(value))
    try:
        return date_words(date.fromisoformat(value))
    except ValueError:
        return None


def condition_holds(condition: Condition | None, scope: Mapping[str, Any]) -> bool:
    """Whether ``condition`` is met by the answers of ``scope`` (no condition: always)."""
    if condition is None:
        return True
    # The same test as wire.answers.is_shown: a line and the field it prints
    # must agree on whether an answer applies.
    value = scope.get(condition.field)
    return value is not None and value in condition.any_of


def line_shown(line: Line, scope: Mapping[str, Any]) -> bool:
    """Whether a layout line is printed, given the form's (or the group item's) answers."""
    return condition_holds(line.when, scope)


def _date(field: FieldDefinition, value: Any, english: bool) -> str | None:
    if isinstance(value, str) and YEAR_ONLY.fullmatch(value):
        return value  # only the year is known: "1962"
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return None


def _gender(field: FieldDefinition, value: Any, english: bool) -> str | None:
    names = _GENDERS.get(value) if isinstance(value, str) else None
    return None if names is None else names[english]


def _yes_no(field: FieldDefinition, value: Any, english: bool) -> str | None:
    return _YES_NO[value][english] if isinstance(value, bool) else None


def _number(field: FieldDefinition, value: Any, english: bool) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return None
    if abs(value) < _GROUPING_FROM:
        return str(value)
    grouped = f"{value:,}"
    return grouped if english else grouped.replace(",", ".")


def _ethnicity(field: FieldDefinition, value: Any, english: bool) -> str | None:
    found = ethnicity(value) if isinstance(value, str) else None
    return None if found is None else (found.en if english else found.vi)


def _nationality(field: FieldDefinition, value: Any, english: bool) -> str | None:
    found = nationality(value) if isinstance(value, str) else None
    return None if found is None else (found.en if english else found.vi)


def _select(field: FieldDefinition, value: Any, english: bool) -> str | None:
    for option in field.options:
        if option.value == value:
            return option.label.en if english else option.label.vi
    return None


def _address(field: FieldDefinition, value: Any, english: bool) -> str | None:
    if not isinstance(value, Mapping):
        return None
    parts = (value.get(part) for part in _ADDRESS_PARTS)
    return ", ".join(str(part).strip() for part in parts if part and str(part).strip())


def _group(field: FieldDefinition, value: Any, english: bool) -> str | None:
    if not isinstance(value, list):
        return None
    language: Language = "en" if english else "vi"
    items = (_group_item(field, item, language) for item in value)
    return "; ".join(text for text in items if text)


def _group_item(field: FieldDefinition, item: Any, language: Language) -> str:
    if not isinstance(item, Mapping):
        return ""
    shown = shown_fields(field.fields, item)
    texts = (format_answer(sub, item.get(sub.id), language) for sub in shown)
    return ", ".join(text for text in texts if text)


_Formatter = Callable[[FieldDefinition, Any, bool], str | None]
#: Kinds missing here (text, person_name, id_number, phone, email) are shown as stored.
_FORMATTERS: Final[dict[str, _Formatter]] = {
    "date": _date,
    "gender": _gender,
    "yes_no": _yes_no,
    "number": _number,
    "ethnicity": _ethnicity,
    "nationality": _nationality,
    "select": _select,
    "address": _address,
    "group": _group,
}
