"""Checking a citizen's answers against their form: one field, one page, the whole form.

The wizard calls :func:`parse_input` as the citizen leaves a text input, to store the
normalised value or show what is wrong at once; :func:`check_section` before moving
to the next page; and the declaration service :func:`check_form` before accepting a
submission, since answers may also come from a scanned card or an older version of
the wizard. Fields hidden by their condition are never checked: their answers are
dropped before submission (:func:`wire.answers.drop_hidden`).

Problems are keyed by field id, ``"<group>.<index>.<field>"`` for a field of a
group's item, and ``"<group>"`` for the number of items.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, Final

from wire.answers import Answers, is_shown
from wire.forms import FieldDefinition, FormDefinition, Section
from wire.i18n import QT_TRANSLATE_NOOP, TrText
from wire.validation import (
    InvalidValue,
    calendar_date,
    check_date,
    check_email,
    check_id_number,
    check_person_name,
    check_phone,
    check_text,
    parse_date,
)
from wire.validation.dates import YEAR_ONLY, check_year, parse_year

FILL_IN: Final = QT_TRANSLATE_NOOP("Validation", "Vui lòng điền mục này.")
CHOOSE: Final = QT_TRANSLATE_NOOP("Validation", "Vui lòng chọn một câu trả lời cho mục này.")
CHOOSE_WARD: Final = QT_TRANSLATE_NOOP(
    "Validation", "Vui lòng chọn tỉnh/thành phố và xã/phường/đặc khu của địa chỉ."
)
UNKNOWN_WARD: Final = QT_TRANSLATE_NOOP(
    "Validation",
    "Xã/phường/đặc khu đã chọn không có trong danh sách hiện hành; vui lòng chọn lại.",
)
WARD_OUTSIDE_PROVINCE: Final = QT_TRANSLATE_NOOP(
    "Validation",
    "Xã/phường/đặc khu đã chọn không thuộc tỉnh/thành phố đã chọn; vui lòng chọn lại.",
)
UNKNOWN_CHOICE: Final = QT_TRANSLATE_NOOP(
    "Validation", "Câu trả lời này không có trong danh sách; vui lòng chọn lại."
)
NOT_A_NUMBER: Final = QT_TRANSLATE_NOOP("Validation", "Vui lòng chỉ nhập số, ví dụ: 2.")
TOO_FEW_ITEMS: Final = QT_TRANSLATE_NOOP("Validation", "Cần khai ít nhất {minimum} mục ở phần này.")
TOO_MANY_ITEMS: Final = QT_TRANSLATE_NOOP(
    "Validation", "Phần này khai được nhiều nhất {maximum} mục."
)

_CHOICE_KINDS: Final = frozenset({"gender", "ethnicity", "nationality", "select", "yes_no"})
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INTEGER = re.compile(r"-?[0-9]{1,15}")


def parse_input(field: FieldDefinition, text: str, *, today: date) -> Any:
    """The value to store for what was typed into a text input; None for an empty input.

    Rules that need only this field apply (a date in the future, an age); rules that
    compare with other fields wait for :func:`check_field`.
    """
    rule = _TYPED_KINDS.get(field.kind)
    if rule is None:
        raise ValueError(f"field {field.id!r} of kind {field.kind!r} is not typed in")
    if not text.strip():
        return None
    return rule(field, text, today)


def check_field(
    field: FieldDefinition, value: Any, scope: Mapping[str, Any], *, today: date
) -> TrText | None:
    """What is wrong with ``value`` as the answer to ``field``, or None.

    ``scope`` holds the answers the field's condition and cross-field rules refer to:
    the form's answers, or the item of a group the field belongs to. For a group, this
    checks the number of items; :func:`check_section` checks the items' fields.
    """
    if not is_shown(field, scope):
        return None
    if field.kind == "group":
        return _group_count_problem(field, value)
    if _unanswered(value):
        return _missing(field) if is_required(field, scope) else None
    try:
        _check_answer(field, value, scope, today)
    except InvalidValue as problem:
        return problem.message
    return None


def is_required(field: FieldDefinition, scope: Mapping[str, Any]) -> bool:
    """Whether ``field`` must be answered, given the answers of its scope: ``required``,
    unless the field its ``required_unless`` names has an answer."""
    if not field.required:
        return False
    return field.required_unless is None or _unanswered(scope.get(field.required_unless))


def check_section(section: Section, answers: Answers, *, today: date) -> dict[str, TrText]:
    """Every problem on one page of the wizard; ``answers`` are the whole form's."""
    problems: dict[str, TrText] = {}
    _check_fields(section.fields, answers, "", problems, today)
    return problems


def check_form(form: FormDefinition, answers: Answers, *, today: date) -> dict[str, TrText]:
    """Every problem on every page, in the order of the form."""
    problems: dict[str, TrText] = {}
    for section in form.sections:
        _check_fields(section.fields, answers, "", problems, today)
    return problems


def _check_fields(
    fields: Iterable[FieldDefinition],
    scope: Mapping[str, Any],
    prefix: str,
    problems: dict[str, TrText],
    today: date,
) -> None:
    for field in fields:
        if not is_shown(field, scope):
            continue
        value = scope.get(field.id)
        problem = check_field(field, value, scope, today=today)
        if problem is not None:
            problems[prefix + field.id] = problem
        if field.kind == "group" and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, Mapping):
                    _check_fields(
                        field.fields, item, f"{prefix}{field.id}.{index}.", problems, today
                    )


def _missing(field: FieldDefinition) -> TrText:
    if field.kind == "address":
        return CHOOSE_WARD
    return CHOOSE if field.kind in _CHOICE_KINDS else FILL_IN


def _unanswered(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, Mapping):
        return not any(value.get(key) for key in ("detail", "ward_code", "province_code"))
    return False


def _check_answer(
    field: FieldDefinition, value: Any, scope: Mapping[str, Any], today: date
) -> None:
    """Raise :class:`InvalidValue` if ``value`` is not an acceptable stored answer."""
    if field.kind == "yes_no":
        _require(isinstance(value, bool))
    elif field.kind == "number":
        _require(isinstance(value, int) and not isinstance(value, bool))
        _check_number(field, value)
    elif field.kind == "address":
        _require(isinstance(value, Mapping))
        _check_address(value)
    elif field.kind in _CHOICE_KINDS:
        _require(isinstance(value, str))
        _check_choice(field, value)
    else:
        _require(isinstance(value, str))
        _check_typed(field, value, scope, today)


def _check_typed(field: FieldDefinition, value: str, scope: Mapping[str, Any], today: date) -> None:
    if field.kind == "date":
        if field.allow_year_only and YEAR_ONLY.fullmatch(value):
            _check_year(field, parse_year(value), scope, today)
        else:
            _check_date(field, _stored_date(value), scope, today)
    elif field.kind == "id_number":
        check_id_number(
            value,
            allow_old=field.allow_old_id,
            birth_date=_date_in(scope, field.birth_date_field),
            gender=_gender_in(scope, field.gender_field) or field.gender_is,
        )
    else:
        parse_input(field, value, today=today)


def _check_date(field: FieldDefinition, value: date, scope: Mapping[str, Any], today: date) -> date:
    return check_date(
        value,
        today=today,
        not_future=field.not_future,
        min_age=field.min_age,
        max_age=field.max_age,
        not_before=_date_in(scope, field.not_before),
        not_past=field.not_past,
        max_years_ahead=field.max_years_ahead,
    )


def _check_year(field: FieldDefinition, year: int, scope: Mapping[str, Any], today: date) -> int:
    return check_year(
        year,
        today=today,
        not_future=field.not_future,
        min_age=field.min_age,
        max_age=field.max_age,
        not_before=_date_in(scope, field.not_before),
    )


def _check_choice(field: FieldDefinition, value: str) -> None:
    if field.kind == "gender":
        known = value in ("nam", "nu")
    elif field.kind == "select":
        known = any(option.value == value for option in field.options)
    elif field.kind == "ethnicity":
        from wire.vocabulary import ETHNICITIES

        known = any(choice.code == value for choice in ETHNICITIES)
    else:
        from wire.vocabulary import nationality

        known = nationality(value) is not None
    if not known:
        raise InvalidValue(UNKNOWN_CHOICE)


def _check_address(value: Mapping[str, Any]) -> None:
    from wire import places

    detail = value.get("detail")
    if detail is not None:
        _require(isinstance(detail, str))
        if detail.strip():
            check_text(detail, max_length=places.MAX_ADDRESS_LENGTH)
    ward_code = value.get("ward_code")
    if not ward_code:
        raise InvalidValue(CHOOSE_WARD)
    _require(isinstance(ward_code, str))
    ward = places.ward(ward_code)
    if ward is None:
        raise InvalidValue(UNKNOWN_WARD)
    if value.get("province_code") != ward.province_code:
        raise InvalidValue(WARD_OUTSIDE_PROVINCE)
    # The names are the official ones the wizard copies (``address_value``), never typed.
    official = places.address_value(detail or "", ward)
    _require(
        set(value) <= set(official)
        and all(value[key] == official[key] for key in ("province", "ward") if key in value)
    )


def _group_count_problem(field: FieldDefinition, value: Any) -> TrText | None:
    items = [] if value is None else value
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        return InvalidValue.message
    minimum = max(field.min_items, 1 if field.required else 0)
    if len(items) < minimum:
        return TOO_FEW_ITEMS.with_params(minimum=minimum)
    if len(items) > field.max_items:
        return TOO_MANY_ITEMS.with_params(maximum=field.max_items)
    return None


def _parse_number(text: str) -> int:
    digits = text.strip().replace(" ", "")
    if not _INTEGER.fullmatch(digits):
        raise InvalidValue(NOT_A_NUMBER)
    return int(digits)


def _check_number(field: FieldDefinition, value: int) -> int:
    low, high = field.minimum, field.maximum
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            message = QT_TRANSLATE_NOOP("Validation", "Số phải từ {minimum} đến {maximum}.")
        elif low is not None:
            message = QT_TRANSLATE_NOOP("Validation", "Số không được nhỏ hơn {minimum}.")
        else:
            message = QT_TRANSLATE_NOOP("Validation", "Số không được lớn hơn {maximum}.")
        raise InvalidValue(message, minimum=low, maximum=high)
    return value


def _stored_date(value: str) -> date:
    if not _ISO_DATE.fullmatch(value):
        raise InvalidValue
    return calendar_date(int(value[8:]), int(value[5:7]), int(value[:4]))


def _date_in(scope: Mapping[str, Any], field_id: str | None) -> date | None:
    """The valid date answered in another field, if any (its own problems are its own);
    a year alone stands for its first day, the earliest it may mean."""
    value = scope.get(field_id) if field_id else None
    if not isinstance(value, str):
        return None
    if YEAR_ONLY.fullmatch(value):
        try:
            return date(parse_year(value), 1, 1)
        except InvalidValue:
            return None
    try:
        return _stored_date(value)
    except InvalidValue:
        return None


def _gender_in(scope: Mapping[str, Any], field_id: str | None) -> Any:
    value = scope.get(field_id) if field_id else None
    return value if value in ("nam", "nu") else None


def _typed_text(field: FieldDefinition, text: str, today: date) -> str:
    return check_text(
        text, min_length=field.min_length, max_length=field.max_length, multiline=field.multiline
    )


def _typed_date(field: FieldDefinition, text: str, today: date) -> str:
    if field.allow_year_only:
        # A year alone, typed on its own or in the year's place of an empty dd/mm/yyyy;
        # a short run of digits is a year mistyped, not a date (ddmmyyyy has eight).
        year = text.strip().strip("/.- ")
        if year.isdigit() and len(year) < len("ddmmyyyy"):
            return str(_check_year(field, parse_year(year), {}, today))
    return _check_date(field, parse_date(text), {}, today).isoformat()


def _typed_number(field: FieldDefinition, text: str, today: date) -> int:
    return _check_number(field, _parse_number(text))


_TYPED_KINDS: Final[dict[str, Callable[[FieldDefinition, str, date], Any]]] = {
    "text": _typed_text,
    "person_name": lambda field, text, today: check_person_name(text),
    "date": _typed_date,
    "id_number": lambda field, text, today: check_id_number(text, allow_old=field.allow_old_id),
    "phone": lambda field, text, today: check_phone(text),
    "email": lambda field, text, today: check_email(text),
    "number": _typed_number,
}


def _require(condition: bool) -> None:
    """A stored answer of the wrong type: from an old wizard or a bad submission."""
    if not condition:
        raise InvalidValue
