"""Search as you type: every keystroke of everyday queries, timed one by one.

A citizen types "dang ky khai sinh" one letter at a time and the result list follows
each key, so the figure that matters is the time of one ``SearchIndex.search`` call
per keystroke (p95), at the real catalogue's size and at 10,000 procedures. The
10,000 are the real records cloned with new codes and small name variations, so the
vocabulary and posting lists look like a big province's catalogue, not random text.

The yardstick is plain SQLite FTS5 (``unicode61 remove_diacritics 2``, the last word
as a prefix, ranked by bm25) over the same names in memory: what the database alone
would give, without đ-folding, typos, synonyms or the ranking rules.

``build_limits_ms`` and ``keystroke_limits_ms`` measure the largest catalogue the format
lets in (``wire.catalogue``): ``MAX_PROCEDURES`` procedures whose keywords bring the
search vocabulary to ``MAX_SEARCH_WORDS`` invented words, the worst an index may meet.

Speed is half of it; ``quality_top1_pct`` and ``quality_top3_pct`` are the other half:
how often the citizen-style queries of :mod:`.search_quality` find the expected
procedure first, or among the first three, in the portal catalogue benchmarked
(``quality_bundled_*``: in the bundled catalogue). Each is one figure, given as p50,
p95 and max alike, with ``n`` the number of queries asked.
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from kiosk.bench.stats import summarise
from kiosk.catalog.search.api import SearchDocument
from kiosk.catalog.search.index import SearchIndex
from kiosk.paths import PROJECT_ROOT

#: The national portal's records, shared beside the project (never committed).
PORTAL_FILE = PROJECT_ROOT.parent / "shared" / "data" / "tthc" / "procedures.jsonl"

#: What citizens type at the kiosk: without accents, with them, misspelt, codes.
QUERIES: tuple[str, ...] = (
    "dang ky khai sinh",
    "đăng kí kết hôn",
    "đăng ký kết hôn",
    "dang ky ket hom",
    "kethon",
    "khai tu",
    "đăng ký khai tử",
    "cccd",
    "can cuoc cong dan",
    "cấp lại thẻ căn cước",
    "ly lich tu phap",
    "lí lịch tư pháp",
    "lltp",
    "so do",
    "sổ hồng",
    "cap doi giay chung nhan quyen su dung dat",
    "cap ban sao",
    "chung thuc ban sao",
    "chứng thực chữ ký",
    "tam tru",
    "gia han tam tru",
    "thuong tru",
    "đăng ký thường trú",
    "ho khau",
    "ho chieu",
    "cấp hộ chiếu phổ thông",
    "passport",
    "mat ho chieu",
    "giay phep xay dung",
    "giấy phép xây dựng nhà ở riêng lẻ",
    "xac nhan tinh trang hon nhan",
    "giay xac nhan doc than",
    "dang ky ho kinh doanh",
    "thanh lap ho kinh doanh",
    "tam ngung kinh doanh",
    "dang ky doanh nghiep",
    "ma so thue",
    "nhan cha me con",
    "thay doi cai chinh ho tich",
    "trich luc ho tich",
    "khieu nai",
    "to cao",
    "phong chay chua chay",
    "giay phep lai xe",
    "bao hiem xa hoi",
    "tro cap xa hoi",
    "nuoi con nuoi",
    "giám hộ",
    "1.001193",
    "1.0008",
)

_SUFFIXES = (
    " (thực hiện tại cấp huyện)",
    " tại tỉnh Lào Cai",
    " tại thành phố Hồ Chí Minh",
    " đối với hộ gia đình, cá nhân",
    " cho người nước ngoài",
    " trong khu công nghiệp",
    " (áp dụng đối với doanh nghiệp nhỏ và vừa)",
    " trên địa bàn tỉnh Quảng Ninh",
    " theo yêu cầu của tổ chức",
    " (liên thông)",
)

Metrics = dict[str, dict[str, float | int]]


class _Named(Protocol):
    @property
    def name(self) -> str: ...


T = TypeVar("T", bound=_Named)
#: Makes a clone of a procedure given its new code, name and popularity.
Clone = Callable[[T, str, str, int], T]


def run(catalog: Path | None = None, size: int = 10_000, runs: int = 3) -> Metrics:
    """Build and keystroke metrics at the catalogue's real size, at ``size``, and at the
    format's limits (keystrokes without the FTS5 yardstick there)."""
    real = load_documents(catalog or PORTAL_FILE)
    big = synthesise(real, size)
    strokes = keystrokes(QUERIES)
    results: Metrics = {}
    results.update(_quality(real))
    results.update(_limits(real, strokes, runs))
    for label, documents in (("real", real), (str(size), big)):
        build_ms: list[float] = []
        stroke_ms: list[float] = []
        for _ in range(max(1, runs)):
            started = time.perf_counter()
            index = SearchIndex(documents)
            build_ms.append((time.perf_counter() - started) * 1000)
            stroke_ms.extend(_time_each(index.search, strokes))
        results[f"build_{label}_ms"] = summarise(build_ms)
        results[f"keystroke_{label}_ms"] = summarise(stroke_ms)
        results[f"baseline_sqlite_fts5_{label}_ms"] = summarise(
            _fts5_keystrokes(documents, strokes, runs)
        )
    return results


def _quality(real: Sequence[SearchDocument]) -> Metrics:
    """The hit rates of the citizen-style queries, on the portal and bundled catalogues."""
    from kiosk.bench import search_quality

    queries = search_quality.load_queries()
    catalogues: tuple[tuple[str, Sequence[SearchDocument], search_quality.Catalogue], ...] = (
        ("quality", real, "portal"),
        ("quality_bundled", search_quality.bundled_documents(), "bundled"),
    )
    results: Metrics = {}
    for prefix, documents, catalogue in catalogues:
        quality = search_quality.evaluate(SearchIndex(documents), queries, catalogue)
        if quality.asked:
            results[f"{prefix}_top1_pct"] = _figure(quality.top1_pct, quality.asked)
            results[f"{prefix}_top3_pct"] = _figure(quality.top3_pct, quality.asked)
    return results


def _figure(value: float, count: int) -> dict[str, float | int]:
    """One figure in the shape every metric has."""
    return {"p50": value, "p95": value, "max": value, "n": count}


def load_documents(path: Path) -> list[SearchDocument]:
    """The portal file's procedures as the catalogue service would hand them to search."""
    from kiosk.catalog.store import search_document
    from wire.portal import read_portal_file

    catalogue, _problems = read_portal_file(path)
    field_names = {field.code: field.name for field in catalogue.fields}
    return [search_document(p, field_names.get(p.field, p.field)) for p in catalogue.procedures]


def _limits(real: Sequence[SearchDocument], strokes: Sequence[str], runs: int) -> Metrics:
    build_ms: list[float] = []
    stroke_ms: list[float] = []
    documents = at_the_limits(real)
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        index = SearchIndex(documents)
        build_ms.append((time.perf_counter() - started) * 1000)
        stroke_ms.extend(_time_each(index.search, strokes))
    return {"build_limits_ms": summarise(build_ms), "keystroke_limits_ms": summarise(stroke_ms)}


def at_the_limits(real: Sequence[SearchDocument]) -> list[SearchDocument]:
    """``MAX_PROCEDURES`` documents, the first ones with keywords of invented words that
    take the vocabulary to ``MAX_SEARCH_WORDS`` (as the format counts it) and no further."""
    from wire.catalogue import MAX_PROCEDURES, MAX_SEARCH_WORDS

    documents = synthesise(real, MAX_PROCEDURES)
    own = {word for d in documents for text in (d.name, d.field_name) for word in _words(text)}
    words = invented_words(MAX_SEARCH_WORDS - len(own))
    keywords = [" ".join(words[i : i + 30]) for i in range(0, len(words), 30)]
    for number, start in enumerate(range(0, len(keywords), 30)):
        documents[number] = replace(documents[number], keywords=tuple(keywords[start : start + 30]))
    return documents


def invented_words(count: int) -> list[str]:
    """``count`` different words no catalogue has: "waaaa", "wbaaa", …"""
    words = []
    for number in range(count):
        word, rest = "w", number
        for _ in range(4):
            rest, letter = divmod(rest, 26)
            word += chr(ord("a") + letter)
        words.append(word)
    return words


def _words(text: str) -> list[str]:
    from kiosk.text.folding import fold_words

    return list(fold_words(text))


def synthesise(documents: Sequence[SearchDocument], size: int) -> list[SearchDocument]:
    """``size`` documents: the real ones, then clones with new codes and varied names."""
    return clone_to_size(
        documents,
        size,
        lambda source, code, name, popularity: replace(
            source, code=code, name=name, popularity=popularity
        ),
    )


def clone_to_size(items: Sequence[T], size: int, clone: Clone[T]) -> list[T]:
    """``size`` items: ``items``, then clones of them made by ``clone(source, code,
    name, popularity)`` with codes ``9.000001``…, a suffix on the name and a popularity.

    The same seed every time, so every run of a benchmark holds the same clones (the
    search index's, and the journey benchmark's catalogue of 10,000).
    """
    if size <= len(items):
        return list(items[:size])
    rng = random.Random(20250310)
    result = list(items)
    number = 0
    while len(result) < size:
        source = items[rng.randrange(len(items))]
        number += 1
        name = source.name + _SUFFIXES[rng.randrange(len(_SUFFIXES))]
        result.append(clone(source, f"9.{number:06d}", name, rng.choice((0, 0, 0, 1, 5, 20))))
    return result


def keystrokes(queries: Iterable[str]) -> list[str]:
    """Every prefix of every query, as the box holds it after each key."""
    return [query[:end] for query in queries for end in range(1, len(query) + 1)]


def _time_each(search: Callable[[str], object], strokes: Sequence[str]) -> list[float]:
    samples: list[float] = []
    for stroke in strokes:
        started = time.perf_counter()
        search(stroke)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _fts5_keystrokes(
    documents: Sequence[SearchDocument], strokes: Sequence[str], runs: int
) -> list[float]:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE names USING fts5(code UNINDEXED, name,"
            " tokenize = 'unicode61 remove_diacritics 2')"
        )
        connection.executemany(
            "INSERT INTO names (code, name) VALUES (?, ?)",
            ((document.code, document.name) for document in documents),
        )
        samples: list[float] = []
        for _ in range(max(1, runs)):
            for stroke in strokes:
                started = time.perf_counter()
                match = _fts5_match(stroke)
                if match:
                    connection.execute(
                        "SELECT code FROM names WHERE names MATCH ? ORDER BY rank LIMIT 30",
                        (match,),
                    ).fetchall()
                else:
                    connection.execute("SELECT code FROM names LIMIT 30").fetchall()
                samples.append((time.perf_counter() - started) * 1000)
        return samples
    finally:
        connection.close()


def _fts5_match(stroke: str) -> str:
    """Each word quoted (so nothing is FTS5 syntax), the last one a prefix."""
    words = re.findall(r"\w+", stroke)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    if re.search(r"\w\Z", stroke):  # the last word is still being typed
        quoted[-1] += "*"
    return " ".join(quoted)
