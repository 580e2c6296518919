"""Answers as the citizen reads them, in both languages, for every field kind."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.forms.format import condition_holds, format_answer, format_placeholder, line_shown
from wire.forms import Condition, FieldDefinition, Line, Option, Wording


def _field(kind: str, **extra: Any) -> FieldDefinition:
    return FieldDefinition(id="f", kind=kind, label=Wording(vi="Ô", en="Box"), **extra)  # type: ignore[arg-type]


KIND_OF_PROOF = _field(
    "select",
    options=(
        Option(value="giay_bao_tu", label=Wording(vi="Giấy báo tử", en="A death notice")),
        Option(value="khong_co", label=Wording(vi="Không có", en="None")),
    ),
)
HOME = {
    "detail": "Số 5, ngõ 3 Hàng Bài",
    "province_code": "01",
    "province": "Thành phố Hà Nội",
    "ward_code": "00097",
    "ward": "Phường Hồng Hà",
}
MEMBERS = _field(
    "group",
    fields=(
        FieldDefinition(id="name", kind="person_name", label=Wording(vi="Tên", en="Name")),
        FieldDefinition(id="born", kind="date", label=Wording(vi="Sinh", en="Born")),
        FieldDefinition(id="has_id", kind="yes_no", label=Wording(vi="Có thẻ", en="Has card")),
        FieldDefinition(
            id="id_number",
            kind="id_number",
            label=Wording(vi="Số", en="Number"),
            when=Condition(field="has_id", any_of=(True,)),
        ),
    ),
)

CASES: list[tuple[str, dict[str, Any], Any, str, str]] = [
    ("text", {}, "Bệnh viện Bạch Mai", "Bệnh viện Bạch Mai", "Bệnh viện Bạch Mai"),
    ("person_name", {}, "Nguyễn Thị Hoa", "Nguyễn Thị Hoa", "Nguyễn Thị Hoa"),
    ("date", {}, "2024-03-15", "15/03/2024", "15/03/2024"),
    ("gender", {}, "nam", "Nam", "Male"),
    ("gender", {}, "nu", "Nữ", "Female"),
    ("ethnicity", {}, "01", "Kinh", "Kinh"),
    ("ethnicity", {}, "05", "Khơ-me", "Khmer"),
    ("nationality", {}, "VN", "Việt Nam", "Vietnam"),
    ("nationality", {}, "JP", "Nhật Bản", "Japan"),
    ("id_number", {}, "001088012345", "001088012345", "001088012345"),
    ("phone", {}, "0912345678", "0912345678", "0912345678"),
    ("email", {}, "hoa@example.vn", "hoa@example.vn", "hoa@example.vn"),
    (
        "address",
        {},
        HOME,
        "Số 5, ngõ 3 Hàng Bài, Phường Hồng Hà, Thành phố Hà Nội",
        "Số 5, ngõ 3 Hàng Bài, Phường Hồng Hà, Thành phố Hà Nội",
    ),
    ("yes_no", {}, True, "Có", "Yes"),
    ("yes_no", {}, False, "Không", "No"),
    ("number", {}, 3, "3", "3"),
    ("number", {}, 0, "0", "0"),
    ("number", {}, 2025, "2025", "2025"),
    ("number", {}, 50_000_000, "50.000.000", "50,000,000"),
]


@pytest.mark.parametrize(("kind", "extra", "value", "vi", "en"), CASES)
def test_each_kind_reads_naturally_in_both_languages(
    kind: str, extra: dict[str, Any], value: Any, vi: str, en: str
) -> None:
    field = _field(kind, **extra)
    assert format_answer(field, value) == vi
    assert format_answer(field, value, "vi") == vi
    assert format_answer(field, value, "en") == en


def test_a_select_reads_as_its_option_label() -> None:
    assert format_answer(KIND_OF_PROOF, "giay_bao_tu") == "Giấy báo tử"
    assert format_answer(KIND_OF_PROOF, "giay_bao_tu", "en") == "A death notice"


def test_a_group_joins_its_items_and_leaves_out_hidden_answers() -> None:
    items = [
        {"name": "Lê Văn An", "born": "2015-06-01", "has_id": False, "id_number": "001215000001"},
        {"name": "Lê Thị Bình", "born": "1990-01-20", "has_id": True, "id_number": "001190000002"},
    ]
    assert format_answer(MEMBERS, items) == (
        "Lê Văn An, 01/06/2015, Không; Lê Thị Bình, 20/01/1990, Có, 001190000002"
    )
    assert format_answer(MEMBERS, items, "en") == (
        "Lê Văn An, 01/06/2015, No; Lê Thị Bình, 20/01/1990, Yes, 001190000002"
    )


def test_an_address_without_detail_reads_ward_then_province() -> None:
    partial = {**HOME, "detail": "  "}
    assert format_answer(_field("address"), partial) == "Phường Hồng Hà, Thành phố Hà Nội"


@pytest.mark.parametrize("kind", ["text", "date", "address", "group", "select", "number"])
@pytest.mark.parametrize("value", [None, "", [], {}])
def test_an_unanswered_field_reads_as_nothing(kind: str, value: Any) -> None:
    assert format_answer(_field(kind), value) == ""
    assert format_answer(_field(kind), value, "en") == ""


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        ("date", "15/03/2024", "15/03/2024"),
        ("date", "2024-02-30", "2024-02-30"),
        ("gender", "khac", "khac"),
        ("ethnicity", "99", "99"),
        ("nationality", "XX", "XX"),
        ("yes_no", "co", "co"),
        ("number", "12", "12"),
        ("address", "Hà Nội", "Hà Nội"),
        ("group", "Lê Văn An", "Lê Văn An"),
    ],
)
def test_a_value_that_does_not_fit_is_shown_as_stored(kind: str, value: Any, shown: str) -> None:
    assert format_answer(_field(kind), value) == shown


def test_an_option_no_longer_offered_is_shown_as_stored() -> None:
    assert format_answer(KIND_OF_PROOF, "ban_an", "en") == "ban_an"


def test_a_line_prints_only_while_its_condition_holds() -> None:
    own = Line(cells=("Quan hệ: Bản thân",), when=Condition(field="for_self", any_of=(True,)))
    assert line_shown(own, {"for_self": True})
    assert not line_shown(own, {"for_self": False})
    assert not line_shown(own, {})
    assert line_shown(Line(cells=("Kính gửi",)), {})
    assert condition_holds(None, {})
    assert condition_holds(Condition(field="kind", any_of=("a", "b")), {"kind": "b"})


def test_a_year_alone_reads_as_the_year() -> None:
    born = _field("date", allow_year_only=True)
    assert format_answer(born, "1962") == "1962"
    assert format_answer(born, "1962-05-09") == "09/05/1962"


def test_capitals_keep_the_vietnamese_tone_marks() -> None:
    name = _field("person_name")
    assert format_placeholder(name, "Đỗ Quang Vinh", "upper") == "ĐỖ QUANG VINH"
    assert format_placeholder(name, "Nguyễn Thị Ánh Tuyết", "upper") == "NGUYỄN THỊ ÁNH TUYẾT"
    assert format_placeholder(name, "Đỗ Quang Vinh") == "Đỗ Quang Vinh"  # as written
    assert format_placeholder(_field("address"), HOME, "upper").startswith("SỐ 5, NGÕ 3 HÀNG BÀI")


def test_dates_years_and_numbers_in_words() -> None:
    born = _field("date", allow_year_only=True)
    assert (
        format_placeholder(born, "2025-02-20", "words")
        == "Ngày hai mươi tháng hai năm hai nghìn không trăm hai mươi lăm"
    )
    assert format_placeholder(born, "1962", "words") == "Năm một nghìn chín trăm sáu mươi hai"
    assert format_placeholder(_field("number"), 150_000_000, "words") == "một trăm năm mươi triệu"


def test_a_placeholder_never_raises_and_reads_nothing_when_unanswered() -> None:
    born = _field("date")
    assert format_placeholder(born, None, "words") == ""
    assert format_placeholder(born, "", "upper") == ""
    assert format_placeholder(born, "20/02/2025", "words") == "20/02/2025"  # stored oddly
    assert format_placeholder(_field("number"), -5, "words") == "-5"
    assert format_placeholder(_field("number"), 10**12, "words") == "1.000.000.000.000"
