"""A computer whose keyring has no backend (a Linux PC without a desktop session): the
embedded default must still store declarations, with its key outside the data folder."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import KioskCli


def test_without_a_keyring_the_key_is_a_private_file_in_the_users_config_folder(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**fresh_kiosk_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    sample = kiosk_cli("forms", "sample", "ct01", "--json", env=env)
    assert sample.returncode == 0, sample.stderr
    submitted = kiosk_cli(
        "declaration", "submit", "ct01", "--answers", "-", env=env, stdin=sample.stdout
    )
    assert submitted.returncode == 0, submitted.stderr
    assert "TK-" in submitted.stdout

    key = tmp_path / "config" / "mot-cua-kiosk" / "data.key"
    assert key.is_file()
    assert key.stat().st_mode & 0o777 == 0o600
    assert key.parent.stat().st_mode & 0o777 == 0o700
    data = tmp_path / "data"
    assert not [p for p in data.rglob("*") if p.name.endswith(".key")]
    doctor = kiosk_cli("doctor", env=env)
    assert f"in file {key}" in doctor.stdout
    assert "[FAIL] data_key" not in doctor.stdout
