"""The data folder is the kiosk user's alone: start-up makes it so, ``doctor`` tells when not."""

from __future__ import annotations

import json
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

from kiosk.paths import KioskPaths, lock_down, loose_modes

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _loosen(paths: KioskPaths) -> None:
    """As an older kiosk, a copy or a careless restore leaves the folder."""
    paths.printouts.mkdir(exist_ok=True)
    (paths.printouts / "HS-1-250310-0001.pdf").write_bytes(b"%PDF-")
    for folder in (paths.data_dir, paths.logs, paths.printouts):
        folder.chmod(0o755)
    for file in (paths.database, *paths.logs.iterdir(), *paths.printouts.iterdir()):
        file.chmod(0o644)


def test_lock_down_closes_the_kiosk_entries_and_leaves_others_alone(tmp_path: Path) -> None:
    paths = KioskPaths(tmp_path / "data")
    paths.logs.mkdir(parents=True)
    paths.database.write_bytes(b"")
    (paths.logs / "kiosk.log").write_text("", encoding="utf-8")
    _loosen(paths)
    stranger = paths.data_dir / "notes.txt"  # not the kiosk's: IT's own file
    stranger.write_text("", encoding="utf-8")
    stranger.chmod(0o644)

    assert {path.name for path, _ in loose_modes(paths)} == {
        "data",
        "kiosk.sqlite3",
        "logs",
        "kiosk.log",
        "printouts",
        "HS-1-250310-0001.pdf",
    }
    lock_down(paths)

    assert loose_modes(paths) == []
    assert _mode(paths.data_dir) == _mode(paths.logs) == 0o700
    assert _mode(paths.database) == _mode(paths.logs / "kiosk.log") == 0o600
    assert _mode(stranger) == 0o644


def test_doctor_names_loose_modes_and_the_next_start_closes_them(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    env = fresh_kiosk_env
    assert kiosk_cli("datakey", "status", env=env).returncode == 0  # a kiosk that has run
    paths = KioskPaths(tmp_path / "data")
    _loosen(paths)

    loose = kiosk_cli("doctor", "--json", env=env)
    assert loose.returncode == 1
    check = {c["name"]: c for c in json.loads(loose.stdout)["checks"]}["file_modes"]
    assert check["status"] == "error"
    assert f"{paths.database} (0644)" in check["detail"]
    assert "chmod -R go-rwx" in check["detail"]
    assert _mode(paths.database) == 0o644, "doctor only looks"

    assert kiosk_cli("datakey", "status", env=env).returncode == 0  # the kiosk starts again

    assert loose_modes(paths) == []
    fixed = kiosk_cli("doctor", "--json", env=env)
    assert fixed.returncode == 0, fixed.stdout
