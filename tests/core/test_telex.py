"""Telex typed key by key, as a citizen types on a physical or on-screen keyboard."""

from __future__ import annotations

import unicodedata

import pytest

from kiosk.text import Tone, current_word_start, set_tone, telex, type_key

WORDS = [
    # the brief's examples
    ("ddawng kys", "đăng ký"),
    ("khai sinh", "khai sinh"),
    ("Nguyeenx Vawn An", "Nguyễn Văn An"),
    ("ddieenj thoaij", "điện thoại"),
    ("hoaf", "hòa"),
    ("thuyr", "thủy"),
    ("tieengs Vieetj", "tiếng Việt"),
    ("ngwowif", "người"),
    ("truwowngf", "trường"),
    # shapes
    ("aa aw ee oo ow uw", "â ă ê ô ơ ư"),
    ("dd", "đ"),
    ("uow", "ươ"),
    ("w", "ư"),
    ("tw", "tư"),
    ("nhuw", "như"),
    ("muaw", "mưa"),
    ("muwa", "mưa"),
    ("guiwr", "gửi"),
    ("cuuws", "cứu"),
    ("huwowu", "hươu"),
    ("hoawcj", "hoặc"),
    ("anw", "ăn"),
    ("dad", "đa"),  # the second d may come later in the word
    # tones and where they go (traditional placement: hòa, khỏe, thủy)
    ("as af ar ax aj", "á à ả ã ạ"),
    ("khoer", "khỏe"),
    ("hoafn", "hoàn"),  # the tone moves when a final consonant follows
    ("hoanf", "hoàn"),
    ("huynhf", "huỳnh"),
    ("khoais", "khoái"),
    ("khuyur", "khuỷu"),
    ("tais", "tái"),
    ("mias", "mía"),
    ("cuar", "của"),
    ("quys", "quý"),
    ("quoocs", "quốc"),
    ("gif", "gì"),
    ("giaf", "già"),
    ("giuwax", "giữa"),
    ("giups", "giúp"),
    ("yeeu", "yêu"),
    ("chuyeenr", "chuyển"),
    ("nguowif", "người"),
    ("hocj", "học"),
    ("sachs", "sách"),
    ("ddoongj", "động"),
    ("xaz", "xaz"),  # z without a tone to remove is a letter
    ("asz", "a"),
    ("asf", "à"),  # a second tone replaces the first
    ("tieesn", "tiến"),  # the tone may come before the final consonant
    ("Vieejt", "Việt"),
    # repeating a key undoes it and types the key
    ("ass", "as"),
    ("aaa", "aa"),
    ("aww", "aw"),
    ("ddd", "dd"),
    ("ww", "w"),
    ("uoww", "uow"),
    ("asss", "ass"),
    # capitals
    ("DDa", "Đa"),
    ("DDAWNG KYS", "ĐĂNG KÝ"),
    ("Ddaf Nawngx", "Đà Nẵng"),
    ("VIEETJ", "VIỆT"),
    ("NGUWOWIF", "NGƯỜI"),
    # words that are not Vietnamese stay as typed
    ("class", "class"),
    ("bacf", "bacf"),  # huyền cannot follow a final c
    ("www", "ww"),
    ("abc123 xyz", "abc123 xyz"),
    ("0912345678", "0912345678"),
    ("1.001193", "1.001193"),
    # non-letters end the word
    ("a1s", "a1s"),
    ("a-s", "a-s"),
    ("hoa,f", "hoa,f"),
    ("Hà Nội", "Hà Nội"),  # already Vietnamese: untouched
]


@pytest.mark.parametrize(("typed", "shown"), WORDS)
def test_telex_typed_key_by_key(typed: str, shown: str) -> None:
    assert telex(typed) == shown


@pytest.mark.parametrize(("typed", "shown"), WORDS)
def test_output_is_nfc(typed: str, shown: str) -> None:
    result = telex(typed)
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("word", "key", "after"),
    [
        ("hoa", "f", "hòa"),
        ("hòa", "n", "hoàn"),
        ("Vi", "ê", "Viê"),  # letters from the on-screen Vietnamese row are plain
        ("tiê", "s", "tiế"),
        ("nguoi", "w", "ngươi"),
        ("", "w", "ư"),
        ("", "a", "a"),
        ("a", " ", "a "),
        # a word a field gave in NFD still works
        (unicodedata.normalize("NFD", "hòa"), "n", "hoàn"),
    ],
)
def test_type_key_changes_only_the_word(word: str, key: str, after: str) -> None:
    assert type_key(word, key) == after


@pytest.mark.parametrize(
    ("word", "tone", "after"),
    [
        ("Viêt", Tone.NANG, "Việt"),
        ("hoa", Tone.HUYEN, "hòa"),
        ("thuy", Tone.HOI, "thủy"),
        ("Nguyên", Tone.NGA, "Nguyễn"),
        ("ngươi", Tone.HUYEN, "người"),
        ("á", Tone.HUYEN, "à"),
        ("á", Tone.SAC, "a"),  # the same tone again takes it off
        ("hoc", Tone.NANG, "học"),
        ("bac", Tone.HUYEN, "bàc"),  # an explicit tap is honoured
    ],
)
def test_set_tone_for_the_on_screen_tone_keys(word: str, tone: Tone, after: str) -> None:
    assert set_tone(word, tone) == after


@pytest.mark.parametrize("word", ["", "ng", "class", "abc1"])
def test_set_tone_does_nothing_without_a_vietnamese_vowel(word: str) -> None:
    assert set_tone(word, Tone.SAC) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [("", 0), ("đăng ký", 5), ("đăng ", 5), ("số 12", 5), ("abc", 0), ("a-b", 2)],
)
def test_current_word_is_the_letters_left_of_the_cursor(text: str, start: int) -> None:
    assert current_word_start(text) == start
