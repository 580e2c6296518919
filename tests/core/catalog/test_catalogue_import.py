"""Replacing the catalogue: whole or not at all, and never twice for the same content."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import func, select

from kiosk.catalog import BUNDLED_CATALOGUE, CatalogueFileError
from kiosk.catalog.importer import import_catalogue
from kiosk.catalog.service import CatalogService
from kiosk.db import Database
from kiosk.db.models import CatalogMeta, Procedure, ProcedureAgency
from wire.catalogue import CatalogueFile
from wire.catalogue_files import read_catalogue_file

SMALL: dict[str, Any] = {
    "format": "kiosk-catalogue",
    "version": 1,
    "catalogue_version": "test-1",
    "fields": [{"code": "ho-tich", "name": "Hộ tịch", "position": 1}],
    "agencies": [{"code": "ubnd-xa", "name": "Ủy ban nhân dân cấp xã", "level": "xa"}],
    "procedures": [
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "levels": ["xa"],
            "field": "ho-tich",
            "agencies": ["ubnd-xa"],
            "keywords": ["làm giấy khai sinh"],
        },
        {
            "code": "1.001193.HN",
            "name": "Đăng ký khai sinh (Hà Nội)",
            "levels": ["xa"],
            "field": "ho-tich",
        },
    ],
}


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _rows(db: Database) -> list[tuple[str, str]]:
    with db.transaction() as session:
        return list(
            session.execute(select(Procedure.code, Procedure.body).order_by(Procedure.code))
        )


def test_import_replaces_the_bundled_catalogue(db: Database, tmp_path: Path) -> None:
    service = CatalogService(db)
    assert service.version() == read_catalogue_file(BUNDLED_CATALOGUE).catalogue_version
    report = service.import_file(_write(tmp_path / "c.json", SMALL), "kiosk")
    assert (report.unchanged, report.procedures, report.fields) == (False, 2, 1)
    assert service.version() == "test-1"
    assert [code for code, _ in _rows(db)] == ["1.001193", "1.001193.HN"]
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ProcedureAgency)) == 1
        meta = session.get_one(CatalogMeta, 1)
        assert (meta.source, meta.format) == ("import", "kiosk")
    assert service.procedure("1.001193").keywords == ["làm giấy khai sinh"]


def test_invalid_file_leaves_the_previous_catalogue(db: Database, tmp_path: Path) -> None:
    service = CatalogService(db)
    service.import_file(_write(tmp_path / "good.json", SMALL), "kiosk")
    before = _rows(db)
    bad = json.loads(json.dumps(SMALL))
    bad["procedures"][1]["field"] = "no-such-field"
    with pytest.raises(CatalogueFileError, match="unknown field"):
        service.import_file(_write(tmp_path / "bad.json", bad), "kiosk")
    bad["procedures"][0]["code"] = "1001193"
    with pytest.raises(CatalogueFileError, match=r"\$\.procedures\[0\]\.code"):
        service.import_file(_write(tmp_path / "bad.json", bad), "kiosk")
    assert _rows(db) == before
    assert service.version() == "test-1"


def test_a_failure_while_writing_rolls_back_whole(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.catalog import store

    real = store._insert

    def insert_then_fail(session: Any, model: Any, rows: Any) -> None:
        real(session, model, rows)
        if model is Procedure:
            raise OSError("disk unplugged")

    monkeypatch.setattr(store, "_insert", insert_then_fail)
    before = _rows(db)
    with pytest.raises(OSError, match="unplugged"):
        import_catalogue(db, msgspec.convert(SMALL, CatalogueFile))
    assert _rows(db) == before


def test_same_content_again_writes_nothing(db: Database, tmp_path: Path) -> None:
    service = CatalogService(db)
    path = _write(tmp_path / "c.json", SMALL)
    first = service.import_file(path, "kiosk")
    with db.transaction() as session:
        loaded_at = session.get_one(CatalogMeta, 1).loaded_at
    rows = _rows(db)
    again = service.import_file(path, "kiosk")
    assert again.unchanged
    assert again.content_hash == first.content_hash
    assert _rows(db) == rows
    with db.transaction() as session:
        assert session.get_one(CatalogMeta, 1).loaded_at == loaded_at


def test_export_then_import_is_unchanged(db: Database, tmp_path: Path) -> None:
    service = CatalogService(db)
    service.import_file(_write(tmp_path / "c.json", SMALL), "kiosk")
    exported = tmp_path / "out.json"
    assert service.export_file(exported) == 2
    assert read_catalogue_file(exported).procedures[1].code == "1.001193.HN"
    assert service.import_file(exported, "kiosk").unchanged


def test_bundled_catalogue_is_loaded_at_start_up(db: Database) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Procedure)) == len(
            bundled.procedures
        )
        assert session.get_one(CatalogMeta, 1).source == "bundled"
