"""``datakey status|purge-unreadable`` and ``doctor`` when the data key is lost or unsafe."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.core.sync.file_keyring import read_secrets

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


def _submit_sample(kiosk_cli: KioskCli, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    sample = kiosk_cli("forms", "sample", "khai-sinh", "--json", env=env)
    return kiosk_cli(
        "declaration",
        "submit",
        "khai-sinh",
        "--answers",
        "-",
        "--json",
        env=env,
        stdin=sample.stdout,
    )


def test_a_lost_key_is_reported_then_what_it_sealed_removed_on_it_s_word(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], shared_keyring: Path
) -> None:
    env = fresh_kiosk_env
    filed = _submit_sample(kiosk_cli, env)
    assert filed.returncode == 0, filed.stderr
    reference = json.loads(filed.stdout)["reference"]
    first = json.loads(kiosk_cli("datakey", "status", "--json", env=env).stdout)
    assert (first["status"], first["opened"], first["unreadable"]) == ("ok", 2, 0)
    secrets = read_secrets(shared_keyring)
    assert list(secrets) == [f"mot-cua-kiosk/data-key-{first['key_id']}"]
    shared_keyring.write_text("{}", encoding="utf-8")  # the keyring was wiped

    lost = kiosk_cli("datakey", "status", "--json", env=env)
    assert lost.returncode == 1
    report = json.loads(lost.stdout)
    assert (report["status"], report["unreadable"]) == ("warning", 2)
    assert report["missing_keys"] == [first["key_id"]]
    doctor = json.loads(kiosk_cli("doctor", "--json", env=env).stdout)
    check = {c["name"]: c for c in doctor["checks"]}["data_key"]
    assert check["status"] == "warning"
    assert "datakey purge-unreadable --yes" in check["detail"]
    shown = json.loads(kiosk_cli("declaration", "show", reference, "--json", env=env).stdout)
    assert (shown["answers"], shown["answers_unreadable"]) == (None, True)

    asked = kiosk_cli("datakey", "purge-unreadable", env=env)
    assert asked.returncode == 2
    assert "nothing was removed" in asked.stderr
    removed = kiosk_cli("datakey", "purge-unreadable", "--yes", "--json", env=env)
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout) == {
        "removed": {"declarations": 1, "accounts": 0, "outbox_entries": 1}
    }
    assert kiosk_cli("datakey", "status", env=env).returncode == 0
    after = json.loads(kiosk_cli("declaration", "show", reference, "--json", env=env).stdout)
    assert (after["answers"], after["outbox"]["status"]) == ({}, "discarded")


def test_an_unsafe_key_file_is_refused_and_doctor_says_how_to_fix_it(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    key_file = tmp_path / "data.key"
    key_file.write_bytes(os.urandom(32))
    key_file.chmod(0o644)
    env = {**fresh_kiosk_env, "KIOSK_DATA_KEY_FILE": str(key_file)}

    doctor = kiosk_cli("doctor", "--json", env=env)
    assert doctor.returncode == 1
    check = {c["name"]: c for c in json.loads(doctor.stdout)["checks"]}["data_key"]
    assert check["status"] == "error"
    assert str(key_file) in check["detail"]
    assert "0644" in check["detail"]
    refused = _submit_sample(kiosk_cli, env)
    assert refused.returncode == 2
    assert "chưa có khóa mã hóa dữ liệu" in refused.stderr

    key_file.chmod(0o600)
    assert _submit_sample(kiosk_cli, env).returncode == 0
    assert json.loads(kiosk_cli("doctor", "--json", env=env).stdout)["ok"] is True
