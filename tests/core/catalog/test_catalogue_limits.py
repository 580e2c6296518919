"""Size limits on catalogue and form files: refused whole, the limit named, nothing changed.

A catalogue is data from outside the kiosk and is held in memory while it is imported
and searched, so the file, the number of procedures, every text and the search
vocabulary are bounded (``wire.catalogue``); forms likewise (``wire.forms``). The kiosk's
import, the sync pull and the server's publishing read through the same ``wire``
functions, so one limit holds everywhere.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import select

from kiosk.catalog import BUNDLED_CATALOGUE, CatalogueFileError
from kiosk.catalog.errors import CatalogueFileTooLargeError
from kiosk.catalog.search.index import SearchIndex
from kiosk.catalog.service import CatalogService
from kiosk.catalog.store import search_document
from kiosk.db import Database
from kiosk.db.models import Procedure
from kiosk.forms.library import BUNDLED_FORMS_DIR
from wire.catalogue import (
    MAX_CATALOGUE_BYTES,
    MAX_PROCEDURES,
    MAX_SEARCH_WORDS,
    CatalogueFile,
    search_words,
)
from wire.catalogue_files import read_catalogue_file
from wire.errors import CatalogueTooLargeError, FormDefinitionError
from wire.form_files import decode_form
from wire.forms import MAX_FORM_BYTES
from wire.portal import read_portal_file

FIELD = {"code": "ho-tich", "name": "Hộ tịch", "position": 1}


def procedure(number: int, **changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "code": f"1.{number:06d}",
        "name": f"Thủ tục số {number}",
        "levels": ["xa"],
        "field": "ho-tich",
    }
    values.update(changes)
    return values


def catalogue(procedures: list[dict[str, Any]], version: str = "limits-1") -> dict[str, Any]:
    return {
        "format": "kiosk-catalogue",
        "version": 1,
        "catalogue_version": version,
        "fields": [FIELD],
        "procedures": procedures,
    }


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def stored(db: Database) -> list[tuple[str, str]]:
    with db.transaction() as session:
        return list(session.execute(select(Procedure.code, Procedure.name)))


def invented_words(count: int) -> list[str]:
    """``count`` different words of letters only ("baaa", "caaa", …), as search folds them."""
    letters = string.ascii_lowercase
    words = []
    for number in range(count):
        word, rest = "", number
        for _ in range(4):
            rest, digit = divmod(rest, 26)
            word += letters[digit]
        words.append("w" + word)
    return words


@pytest.fixture
def catalog(db: Database, tmp_path: Path) -> CatalogService:
    """The catalogue service with a small catalogue loaded: what a refused import keeps."""
    service = CatalogService(db)
    service.import_file(write(tmp_path / "good.json", catalogue([procedure(1)])), "kiosk")
    return service


def test_a_file_past_the_size_limit_is_refused_unread_and_names_the_limit(
    catalog: CatalogService, db: Database, tmp_path: Path
) -> None:
    before = stored(db)
    big = tmp_path / "big.json"
    text = json.dumps(catalogue([procedure(2)], "too-big"))
    # Valid JSON all the same: only its size is wrong.
    big.write_text(text + " " * (MAX_CATALOGUE_BYTES + 1 - len(text)), encoding="utf-8")

    with pytest.raises(CatalogueFileTooLargeError) as refused:
        catalog.import_file(big, "kiosk")

    message = refused.value.message.render()
    assert "có 24,1 MB, vượt giới hạn 24 MB" in message
    assert "không thay đổi" in message
    assert stored(db) == before
    assert catalog.version() == "limits-1"
    # Exactly at the limit is still a catalogue.
    big.write_text(text + " " * (MAX_CATALOGUE_BYTES - len(text)), encoding="utf-8")
    assert catalog.import_file(big, "kiosk").catalogue_version == "too-big"


def test_a_portal_file_past_the_size_limit_is_refused_too(tmp_path: Path) -> None:
    big = tmp_path / "portal.jsonl"
    big.write_bytes(b"\n" * (MAX_CATALOGUE_BYTES + 1))
    with pytest.raises(CatalogueTooLargeError, match="25,165,824 bytes a catalogue file"):
        read_portal_file(big)


@pytest.mark.parametrize(
    ("change", "where", "limit"),
    [
        ({"summary": "x" * 2_001}, r"\$\.procedures\[0\]\.summary", "length <= 2000"),
        ({"keywords": ["giấy khai sinh"] * 31}, r"\$\.procedures\[0\]\.keywords", "length <= 30"),
        ({"keywords": ["x" * 201]}, r"\$\.procedures\[0\]\.keywords\[0\]", "length <= 200"),
        ({"name": "x" * 1_001}, r"\$\.procedures\[0\]\.name", "length <= 1000"),
        ({"steps": ["Bước"] * 201}, r"\$\.procedures\[0\]\.steps", "length <= 200"),
        ({"portal_url": "https://a.gov.vn/" + "x" * 2_000}, "portal_url", "length <= 2000"),
    ],
)
def test_a_field_past_its_limit_refuses_the_file_naming_the_field_and_the_limit(
    catalog: CatalogService,
    db: Database,
    tmp_path: Path,
    *,
    change: dict[str, Any],
    where: str,
    limit: str,
) -> None:
    before = stored(db)
    path = write(tmp_path / "long.json", catalogue([procedure(2, **change)], "too-long"))

    with pytest.raises(CatalogueFileError) as refused:
        catalog.import_file(path, "kiosk")

    message = refused.value.message.render()
    assert limit in message
    assert re.search(where, message), message
    assert stored(db) == before
    assert catalog.version() == "limits-1"


def test_more_procedures_than_the_limit_are_refused_whole(
    catalog: CatalogService, db: Database, tmp_path: Path
) -> None:
    before = stored(db)
    many = [procedure(number) for number in range(1, MAX_PROCEDURES + 2)]
    path = write(tmp_path / "many.json", catalogue(many, "too-many"))

    with pytest.raises(CatalogueFileError, match=r"length <= 20000 - at `\$\.procedures`"):
        catalog.import_file(path, "kiosk")

    assert stored(db) == before


def test_a_vocabulary_too_large_for_search_is_refused_naming_the_limit(
    catalog: CatalogService, db: Database, tmp_path: Path
) -> None:
    """Keywords of invented words: 11 MB of them once took the index to 1.8 GB."""
    before = stored(db)
    path = write(tmp_path / "words.json", worded(invented_words(MAX_SEARCH_WORDS + 1), "many"))

    with pytest.raises(CatalogueFileError, match="MAX_SEARCH_WORDS") as refused:
        catalog.import_file(path, "kiosk")

    assert f"more than {MAX_SEARCH_WORDS} distinct words" in refused.value.message.render()
    assert stored(db) == before
    # A large vocabulary within the limit is a catalogue.
    path = write(tmp_path / "fewer.json", worded(invented_words(MAX_SEARCH_WORDS - 100), "ok"))
    assert catalog.import_file(path, "kiosk").catalogue_version == "ok"


def test_words_count_once_however_they_are_accented_or_cased() -> None:
    one = catalogue([procedure(1, name="Đăng ký khai sinh", keywords=["dang ky", "ĐĂNG KÝ"])])
    names = msgspec.convert(one, CatalogueFile)
    # "dang", "ky", "khai", "sinh" and the field's "ho", "tich".
    assert search_words(names) == 6


def test_the_format_counts_the_words_the_search_index_holds() -> None:
    """The limit means what it says: the same words the kiosk's index keeps."""
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    names = {field.code: field.name for field in bundled.fields}
    index = SearchIndex([search_document(p, names[p.field]) for p in bundled.procedures])
    assert search_words(bundled) == len(index._vocabulary) > 300


def worded(words: list[str], version: str) -> dict[str, Any]:
    """A catalogue whose keywords hold ``words``: 30 keywords of 30 words a procedure."""
    keywords = [" ".join(words[i : i + 30]) for i in range(0, len(words), 30)]
    return catalogue(
        [
            procedure(number + 1, keywords=keywords[start : start + 30])
            for number, start in enumerate(range(0, len(keywords), 30))
        ],
        version,
    )


def test_the_bundled_catalogue_is_well_within_the_limits() -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    assert search_words(bundled) < MAX_SEARCH_WORDS // 10
    assert BUNDLED_CATALOGUE.stat().st_size < MAX_CATALOGUE_BYTES // 10


def test_a_form_past_its_size_limit_is_refused_naming_the_limit() -> None:
    text = (BUNDLED_FORMS_DIR / "khai-sinh.json").read_bytes()
    padded = text + b" " * (MAX_FORM_BYTES + 1 - len(text))
    with pytest.raises(FormDefinitionError, match="1,048,576 bytes a form may have"):
        decode_form(padded)
    assert decode_form(padded[:MAX_FORM_BYTES]).id == "khai-sinh"


@pytest.mark.parametrize(
    ("path", "value", "limit"),
    [
        (("title", "vi"), "T" * 2_001, "length <= 2000"),
        (("sections", 0, "fields"), "many", "length <= 100"),
        (("layout",), "many", "length <= 1000"),
    ],
)
def test_a_form_field_past_its_limit_is_refused_naming_it(
    path: tuple[str | int, ...], value: str, limit: str
) -> None:
    form = msgspec.json.decode((BUNDLED_FORMS_DIR / "khai-sinh.json").read_bytes())
    parent: Any = form
    for key in path[:-1]:
        parent = parent[key]
    if value == "many":
        items = parent[path[-1]]
        parent[path[-1]] = items + [items[-1]] * (1_001 - len(items))
    else:
        parent[path[-1]] = value
    with pytest.raises(FormDefinitionError, match=limit):
        decode_form(msgspec.json.encode(form))
