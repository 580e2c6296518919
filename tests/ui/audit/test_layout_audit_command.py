"""``python -m ui.audit`` over a small slice of the matrix: valid JSON, one record per
finding with the cell it was found in, and an exit status that says whether there were
any. (The whole matrix is `test_layout_audit_matrix.py`.)"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.audit.__main__ import main
from ui.audit.findings import Kind
from ui.audit.matrix import Matrix, parse_look
from ui.audit.screens import Entry, Shown

FIELDS = {
    "screen",
    "panel",
    "text_size",
    "theme",
    "language",
    "kind",
    "object_name",
    "class",
    "text",
    "path",
    "numbers",
}
SLICE = ["--panel", "1366x768", "--text", "150", "--theme", "high_contrast", "--language", "en"]


def test_one_slice_of_the_matrix_prints_its_findings_as_json(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--json", "--quiet", "--jobs", "1", *SLICE, "--screen", "home", "help"])
    records = json.loads(capsys.readouterr().out)
    assert isinstance(records, list)
    assert status == (1 if records else 0)
    kinds = {kind.value for kind in Kind}
    for record in records:
        assert set(record) == FIELDS
        assert record["screen"] in {"home", "help"}
        assert (record["panel"], record["text_size"]) == ("1366x768", 150)
        assert (record["theme"], record["language"]) == ("high_contrast", "en")
        assert record["kind"] in kinds
        assert isinstance(record["numbers"], dict)
    assert Kind.NOT_REACHED.value not in {record["kind"] for record in records}


def test_findings_are_printed_one_a_line_with_a_summary(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--quiet", "--jobs", "1", *SLICE, "--screen", "home"])
    lines = capsys.readouterr().out.splitlines()
    if status == 0:
        assert lines == []
        return
    found = [line for line in lines if line.startswith("home 1366x768 150% high_contrast en: ")]
    assert found
    summary = lines[len(found) + 1 :]
    assert sum(int(line.split()[0]) for line in summary) == len(found)


def test_a_wrong_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--panel", "big"])
    assert exit_.value.code == 2
    assert "1366x768" in capsys.readouterr().err


def test_a_screen_the_audit_cannot_reach_is_a_finding(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.audit import run

    def broken(window: object) -> Iterator[Shown]:
        raise LookupError("no such tile")
        yield Shown("never")

    monkeypatch.setattr(run, "scenarios", lambda window: [Entry("broken", broken)])
    look = parse_look("100/standard/vi")
    matrix = Matrix(
        panels=((1366, 768),),
        text_sizes=(look.text_size,),
        themes=(look.theme,),
        languages=(look.language,),
    )
    findings = run.run(matrix)
    assert [(f.cell.screen, f.kind) for f in findings] == [("broken", Kind.NOT_REACHED)]
    assert findings[0].widget.class_name == "LookupError"
