"""Folding: what makes "Đăng kí", "đăng ký" and "dang ky" the same words."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.catalog.search.typos import TypoDictionary, within_one_edit
from kiosk.text.folding import accent_key, fold_words, has_accents, spans, words


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Đăng ký khai sinh", ("dang", "ky", "khai", "sinh")),
        ("ĐĂNG KÍ KẾT HÔN", ("dang", "ky", "ket", "hon")),
        ("hoà giải", ("hoa", "giai")),
        ("thuỷ lợi", ("thuy", "loi")),
        ("khoẻ", ("khoe",)),
        ("lí lịch", ("ly", "lich")),
        ("qui định", ("quy", "dinh")),
        ("tai", ("tai",)),  # "ai" is not "ay": only a lone i after a consonant is y
        ("thủ tục 1.001193", ("thu", "tuc", "1.001193")),
        ("'; DROP TABLE x; -- 😀 * NEAR", ("drop", "table", "x", "near")),
    ],
)
def test_folded_words(typed: str, expected: tuple[str, ...]) -> None:
    assert fold_words(typed) == expected


def test_nfd_folds_like_nfc_and_spans_point_into_the_original() -> None:
    nfc = "Thủ tục đăng ký kết hôn"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert fold_words(nfd) == fold_words(nfc)
    for text in (nfc, nfd):
        found = [text[start:end] for start, end in spans(text)]
        assert [unicodedata.normalize("NFC", w) for w in found] == nfc.split()
        assert [w.folded for w in words(text)] == list(fold_words(nfc))


def test_old_and_new_tone_placement_share_an_accent_key() -> None:
    assert accent_key("hoà") == accent_key("hòa")
    assert accent_key("thuỷ") == accent_key("thủy")
    assert accent_key("khoẻ") == accent_key("khỏe")
    assert accent_key("kí") == accent_key("ký")
    assert accent_key("hôn") != accent_key("hơn")
    assert accent_key("đăng") != accent_key("dang")


def test_accents_typed() -> None:
    assert has_accents("đăng")
    assert has_accents("ký")
    assert not has_accents("dang")
    assert not has_accents("1.001193")


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("hon", "hom", True),  # substitution
        ("khai", "kahi", True),  # transposition
        ("sinh", "sin", True),  # deletion
        ("dang", "danng", True),  # insertion
        ("khai", "khia", True),
        ("khai", "kiha", False),
        ("ket", "kethon", False),
    ],
)
def test_one_edit(a: str, b: str, near: bool) -> None:
    assert within_one_edit(a, b) is near
    assert within_one_edit(b, a) is near


def test_typo_dictionary_finds_words_one_edit_away() -> None:
    typos = TypoDictionary(["khai", "sinh", "hon", "kinh", "doanh"])
    assert typos.near("kahi") == {"khai"}
    assert typos.near("snih") == {"sinh"}
    assert typos.near("khai") == frozenset()  # the word itself is not a typo
    assert "hon" in typos.near("hom")
    assert typos.near("") == frozenset()
