"""The demo catalogue shipped with the kiosk: valid, real codes, loaded once, whole."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.catalog import BUNDLED_CATALOGUE, CatalogueFileError, load_bundled_catalogue
from kiosk.catalog.bundled import read_catalogue_file
from kiosk.db import Database
from kiosk.db.models import Agency, CatalogMeta, Field, Procedure, QueueService
from kiosk.errors import KioskError

SHARED_PROCEDURES = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "tthc" / "procedures.jsonl"
)


def _count(session: Session, model: type[Any]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_bundled_file_is_valid_and_small() -> None:
    catalogue = read_catalogue_file(BUNDLED_CATALOGUE)
    assert 5 <= len(catalogue.procedures) <= 12
    assert {q.code for q in catalogue.queue_services} == {"A", "B", "C"}
    assert all(q.counters for q in catalogue.queue_services)


def test_names_carry_vietnamese_diacritics() -> None:
    catalogue = read_catalogue_file(BUNDLED_CATALOGUE)
    names = {p.code: p.name for p in catalogue.procedures}
    assert names["1.001193"] == "Thủ tục đăng ký khai sinh"
    assert names["1.000894"] == "Thủ tục đăng ký kết hôn"
    assert {q.code: q.name for q in catalogue.queue_services}["A"] == "Tư pháp – Hộ tịch"


@pytest.mark.skipif(not SHARED_PROCEDURES.exists(), reason="shared TTHC data not present")
def test_codes_are_real_commune_level_codes_for_those_procedures() -> None:
    official: dict[str, tuple[str, str]] = {}
    with SHARED_PROCEDURES.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            official[record["ma_thu_tuc"]] = (record["ten_thu_tuc"], record["cap_thuc_hien"])
    for procedure in read_catalogue_file(BUNDLED_CATALOGUE).procedures:
        name, levels = official[procedure.code]
        assert "Cấp xã" in levels, procedure.code
        # Our (possibly shortened) name starts the official one.
        assert name.lower().startswith(procedure.name.lower()), procedure.code


def test_open_loads_the_demo_catalogue(db: Database) -> None:
    with db.transaction() as session:
        assert _count(session, Procedure) == 7
        assert _count(session, Field) == 3
        assert _count(session, Agency) == 1
        assert _count(session, QueueService) == 3
        meta = session.get(CatalogMeta, 1)
        assert meta is not None
        assert meta.source == "bundled"
        birth = session.get(Procedure, "1.001193")
        assert birth is not None
        assert birth.field_code == "ho-tich"
        assert birth.queue_service_code == "A"
        assert birth.details["documents"]
        queue_a = session.get(QueueService, "A")
        assert queue_a is not None
        assert queue_a.counters == [1, 2]
        assert queue_a.opening_hours["mon"][0] == ["07:30", "11:30"]


def test_loading_is_skipped_when_a_catalogue_exists(db: Database) -> None:
    with db.transaction() as session:
        session.get_one(Procedure, "1.001193").name = "Đổi bởi máy chủ"
        assert not load_bundled_catalogue(session)
    with db.transaction() as session:
        assert session.get_one(Procedure, "1.001193").name == "Đổi bởi máy chủ"
        assert _count(session, Procedure) == 7


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
    with pytest.raises(CatalogueFileError, match=re.escape(detail)) as caught:
        read_catalogue_file(_write(tmp_path / "c.json", data))
    assert isinstance(caught.value, KioskError)


def test_bad_json_and_missing_file_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kiosk-catalogue",', encoding="utf-8")
    with pytest.raises(CatalogueFileError):
        read_catalogue_file(broken)
    with pytest.raises(CatalogueFileError):
        read_catalogue_file(tmp_path / "missing.json")


def test_codes_with_a_trailing_newline_are_refused(tmp_path: Path) -> None:
    data = _valid()
    data["procedures"][0]["code"] += "\n"
    with pytest.raises(CatalogueFileError, match=re.escape("$.procedures[0].code")):
        read_catalogue_file(_write(tmp_path / "c.json", data))


def test_text_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    data = _valid()
    data["note"] = "café"
    text = json.dumps(data, ensure_ascii=False).encode("utf-8")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(text.replace("café".encode(), "café".encode("latin-1")))
    with pytest.raises(CatalogueFileError, match="UTF-8"):
        read_catalogue_file(latin1)


def test_malformed_file_loads_nothing(tmp_path: Path) -> None:
    """The file is validated whole before anything is written."""
    data = _valid()
    data["procedures"][-1]["field"] = "no-such-field"
    bad = _write(tmp_path / "bad.json", data)
    database = Database(tmp_path / "k.sqlite3")
    database.open()
    try:
        with database.transaction() as session:
            for model in (Procedure, QueueService, Agency, Field, CatalogMeta):
                session.execute(model.__table__.delete())  # type: ignore[attr-defined]
        with pytest.raises(CatalogueFileError), database.transaction() as session:
            load_bundled_catalogue(session, bad)
        with database.transaction() as session:
            assert _count(session, Procedure) == 0
            assert _count(session, Field) == 0
    finally:
        database.close()
