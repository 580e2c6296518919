"""The audit takes the window to the panels there and back (each change of panel lays
the window out again), and still reports each screen's findings in the matrix's
order of panels."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.audit import run
from ui.audit.findings import Kind
from ui.audit.matrix import PANELS, Matrix, panel_name, parse_look
from ui.audit.screens import Entry, Shown
from ui.main_window import KioskWindow
from ui.widgets.label import Label

SHORT, LANDSCAPE, PORTRAIT = PANELS


def test_screens_are_audited_there_and_back_and_reported_in_the_matrix_order(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    visited: list[tuple[str, tuple[int, int]]] = []

    def two_screens(window: KioskWindow) -> Iterator[Shown]:
        narrow = Label("Đăng ký khai sinh", window)  # cut at every panel
        narrow.setFixedSize(40, 40)
        narrow.show()
        for name in ("first", "second"):

            def note(name: str = name) -> None:
                visited.append((name, (window.width(), window.height())))

            yield Shown(name, root=narrow, settle=note)
        narrow.deleteLater()

    monkeypatch.setattr(run, "scenarios", lambda window: [Entry("pair", two_screens)])
    look = parse_look("100/standard/vi")
    matrix = Matrix(
        panels=PANELS,
        text_sizes=(look.text_size,),
        themes=(look.theme,),
        languages=(look.language,),
    )
    findings = run.run(matrix)
    assert visited == [
        ("first", SHORT),
        ("first", LANDSCAPE),
        ("first", PORTRAIT),
        ("second", PORTRAIT),
        ("second", LANDSCAPE),
        ("second", SHORT),
    ]
    cells = [(screen, panel_name(panel)) for screen in ("first", "second") for panel in PANELS]
    found = [(f.cell.screen, f.cell.panel) for f in findings]
    assert found == sorted(found, key=cells.index)
    assert [(f.cell.screen, f.cell.panel) for f in findings if f.kind == Kind.TEXT_CLIPPED] == cells


def test_each_screen_starts_at_the_panel_the_window_fills() -> None:
    assert run.panel_order(PANELS, None) == list(PANELS)
    assert run.panel_order(PANELS, SHORT) == list(PANELS)
    assert run.panel_order(PANELS, PORTRAIT) == [PORTRAIT, LANDSCAPE, SHORT]
    assert run.panel_order((SHORT,), SHORT) == [SHORT]
