"""The QR parser against random, hostile and subtly broken codes.

A code built from valid parts reads back to exactly those parts, and each part
lands in its own field; a part that only one form uses, or that cannot be read
(an old ID number, a name, an address, an issue date), is left out and the rest of
the card kept; a code that is wrong (an ID number contradicting the card) or cannot
be a card's is refused whole, so nothing reaches the form; and no input at all makes
the parser fail in any other way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.idcard import IdCard, IdCardError, PartialDate, looks_like_payload, parse, prefill
from wire.forms import FieldDefinition, FormDefinition, Section, Wording
from wire.validation import PROVINCE_CODES, check_id_number


@dataclass(frozen=True)
class Parts:
    """A card's parts as the code spells them, and the card they must read as."""

    fields: list[str]
    card: IdCard


NAME_WORDS = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô",
    "Dương", "Lý", "Văn", "Thị", "Hữu", "Đức", "Minh", "Anh", "Thư", "Hường", "Khuê",
    "Ơ̆", "Niê", "H'Hen", "Ksor", "Y", "Ŏk", "ĐINH", "THỊ", "quỳnh",
]  # fmt: skip
ADDRESS_WORDS = [
    "Số", "5", "12A", "ngõ", "34/2", "Thôn", "Tổ", "Phúc", "Xá", "Ba", "Đình", "Hà", "Nội",
    "Ea", "Tu", "đường", "Lê", "Lợi", "Khu", "phố", "Buôn", "Ma", "Thuột", "Đắk", "Lắk", "Ấp",
]  # fmt: skip
#: What newer cards may add after the issue date: names of parents, dates, nothing.
EXTRAS = ["Nguyễn Văn Bình", "Trần Thị Chi", "01012030", "", "❨ghi chú❩", "Số 5, Hà Nội"]

names = st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=6).map(" ".join)
addresses = st.lists(
    st.lists(st.sampled_from(ADDRESS_WORDS), min_size=1, max_size=4).map(" ".join),
    min_size=1,
    max_size=5,
).map(", ".join)
births = st.dates(min_value=date(1900, 1, 1), max_value=date(2399, 12, 31))
padding = st.sampled_from(["", " ", "  "])
#: The kiosk's day in these tests: after every date the strategies draw.
TODAY = date(2400, 1, 1)


@st.composite
def valid_parts(draw: st.DrawFn) -> Parts:
    born = draw(births)
    gender = draw(st.sampled_from(["nam", "nu"]))
    century_digit = 2 * ((born.year - 1900) // 100) + (gender == "nu")
    province = draw(st.sampled_from(sorted(PROVINCE_CODES)))
    serial = draw(st.integers(0, 999_999))
    id_number = f"{province}{century_digit}{born.year % 100:02d}{serial:06d}"
    old = draw(
        st.one_of(
            st.just(""),
            st.integers(0, 10**9 - 1).map("{:09d}".format),
            st.integers(0, 10**12 - 1).map("{:012d}".format),
        )
    )
    name = draw(names)
    address = draw(addresses)
    issued = draw(st.one_of(st.none(), st.dates(min_value=born, max_value=date(2399, 12, 31))))
    extras = draw(st.lists(st.sampled_from(EXTRAS), max_size=3))
    fields = [
        id_number,
        old,
        name,
        born.strftime("%d%m") + f"{born.year:04d}",
        {
            "nam": draw(st.sampled_from(["Nam", "NAM", "nam"])),
            "nu": draw(st.sampled_from(["Nữ", "NỮ", "Nu", "NU"])),
        }[gender],
        address,
    ]
    if issued is not None or extras or draw(st.booleans()):
        fields.append("" if issued is None else issued.strftime("%d%m") + f"{issued.year:04d}")
    fields += extras
    card = IdCard(
        id_number=id_number,
        old_id_number=old or None,
        full_name=unicodedata.normalize("NFC", name),
        date_of_birth=PartialDate.of(born),
        gender=gender,  # type: ignore[arg-type]
        address=unicodedata.normalize("NFC", address),
        issue_date=issued,
        extras=tuple(unicodedata.normalize("NFC", extra) for extra in extras),
        accents_lost="|".join(fields).isascii(),
    )
    return Parts(fields, card)


def spelled(fields: list[str], pads: list[str]) -> str:
    return "|".join(f"{pad}{field}{pad}" for field, pad in zip(fields, pads, strict=False))


@settings(max_examples=1000, deadline=None)
@given(parts=valid_parts(), pads=st.lists(padding, min_size=12, max_size=12), nfd=st.booleans())
def test_a_code_of_valid_parts_reads_back_exactly(parts: Parts, pads: list[str], nfd: bool) -> None:
    code = spelled(parts.fields, pads)
    if nfd:
        code = unicodedata.normalize("NFD", code)
    assert looks_like_payload(code)
    assert parse(code, today=TODAY) == parts.card


#: Ways a valid 12-digit number goes wrong: a digit lost, a letter O for a zero,
#: another century or gender in the fourth digit, a province code that does not exist.
ID_BREAKS: dict[str, Callable[[str], str]] = {
    "length": lambda number: number[:-1],
    "letter": lambda number: number[:5] + "O" + number[6:],
    "century": lambda number: f"{number[:3]}{(int(number[3]) + 2) % 10}{number[4:]}",
    "gender": lambda number: f"{number[:3]}{int(number[3]) ^ 1}{number[4:]}",
    "province": lambda number: "003" + number[3:],
}

BROKEN_DATES = ["31022000", "30022004", "32011990", "01131990", "05001990", "0101199", "1.1.1990"]
#: Parts that make a code unreadable as a card: a birth date or gender that is none.
FIELD_BREAKS = {
    3: [*BROKEN_DATES, "", "01011899"],
    4: ["Male", "", "Nam Nữ", "Nx"],
}
#: Parts the card is kept without: the field is left out (``None``).
PART_LOSSES = {
    1: ["12345678", "1234567890", "12345678a", "123 45678", "B1234567"],
    2: ["Nguyễn Văn 2", "An.", "", "A" * 101, "Иван", "Nguy?n"],
    5: ["", "x" * 301],
    6: [*BROKEN_DATES, "01011899"],
}


@st.composite
def broken_codes(draw: st.DrawFn) -> str:
    parts = draw(valid_parts())
    fields = list(parts.fields)
    born = parts.card.date_of_birth.earliest
    way = draw(st.sampled_from(["id", "field", "pipe", "count", "issued_too_early"]))
    if way == "id":
        fields[0] = ID_BREAKS[draw(st.sampled_from(sorted(ID_BREAKS)))](fields[0])
    elif way == "field":
        index = draw(st.sampled_from(sorted(FIELD_BREAKS)))
        while len(fields) <= index:
            fields.append("")
        fields[index] = draw(st.sampled_from(FIELD_BREAKS[index]))
    elif way == "pipe":
        # A "|" inside one of the first four parts shifts the birth date out of its
        # place (later ones shift only parts that are left out when unreadable).
        index = draw(st.integers(0, 3))
        value = fields[index] or "x"
        cut = draw(st.integers(1, max(1, len(value) - 1)))
        fields[index] = value[:cut] + "|" + value[cut:]
    elif way == "count":
        fields = fields[: draw(st.integers(0, 5))]
    else:
        if born.year <= 1900:
            fields[3] = "01011950"
            born = date(1950, 1, 1)
            fields[0] = f"{fields[0][:3]}{int(fields[0][3]) % 2}50{fields[0][6:]}"
        earlier = date(born.year - 1, born.month, min(born.day, 28))
        while len(fields) <= 6:
            fields.append("")
        fields[6] = earlier.strftime("%d%m") + f"{earlier.year:04d}"
    return "|".join(fields)


FORM = FormDefinition(
    id="thu-nghiem",
    version=1,
    title=Wording(vi="Thử", en="Test"),
    template="Mẫu thử",
    procedures=("1.000001",),
    sections=(
        Section(
            id="nguoi_khai",
            title=Wording(vi="Người khai", en="Declarant"),
            fields=tuple(
                FieldDefinition(
                    id=part,
                    kind=kind,  # type: ignore[arg-type]
                    label=Wording(vi=part, en=part),
                    idcard=part,  # type: ignore[arg-type]
                )
                for part, kind in [
                    ("id_number", "id_number"),
                    ("old_id_number", "id_number"),
                    ("full_name", "person_name"),
                    ("date_of_birth", "date"),
                    ("gender", "gender"),
                    ("address", "text"),
                    ("issue_date", "date"),
                ]
            ),
        ),
    ),
    layout=(),
)


def scan(code: str) -> dict[str, object]:
    """What the wizard does with a scanned code: parse it, then fill the form."""
    return prefill(FORM, parse(code, today=TODAY)).answers


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(code=broken_codes())
def test_a_code_with_a_broken_part_fills_nothing(code: str) -> None:
    with pytest.raises(IdCardError) as refused:
        scan(code)
    message = refused.value.message
    assert message.context == "IdCard"
    rendered = message.render()
    for part in code.split("|"):
        if len(part.strip()) >= 4:
            # As a whole word: "Thôn" (an address) may begin the message's "Thông tin".
            quoted = re.compile(rf"(?<!\w){re.escape(part.strip())}(?!\w)")
            assert quoted.search(rendered) is None


@settings(max_examples=200, deadline=None)
@given(parts=valid_parts())
def test_each_part_of_a_card_fills_its_own_field(parts: Parts) -> None:
    answers = scan("|".join(parts.fields))
    card = parts.card
    expected = {
        "id_number": card.id_number,
        "old_id_number": card.old_id_number,
        "full_name": card.full_name,
        "date_of_birth": card.date_of_birth.iso(),
        "gender": card.gender,
        "address": card.address,
        "issue_date": None if card.issue_date is None else card.issue_date.isoformat(),
    }
    assert answers == {key: value for key, value in expected.items() if value is not None}


hostile_codes = st.one_of(
    st.text(max_size=400),
    st.lists(st.text(max_size=30), max_size=12).map("|".join),
    st.lists(
        st.one_of(
            st.text(st.characters(codec=None), max_size=15),
            st.from_regex(r"[0-9]{6,14}", fullmatch=True),
            st.sampled_from(["Nam", "Nữ", "", "31022000", "29022000", "001099012345"]),
        ),
        max_size=12,
    ).map("|".join),
    st.builds(lambda part, times: part * times, st.text(max_size=8), st.integers(200, 3000)),
)


@settings(max_examples=2000, deadline=None)
@given(code=hostile_codes)
def test_no_input_makes_the_parser_fail_otherwise(code: str) -> None:
    looks_like_payload(code)
    try:
        card = parse(code, today=TODAY)
    except IdCardError as refused:
        refused.message.render()
        return
    born = card.date_of_birth.earliest
    assert check_id_number(card.id_number, birth_date=born, gender=card.gender)


#: The part each index of the code fills on the card.
LOST_PART = {1: "old_id_number", 2: "full_name", 5: "address", 6: "issue_date"}


@settings(max_examples=500, deadline=None)
@given(parts=valid_parts(), data=st.data())
def test_a_part_no_form_needs_or_nobody_can_read_is_left_out_and_the_rest_kept(
    parts: Parts, data: st.DataObject
) -> None:
    fields = list(parts.fields)
    index = data.draw(st.sampled_from(sorted(PART_LOSSES)))
    while len(fields) <= index:
        fields.append("")
    fields[index] = data.draw(st.sampled_from(PART_LOSSES[index]))
    card = parse("|".join(fields), today=TODAY)
    assert getattr(card, LOST_PART[index]) is None
    for kept in ("id_number", "date_of_birth", "gender"):
        assert getattr(card, kept) == getattr(parts.card, kept)
    for kept in set(LOST_PART.values()) - {LOST_PART[index], "issue_date"}:
        assert getattr(card, kept) == getattr(parts.card, kept)
