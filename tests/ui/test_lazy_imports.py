"""What a visit does not need stays out of the kiosk's memory.

Each check runs in a fresh Python, since what one test imports stays imported for the
next: fpdf2 (with fontTools and cryptography, some 60 MB) comes in only when an A4
PDF is made, never on the way through the screens; and the source files PySide6's
import hook reads are not kept (``ui.pyside_sources``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import ui.main_window
from kiosk import clock
from kiosk.paths import PROJECT_ROOT
from ui.pyside_sources import mentions_pyside

WALK_THEN_PDF = """
import json, sys, tempfile
from pathlib import Path
from sqlalchemy import select
from kiosk.bench.journeys import prepare_data_folder
from kiosk.db import models
from ui.bench_journeys import benchmark_kiosk, walk_every_screen

with tempfile.TemporaryDirectory() as folder:
    data_dir = Path(folder) / "data"
    prepare_data_folder(data_dir)
    with benchmark_kiosk(data_dir) as window:
        walk_every_screen(window)  # the form is submitted and its receipt printed
        after_walk = "fpdf" in sys.modules
        services = window.services()
        with services.db.transaction() as session:
            reference = session.scalar(select(models.Declaration.reference))
        pdf = services.declarations.pdf(reference)
        print(json.dumps({
            "after_walk": after_walk,
            "after_pdf": "fpdf" in sys.modules,
            "pdf": pdf[:5].decode("ascii"),
        }))
"""

SOURCES_KEPT = """
import json, linecache
import ui.main_window  # PySide6 first, then the core and the screens
import kiosk.services
print(json.dumps([
    name for name in linecache.cache
    if not name.startswith("<") and ("/kiosk/" in name or "/ui/" in name or "sqlalchemy" in name)
]))
"""


def _run(code: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_fpdf_comes_in_with_the_first_a4_pdf_not_with_the_screens() -> None:
    report = _run(WALK_THEN_PDF)
    assert report["after_walk"] is False
    assert report["pdf"] == "%PDF-"
    assert report["after_pdf"] is True


def test_the_sources_pyside_reads_on_import_are_not_kept() -> None:
    assert _run(SOURCES_KEPT) == []


def test_whether_a_module_mentions_pyside_is_read_from_its_file() -> None:
    assert mentions_pyside(ui.main_window)
    assert not mentions_pyside(clock)
    assert not mentions_pyside(sys)  # built in: no file
