"""How long the form wizard takes to change page: the tap on "Tiếp tục" or "‹ Quay
lại" until the new page is laid out and painted.

``python -m ui.bench_form_pages [--changes N]`` builds a kiosk window offscreen at
1920×1080 over a throwaway data folder with the bundled catalogue and forms, opens
khai-sinh filled with valid (invented) answers, and walks it forward to the review and
back, tap by tap. Each sample is the time from the tap to the end of a synchronous
repaint of the window after the events the tap caused were processed, as the start-up
benchmark measures a first paint. It prints one JSON line ``{"page_change_ms": [...]}``;
``kiosk.bench.forms`` runs it as a child process and summarises the samples.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.config import Settings
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.crypto.keys import throwaway_key_file
from kiosk.forms.draft import REVIEW
from kiosk.forms.samples import sample_answers
from ui.main_window import KioskWindow
from ui.offscreen import offscreen_app, synchronous_ops, throwaway_kiosk
from ui.screens.form.screen import FormScreen

FORM_ID = "khai-sinh"
# 09:00 on Monday 10 March 2025 in Hà Nội.
BENCH_NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
SIZE = (1920, 1080)
DEFAULT_CHANGES = 60


def _tap_and_paint(app: QApplication, window: KioskWindow, button: QPushButton) -> float:
    """Milliseconds from the tap on ``button`` to the window repainted."""
    started = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    app.processEvents()
    window.repaint()
    return (time.perf_counter() - started) * 1000


def measure(changes: int = DEFAULT_CHANGES) -> list[float]:
    """``changes`` page changes of the khai-sinh wizard, forward to the review and back."""
    app = offscreen_app()
    samples: list[float] = []
    with (
        synchronous_ops(),
        tempfile.TemporaryDirectory(prefix="kiosk-bench-pages-") as folder,
        throwaway_kiosk(
            Settings(
                idle_timeout_s=3600.0,
                idle_warning_s=60.0,
                data_key_file=throwaway_key_file(Path(folder) / "data"),
            ),
            Path(folder) / "data",
            lambda: BENCH_NOW,
            SIZE,
        ) as window,
    ):
        window.show_screen("form")
        screen = window.screens["form"]
        assert isinstance(screen, FormScreen)
        screen.flow.open_form(window.services().forms.get(FORM_ID))
        screen.flow.agree(DECLARATION_PURPOSES)  # the privacy notice comes first
        screen.fill(sample_answers(FORM_ID))
        app.processEvents()
        forward = True
        warm_up = 2 * len(screen.pages)  # one walk there and back, not counted
        for index in range(changes + warm_up):
            draft = screen.flow.draft
            assert draft is not None
            if forward and draft.page == REVIEW:
                forward = False
            elif not forward and draft.previous_page() is None:
                forward = True
            button = screen.next_button if forward else screen.nav.back_button
            before = draft.page
            elapsed = _tap_and_paint(app, window, button)
            if draft.page == before:
                raise RuntimeError(f"page {before} of {FORM_ID} refused to change")
            if index >= warm_up:
                samples.append(elapsed)
    return samples


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.bench_form_pages", description=__doc__)
    parser.add_argument("--changes", type=int, default=DEFAULT_CHANGES)
    args = parser.parse_args(argv)
    samples = measure(args.changes)
    print(json.dumps({"page_change_ms": [round(sample, 3) for sample in samples]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
