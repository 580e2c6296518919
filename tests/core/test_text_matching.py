"""Finding a name in a short list by the beginnings of its words (kiosk.text.matching)."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.text.matching import (
    MAX_QUERY_CHARS,
    begins_all,
    find_by_words,
    match_words,
    prefix_rank,
    query_words,
    starts_with,
)

NAMES = ["Phường Hồng Hà", "Xã Kỳ Anh", "Phường Hà Đông", "Xã Kim Anh", "Đặc khu Côn Đảo"]


def found(query: str) -> list[str]:
    return find_by_words(NAMES, query, lambda name: name)


@pytest.mark.parametrize(
    "query",
    [
        "hong ha",
        "Hồng Hà",
        "HONG HA",
        "hOnG",
        unicodedata.normalize("NFD", "Hồng"),
        "ha hong",
        "phuong hong",
    ],
)
def test_accents_case_and_word_order_aside(query: str) -> None:
    assert "Phường Hồng Hà" in found(query)


def test_every_typed_word_must_begin_a_word_of_the_name() -> None:
    assert found("ong") == []
    assert found("hong ha x") == []
    assert found("ha") == ["Phường Hồng Hà", "Phường Hà Đông"]
    assert found("dong") == ["Phường Hà Đông"]
    assert found("d") == ["Phường Hà Đông", "Đặc khu Côn Đảo"]


def test_i_and_y_are_the_same_after_a_consonant_while_typing_too() -> None:
    assert found("ky anh") == ["Xã Kỳ Anh"]
    assert found("KỲ") == ["Xã Kỳ Anh"]
    assert found("ki") == ["Xã Kỳ Anh", "Xã Kim Anh"]  # "ki" may still become "kim"


def test_the_order_of_the_items_is_kept() -> None:
    assert found("xa anh") == ["Xã Kỳ Anh", "Xã Kim Anh"]
    reversed_names = list(reversed(NAMES))
    assert find_by_words(reversed_names, "xa anh", str) == ["Xã Kim Anh", "Xã Kỳ Anh"]


@pytest.mark.parametrize("query", ["", "   ", " ,.;-"])
def test_a_query_without_words_finds_everything(query: str) -> None:
    assert found(query) == NAMES
    assert query_words(query) == ()


def test_words_are_folded_and_kept_as_typed() -> None:
    assert match_words("Kí Đà") == (("ky", "ki"), ("da", "da"))
    assert len(query_words("a " * MAX_QUERY_CHARS)) == MAX_QUERY_CHARS // 2


def test_begins_all_and_starts_with() -> None:
    name = match_words("Phường Hà Đông")
    assert begins_all(query_words("dong ph"), name)
    assert not begins_all(query_words("dong x"), name)
    assert starts_with(query_words("phuong ha"), name)
    assert not starts_with(query_words("ha"), name)
    assert not starts_with(query_words("phuong ha dong tay"), name)


def test_prefix_rank_is_the_first_name_the_query_starts() -> None:
    short, full = match_words("Hà Đông"), match_words("Phường Hà Đông")
    assert prefix_rank(query_words("ha d"), short, full) == 0
    assert prefix_rank(query_words("phuong"), short, full) == 1
    assert prefix_rank(query_words("dong"), short, full) == 2
