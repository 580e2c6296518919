"""The catalogue shipped with the kiosk: read strictly, loaded once, whole.

Its content is checked in ``tests/core/catalog/test_bundled_content.py``; here, the
reading and loading machinery.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.catalog import BUNDLED_CATALOGUE, CatalogueFileError, load_bundled_catalogue
from kiosk.db import Database
from kiosk.db.models import Agency, CatalogMeta, Field, FormDefinition, Procedure, QueueService
from kiosk.errors import KioskError
from kiosk.forms.library import BUNDLED_FORMS_DIR
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from wire.catalogue_files import read_catalogue_file
from wire.errors import CatalogueFormatError


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_start_up_loads_the_bundled_catalogue(db: Database) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    with db.transaction() as session:
        assert _count(session, Procedure) == len(bundled.procedures)
        assert _count(session, Field) == len(bundled.fields)
        assert _count(session, Agency) == len(bundled.agencies)
        assert _count(session, QueueService) == len(bundled.queue_services)
        meta = session.get_one(CatalogMeta, 1)
        assert (meta.source, meta.version) == ("bundled", bundled.catalogue_version)
        birth = session.get_one(Procedure, "1.001193")
        assert birth.field_code == "ho-tich"
        queue = bundled.queue_services[0]
        row = session.get_one(QueueService, queue.code)
        assert row.counters == list(queue.counters)
        assert row.opening_hours["mon"][0] == list(queue.opening_hours.mon[0])


def test_the_services_start_up_stores_the_catalogue_and_forms_on_its_clock(
    services: KioskServices,
) -> None:
    with services.db.transaction() as session:
        meta = session.get_one(CatalogMeta, 1)
        forms = _count(session, FormDefinition)
    assert (meta.source, meta.loaded_at) == ("bundled", FIXED_NOW)
    assert forms == len(list(BUNDLED_FORMS_DIR.glob("*.json")))


def test_loading_is_skipped_when_a_catalogue_exists(db: Database) -> None:
    with db.transaction() as session:
        session.get_one(Procedure, "1.001193").name = "Đổi bởi máy chủ"
        assert not load_bundled_catalogue(session)
    with db.transaction() as session:
        assert session.get_one(Procedure, "1.001193").name == "Đổi bởi máy chủ"


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (lambda d: d.update(format="something-else"), "format"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d["procedures"][0].update(code="1001193"), "$.procedures[0].code"),
        (lambda d: d["procedures"][0].update(field="no-such-field"), "unknown field"),
        (lambda d: d["procedures"][0].update(agencies=["nobody"]), "unknown agency"),
        (lambda d: d["procedures"][0].update(queue_service="Z"), "unknown queue"),
        (lambda d: d["procedures"].append(d["procedures"][0]), "duplicate procedure"),
        (lambda d: d["queue_services"][0].update(counters=[]), "counters"),
        (lambda d: d["queue_services"][0]["opening_hours"].update(mon=[["7h", "11h"]]), "mon"),
        (lambda d: d.update(surprise=True), "surprise"),
    ],
)
def test_malformed_files_are_refused(tmp_path: Path, change: Any, detail: str) -> None:
    data = _valid()
    change(data)
    path = _write(tmp_path / "c.json", data)
    with pytest.raises(CatalogueFormatError, match=re.escape(detail)) as caught:
        read_catalogue_file(path)
    assert caught.value.path == str(path)
    shown = CatalogueFileError.of(caught.value)
    assert isinstance(shown, KioskError)
    assert str(path) in str(shown)
    assert caught.value.detail in str(shown)


def test_bad_json_missing_file_and_bad_utf8_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kiosk-catalogue",', encoding="utf-8")
    with pytest.raises(CatalogueFormatError):
        read_catalogue_file(broken)
    with pytest.raises(CatalogueFormatError):
        read_catalogue_file(tmp_path / "missing.json")
    data = _valid()
    data["note"] = "café"
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(text.replace("café".encode(), "café".encode("latin-1")))
    with pytest.raises(CatalogueFormatError, match="UTF-8"):
        read_catalogue_file(latin1)


def test_codes_with_a_trailing_newline_are_refused(tmp_path: Path) -> None:
    data = _valid()
    data["procedures"][0]["code"] += "\n"
    with pytest.raises(CatalogueFormatError, match=re.escape("$.procedures[0].code")):
        read_catalogue_file(_write(tmp_path / "c.json", data))


def test_malformed_file_loads_nothing(tmp_path: Path) -> None:
    data = _valid()
    data["procedures"][-1]["field"] = "no-such-field"
    bad = _write(tmp_path / "bad.json", data)
    database = Database(tmp_path / "k.sqlite3")
    database.open()
    try:
        with database.transaction() as session:
            from kiosk.catalog.store import clear_catalogue

            clear_catalogue(session)
        with pytest.raises(CatalogueFileError), database.transaction() as session:
            load_bundled_catalogue(session, bad)
        with database.transaction() as session:
            assert _count(session, Procedure) == 0
            assert _count(session, Field) == 0
    finally:
        database.close()
