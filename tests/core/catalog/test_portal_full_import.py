"""All 2,642 real portal records import, where the shared data is present (never bundled)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.catalog.service import CatalogService
from kiosk.db import Database
from kiosk.paths import PROJECT_ROOT

SHARED_PROCEDURES = PROJECT_ROOT.parent / "shared" / "data" / "tthc" / "procedures.jsonl"
needs_shared = pytest.mark.skipif(
    not SHARED_PROCEDURES.exists(), reason="shared TTHC data not present"
)


@needs_shared
def test_every_record_imports_and_problems_are_reported(db: Database) -> None:
    service = CatalogService(db)
    started = time.perf_counter()
    report = service.import_file(SHARED_PROCEDURES, "portal")
    elapsed = time.perf_counter() - started
    assert report.procedures == 2642
    assert not report.unchanged
    assert elapsed < 10  # parse + validate + write; about 2-3 s on a developer machine
    # Problems are reported per record, and most records parse with none.
    assert 0 < report.records_with_problems < 2642 // 4
    assert all(p.code and p.field and p.reason for p in report.problems)
    assert service.procedure("1.001193").methods
    assert service.import_file(SHARED_PROCEDURES, "portal").unchanged
    assert service.search("khai sinh", limit=3)


def _kiosk(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "catalog", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )


def test_cli_import_search_export(tmp_path: Path) -> None:
    data = tmp_path / "data"
    exported = tmp_path / "out.json"
    result = _kiosk(data, "export", str(exported))
    assert result.returncode == 0, result.stderr
    result = _kiosk(data, "import", str(exported), "--json")
    assert result.returncode == 0, result.stderr
    assert '"unchanged": true' in result.stdout
    result = _kiosk(data, "search", "dang ky khai sinh", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert "1.001193" in result.stdout.splitlines()[0]


def test_cli_refuses_an_invalid_file_with_status_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kiosk-catalogue", "version": 1}', encoding="utf-8")
    result = _kiosk(tmp_path / "data", "import", str(bad))
    assert result.returncode == 2
    assert "bad.json" in result.stderr
