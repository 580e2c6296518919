"""The dân tộc and quốc tịch lists a form picks from."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.forms.choices import find_choices, nationalities
from kiosk.text.folding import fold, strip_marks
from wire.vocabulary import ETHNICITIES, Choice, ethnicity, nationalities_by_code, nationality


def test_there_are_54_ethnic_groups_with_the_gso_codes_in_order() -> None:
    assert len(ETHNICITIES) == 54
    assert [choice.code for choice in ETHNICITIES] == [f"{n:02d}" for n in range(1, 55)]
    assert len({choice.vi for choice in ETHNICITIES}) == 54
    assert len({choice.en for choice in ETHNICITIES}) == 54


def test_kinh_comes_first_and_codes_look_up() -> None:
    assert ETHNICITIES[0] == Choice("01", "Kinh", "Kinh")
    for choice in ETHNICITIES:
        assert ethnicity(choice.code) is choice
    assert ethnicity("55") is None
    assert ethnicity("kinh") is None


def test_ethnic_names_are_vietnamese_with_english_spellings() -> None:
    assert not all(choice.vi.isascii() for choice in ETHNICITIES)
    assert all(choice.en.isascii() for choice in ETHNICITIES)


def test_a_choice_cannot_be_changed() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ETHNICITIES[0].vi = "Việt"  # type: ignore[misc]


def test_vietnam_is_the_first_nationality() -> None:
    first = nationalities()[0]
    assert first == Choice("VN", "Việt Nam", "Vietnam")
    assert nationality("VN") == first


def test_nationalities_are_countries_by_their_iso_codes() -> None:
    codes = [choice.code for choice in nationalities()]
    assert len(codes) == len(set(codes)) > 190
    assert all(len(code) == 2 and code.isalpha() and code.isupper() for code in codes)
    for region in ("EU", "UN", "ZZ", "EZ", "QO", "AQ"):
        assert nationality(region) is None
    assert nationality("JP") == Choice("JP", "Nhật Bản", "Japan")
    assert nationality("KR") == Choice("KR", "Hàn Quốc", "South Korea")
    assert nationality("LA") == Choice("LA", "Lào", "Laos")
    assert nationality("XX") is None


def test_after_vietnam_they_follow_the_vietnamese_alphabet_without_accents() -> None:
    rest = [strip_marks(fold(choice.vi)) for choice in nationalities()[1:]]
    assert rest == sorted(rest)


def test_the_screen_lists_every_nationality_the_format_accepts() -> None:
    assert {choice.code for choice in nationalities()} == set(nationalities_by_code())
    assert all(nationality(choice.code) == choice for choice in nationalities())


def test_taiwan_is_named_as_vietnamese_papers_name_it() -> None:
    taiwan = nationality("TW")
    assert taiwan is not None
    assert taiwan.vi == "Đài Loan (Trung Quốc)"


@pytest.mark.parametrize("query", ["duc", "Đức", "ĐỨC", "germ", "GERMANY"])
def test_find_choices_reads_both_languages_accents_and_case_aside(query: str) -> None:
    assert find_choices(nationalities(), query) == [Choice("DE", "Đức", "Germany")]


def test_find_choices_matches_beginnings_of_words_in_list_order() -> None:
    assert [c.vi for c in find_choices(ETHNICITIES, "kho")] == ["Khơ-me", "Khơ-mú"]
    assert [c.vi for c in find_choices(ETHNICITIES, "e de")] == ["Ê-đê"]
    assert find_choices(ETHNICITIES, "inh") == []
    korean = find_choices(nationalities(), "han quoc")
    assert Choice("KR", "Hàn Quốc", "South Korea") in korean
    positions = [nationalities().index(choice) for choice in korean]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("query", "official"),
    [
        ("Khmer", "Khơ-me"),
        ("khome", "Khơ-me"),
        ("H'Mông", "Mông"),
        ("Hmông", "Mông"),
        ("Jrai", "Gia-rai"),
        ("giarai", "Gia-rai"),
        ("Êđê", "Ê-đê"),
        ("ede", "Ê-đê"),
        ("Bahnar", "Ba-na"),
        ("M'Nông", "Mnông"),
    ],
)
def test_a_dan_toc_is_found_by_the_names_citizens_type(query: str, official: str) -> None:
    assert [c.vi for c in find_choices(ETHNICITIES, query)] == [official]


def test_find_choices_with_an_empty_query_lists_them_all() -> None:
    assert find_choices(ETHNICITIES, "") == list(ETHNICITIES)
    assert find_choices(nationalities(), " ") == list(nationalities())
