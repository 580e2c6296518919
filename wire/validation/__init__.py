"""Validation rules for what citizens type into a tờ khai.

Each rule takes what was typed and returns the value to store, normalised (digits
without separators, names in NFC with single spaces, dates as ``date``), or raises
:class:`InvalidValue` whose message says what is wrong and what is expected, in
words a citizen at the kiosk understands. Messages never repeat the value itself.
"""

from wire.validation.dates import EARLIEST_YEAR, age_on, calendar_date, check_date, parse_date
from wire.validation.emails import MAX_EMAIL_LENGTH, check_email
from wire.validation.errors import InvalidValue
from wire.validation.id_numbers import (
    ID_NUMBER_LENGTH,
    OLD_ID_NUMBER_LENGTH,
    PROVINCE_CODES,
    Gender,
    birth_year_of,
    check_id_number,
    check_old_id_number,
    gender_of,
)
from wire.validation.names import MAX_NAME_LENGTH, check_person_name
from wire.validation.phones import check_phone
from wire.validation.text import DEFAULT_MAX_LENGTH, DEFAULT_MAX_LENGTH_MULTILINE, check_text

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "DEFAULT_MAX_LENGTH_MULTILINE",
    "EARLIEST_YEAR",
    "ID_NUMBER_LENGTH",
    "MAX_EMAIL_LENGTH",
    "MAX_NAME_LENGTH",
    "OLD_ID_NUMBER_LENGTH",
    "PROVINCE_CODES",
    "Gender",
    "InvalidValue",
    "age_on",
    "birth_year_of",
    "calendar_date",
    "check_date",
    "check_email",
    "check_id_number",
    "check_old_id_number",
    "check_person_name",
    "check_phone",
    "check_text",
    "gender_of",
    "parse_date",
]
