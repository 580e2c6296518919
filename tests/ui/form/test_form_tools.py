"""The form journey's screenshots and page-change benchmark still run (on a sample)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from kiosk.config import Language
from kiosk.paths import PROJECT_ROOT
from ui.screenshots import FORM_SHOT_SIZE, render_form_pdfs, render_forms


@pytest.fixture
def app_font_kept(qapp: QApplication) -> Iterator[None]:
    """The screenshots set the kiosk's font on the application: put the old one back."""
    font = qapp.font()
    yield
    qapp.setFont(font)


@pytest.mark.usefixtures("app_font_kept")
def test_the_form_screenshots_draw_a_page(tmp_path: Path) -> None:
    written = render_forms(tmp_path, ("khai-sinh",), (Language.ENGLISH,), most=1)
    assert written == [tmp_path / "khai-sinh-01-nguoi_yeu_cau-en.png"]
    with Image.open(written[0]) as image:
        assert image.size == FORM_SHOT_SIZE


def test_the_pdf_previews_draw_the_first_page(tmp_path: Path) -> None:
    written = render_form_pdfs(tmp_path, ("ket-hon",))
    assert written == [tmp_path / "pdf-ket-hon.png"]
    with Image.open(written[0]) as image:
        width, height = image.size
    assert 800 < width < 850  # A4 at about 100 dpi
    assert height / width == pytest.approx(297 / 210, rel=0.01)


@pytest.mark.slow
def test_the_page_change_benchmark_prints_its_samples() -> None:
    child = subprocess.run(
        [sys.executable, "-m", "ui.bench_form_pages", "--changes", "3"],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr
    samples = json.loads(child.stdout.strip().splitlines()[-1])["page_change_ms"]
    assert len(samples) == 3
    assert all(isinstance(sample, float) and sample > 0 for sample in samples)
