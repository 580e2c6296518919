"""Random and hostile input: a rule either returns a normalised value or refuses it.

Whatever is typed or pasted — any Unicode, emoji, control characters, huge texts —
no rule raises anything but :class:`InvalidValue`, and what a rule returns passes
the same rule unchanged (stored values are already normalised).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wire.validation import (
    PROVINCE_CODES,
    InvalidValue,
    check_email,
    check_id_number,
    check_person_name,
    check_phone,
    check_text,
    parse_date,
)

#: Text as a hostile or clumsy input can be: any code point (surrogates included),
#: with separators, digits and emoji mixed in, sometimes very long.
hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(st.characters(codec=None), max_size=50),
    st.text(st.sampled_from("0123456789 +-./@|'\n\t\x00\u200b😀🇻🇳ạđƠ̆"), max_size=40),
    st.builds(lambda part, times: part * times, st.text(max_size=5), st.integers(500, 5000)),
)

RULES: dict[str, Callable[[str], object]] = {
    "id_number": lambda text: check_id_number(text, allow_old=True),
    "phone": check_phone,
    "email": check_email,
    "name": check_person_name,
    "text": check_text,
    "multiline": lambda text: check_text(text, multiline=True),
    "date": parse_date,
}


@settings(max_examples=700, deadline=None)
@given(rule=st.sampled_from(sorted(RULES)), text=hostile_text)
def test_rules_only_ever_refuse_with_invalid_value(rule: str, text: str) -> None:
    check = RULES[rule]
    try:
        result = check(text)
    except InvalidValue as refused:
        message = refused.message
    else:
        if isinstance(result, str):
            assert check(result) == result
        return
    assert message.context == "Validation"
    assert message.render()  # every placeholder has its value


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=200))
def test_accepted_names_are_clean(text: str) -> None:
    try:
        name = check_person_name(text)
    except InvalidValue:
        return
    assert unicodedata.is_normalized("NFC", name)
    assert name == name.strip()
    assert "  " not in name
    assert 0 < len(name) <= 100
    assert not any(char.isdigit() for char in name)


valid_birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2399, 12, 31))
genders = st.sampled_from(["nam", "nu"])


def id_number_for(province: str, born: date, gender: str, serial: int) -> str:
    century_digit = 2 * ((born.year - 1900) // 100) + (gender == "nu")
    return f"{province}{century_digit}{born.year % 100:02d}{serial:06d}"


@settings(max_examples=1000, deadline=None)
@given(
    province=st.sampled_from(sorted(PROVINCE_CODES)),
    born=valid_birth_dates,
    gender=genders,
    serial=st.integers(0, 999_999),
    wrong_century=st.sampled_from([-1, 1, 2, -2]),
)
def test_id_numbers_agree_with_their_owner_and_only_with_them(
    province: str, born: date, gender: str, serial: int, wrong_century: int
) -> None:
    number = id_number_for(province, born, gender, serial)
    spaced = " ".join([number[:3], number[3:6], number[6:]])
    assert check_id_number(spaced, birth_date=born, gender=gender) == number  # type: ignore[arg-type]
    century_digit = int(number[3]) + 2 * wrong_century
    if 0 <= century_digit <= 9:
        wrong = f"{number[:3]}{century_digit}{number[4:]}"
        with pytest.raises(InvalidValue, match="năm sinh"):
            check_id_number(wrong, birth_date=born)


@settings(max_examples=600, deadline=None)
@given(
    mobile=st.from_regex(r"0[35789][0-9]{8}", fullmatch=True),
    style=st.sampled_from(["plain", "spaces", "dots", "dashes", "+84", "84"]),
)
def test_any_way_of_writing_a_mobile_number_gives_the_same_number(mobile: str, style: str) -> None:
    groups = [mobile[:4], mobile[4:7], mobile[7:]]
    written = {
        "plain": mobile,
        "spaces": " ".join(groups),
        "dots": ".".join(groups),
        "dashes": "-".join(groups),
        "+84": "+84 " + " ".join([mobile[1:4], *groups[1:]]),
        "84": "84" + mobile[1:],
    }[style]
    assert check_phone(written) == mobile


@settings(max_examples=600, deadline=None)
@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    style=st.sampled_from(["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d%m%Y", "short"]),
)
def test_any_way_of_writing_a_real_date_gives_that_date(day: date, style: str) -> None:
    written = f"{day.day}/{day.month}/{day.year}" if style == "short" else day.strftime(style)
    assert parse_date(written) == day
