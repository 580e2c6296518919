"""The command line as IT staff use it: version, doctor, staff PIN."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli.main import main
from kiosk.db import Database

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


def test_version_and_help(kiosk_cli: KioskCli) -> None:
    version = kiosk_cli("--version")
    assert version.returncode == 0
    assert __version__ in version.stdout
    helped = kiosk_cli("--help")
    for command in ("run", "doctor", "staff", "bench"):
        assert command in helped.stdout


def test_doctor_on_a_fresh_install_passes(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    result = kiosk_cli("doctor", "--json", env=fresh_kiosk_env)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True
    names = {check["name"]: check["status"] for check in report["checks"]}
    assert set(names) == {
        "config",
        "data_dir",
        "file_modes",
        "database",
        "data_key",
        "printer",
        "keyring",
        "resources",
        "lockdown",
    }
    assert (names["database"], names["file_modes"], names["data_key"]) == ("ok", "ok", "ok")
    assert (tmp_path / "data" / "kiosk.sqlite3").is_file()


def test_doctor_names_a_broken_config_and_fails(
    fresh_kiosk_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout_s = -5\n", encoding="utf-8")
    assert main(["doctor", "--json", "--config", str(config)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert report["checks"][0]["name"] == "config"
    assert "'idle_timeout_s'" in report["checks"][0]["detail"]


def test_doctor_refuses_a_database_it_cannot_read(
    fresh_kiosk_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "kiosk.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] database" in out
    assert (data / "kiosk.sqlite3").read_bytes() == b"this is not a database" * 100


def test_staff_set_pin_then_unlock(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    result = kiosk_cli("staff", "set-pin", "--pin-stdin", stdin="246810\n", env=fresh_kiosk_env)
    assert result.returncode == 0, result.stderr
    from kiosk.audit import AuditLog
    from kiosk.clock import utc_now
    from kiosk.staff import StaffAccess

    database = Database(tmp_path / "data" / "kiosk.sqlite3")
    database.open()
    try:
        audit = AuditLog(database, utc_now)
        staff = StaffAccess(database, audit, utc_now)
        staff.unlock("246810")
        actions = [entry.action for entry in audit.recent()]
        assert actions[:2] == ["staff.unlock", "staff.member_added"]
        assert all("246810" not in str(entry.detail) for entry in audit.recent())
    finally:
        database.close()


def test_staff_set_pin_rejects_a_non_numeric_pin(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    result = kiosk_cli("staff", "set-pin", "--pin-stdin", stdin="12ab\n", env=fresh_kiosk_env)
    assert result.returncode == 2
    assert "6 đến 12 chữ số" in result.stderr


@pytest.mark.slow
def test_run_starts_the_kiosk_window(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**fresh_kiosk_env, "QT_QPA_PLATFORM": "offscreen"}
    result = kiosk_cli("run", "--benchmark-first-paint", "--data-dir", str(tmp_path / "d"), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("first-paint ")
    assert (tmp_path / "d" / "logs" / "kiosk.log").is_file()


def test_doctor_names_a_printer_setting_it_cannot_use(
    fresh_kiosk_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('printer = "lpt1"\n', encoding="utf-8")
    assert main(["doctor", "--json", "--config", str(config)]) == 1
    checks = {c["name"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["printer"]["status"] == "error"
    assert "lpt1" in checks["printer"]["detail"]
