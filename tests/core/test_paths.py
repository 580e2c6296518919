"""Where the data folder is, and a clear error when it cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.errors import DataDirError
from kiosk.paths import KioskPaths, prepare_data_dir, resolve_data_dir


def test_command_line_beats_environment_beats_config(tmp_path: Path) -> None:
    cli, env, conf = tmp_path / "cli", tmp_path / "env", tmp_path / "conf"
    environ = {"KIOSK_HOME": str(env)}
    assert resolve_data_dir(cli, conf, environ) == cli
    assert resolve_data_dir(None, conf, environ) == env
    assert resolve_data_dir(None, conf, {}) == conf


def test_default_is_the_per_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_data_dir(None, None, {}) == tmp_path / "mot-cua-kiosk"


def test_prepare_creates_the_layout(tmp_path: Path) -> None:
    paths = prepare_data_dir(tmp_path / "data")
    assert paths == KioskPaths(tmp_path / "data")
    assert paths.logs.is_dir()
    assert paths.database.parent == paths.data_dir


def test_unusable_data_folder_says_which_and_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DataDirError) as caught:
        prepare_data_dir(blocker / "data")
    assert str(blocker / "data") in str(caught.value)
    assert blocker.read_text() == "x"
