"""Names as on the citizen's papers, and free text fit for a paper form."""

from __future__ import annotations

import unicodedata

import pytest

from wire.validation import MAX_NAME_LENGTH, InvalidValue, check_person_name, check_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("  nguyễn   thị    bích  ", "nguyễn thị bích"),
        ("TRẦN ĐỨC THẮNG", "TRẦN ĐỨC THẮNG"),
        (unicodedata.normalize("NFD", "Phạm Thị Hường"), "Phạm Thị Hường"),
        ("H’Hen Niê", "H'Hen Niê"),
        ("K'Brềnh", "K'Brềnh"),
        ("Y Moan Ênuôl", "Y Moan Ênuôl"),
        ("Rơ Mah Ŏk", "Rơ Mah Ŏk"),
        ("Y Ơ̆ Niê Kdăm", "Y Ơ̆ Niê Kdăm"),
        ("Nguyễn\u00a0Văn\tAn", "Nguyễn Văn An"),
    ],
)
def test_names_are_normalised(typed: str, stored: str) -> None:
    result = check_person_name(typed)
    assert result == stored
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("Nguyễn Văn 2", "chữ số"),
        ("Nguyễn Văn An 😀", "emoji"),
        ("Nguyễn Văn An ❤", "emoji"),
        ("Nguyễn Văn An.", "dấu câu hay ký hiệu"),
        ("Nguyễn-Văn An", "dấu câu hay ký hiệu"),
        ("'An", "dấu câu hay ký hiệu"),
        ("An'", "dấu câu hay ký hiệu"),
        ("Nguyễn\u200bVăn", "ký tự không hợp lệ"),
        ("Nguyễn\x07Văn", "ký tự không hợp lệ"),
        ("Иван Петров", "bảng chữ cái khác"),
        ("阮文安", "bảng chữ cái khác"),
        ("   ", "Vui lòng nhập"),
        ("A" * (MAX_NAME_LENGTH + 1), "tối đa 100"),
        ("A " * 1000, "tối đa 100"),
    ],
)
def test_what_a_name_cannot_hold(typed: str, says: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_person_name(typed)
    assert says in caught.value.message.render()


def test_a_name_of_exactly_the_limit_is_accepted() -> None:
    assert len(check_person_name("A" * MAX_NAME_LENGTH)) == MAX_NAME_LENGTH


def test_free_text_is_trimmed_and_single_spaced() -> None:
    assert check_text("  Số 5,   ngõ 3  ") == "Số 5, ngõ 3"
    assert check_text(" dòng một  \r\n\n\n\n  dòng hai ", multiline=True) == (
        "dòng một\n\ndòng hai"
    )


@pytest.mark.parametrize(
    ("typed", "options", "says"),
    [
        ("một\nhai", {}, "một dòng"),
        ("một\ttab", {}, "ký tự không hợp lệ"),
        ("một\x00", {"multiline": True}, "ký tự không hợp lệ"),
        ("chữ\u202eđảo", {}, "ký tự không hợp lệ"),
        ("vui quá 🎉", {}, "emoji"),
        ("cờ 🇻🇳", {}, "emoji"),
        ("a" * 501, {}, "tối đa 500"),
        ("a" * 11, {"max_length": 10}, "tối đa 10"),
        ("a" * 2001, {"multiline": True}, "tối đa 2000"),
        ("ab", {"min_length": 3}, "ít nhất 3"),
        (" \n ", {"multiline": True}, "nhập nội dung"),
    ],
)
def test_what_free_text_cannot_hold(typed: str, options: dict[str, object], says: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        check_text(typed, **options)  # type: ignore[arg-type]
    assert says in caught.value.message.render()


def test_ordinary_symbols_are_fine_in_free_text() -> None:
    assert check_text("Nhà số 5/2 — tầng 3 (căn hộ 301), 25°C, © 2025") == (
        "Nhà số 5/2 — tầng 3 (căn hộ 301), 25°C, © 2025"
    )
