"""The search benchmark's parts: keystrokes, the synthetic catalogue, the FTS5 query."""

from __future__ import annotations

from kiosk.bench import search as bench
from kiosk.catalog.search.api import SearchDocument


def test_keystrokes_are_every_prefix() -> None:
    assert bench.keystrokes(["cccd", "ab"]) == ["c", "cc", "ccc", "cccd", "a", "ab"]
    assert len(bench.QUERIES) == 50


def test_synthetic_catalogue_clones_with_new_codes() -> None:
    real = [
        SearchDocument(
            code=f"1.00000{i}", name=f"Thủ tục {i}", levels=("xa",), field="f", field_name="F"
        )
        for i in range(3)
    ]
    big = bench.synthesise(real, 20)
    assert len(big) == 20
    assert big[:3] == real
    assert len({doc.code for doc in big}) == 20
    assert bench.synthesise(real, 2) == real[:2]


def test_fts5_query_quotes_every_word() -> None:
    assert bench._fts5_match("dang ky kh") == '"dang" "ky" "kh"*'
    assert bench._fts5_match("dang ky ") == '"dang" "ky"'
    assert bench._fts5_match("'; DROP TABLE x; --") == '"DROP" "TABLE" "x"'
    assert bench._fts5_match("😀") == ""
