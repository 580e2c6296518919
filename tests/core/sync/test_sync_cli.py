"""``python -m kiosk enrol | sync | status``, run as IT staff would type them."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.db import Database
from kiosk.sync import state
from tests.core.sync.double import CENTRE_NAME, ProtocolDouble
from tests.core.sync.file_keyring import BACKEND, PATH_ENV, read_secrets

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def keyring_file(tmp_path: Path) -> Path:
    return tmp_path / "keyring.json"


@pytest.fixture
def env(
    fresh_kiosk_env: dict[str, str], double: ProtocolDouble, keyring_file: Path
) -> dict[str, str]:
    """A new install pointed at the double, with a keyring the test can read."""
    return {
        **fresh_kiosk_env,
        "KIOSK_SERVER_URL": double.url,
        "PYTHON_KEYRING_BACKEND": BACKEND,
        PATH_ENV: str(keyring_file),
    }


def _tokens(keyring_file: Path) -> dict[str, str]:
    """The keyring's device tokens; the data key sealing the database sits beside them."""
    return {
        entry: secret
        for entry, secret in read_secrets(keyring_file).items()
        if not entry.startswith("mot-cua-kiosk/data-key-")
    }


def _state(tmp_path: Path) -> dict[str, str]:
    database = Database(tmp_path / "data" / "kiosk.sqlite3")
    database.open()
    try:
        with database.transaction() as session:
            return state.read_all(session)
    finally:
        database.close()


def test_enrol_then_sync_then_status(
    kiosk_cli: KioskCli,
    env: dict[str, str],
    double: ProtocolDouble,
    keyring_file: Path,
    tmp_path: Path,
) -> None:
    code = double.add_code()
    enrolled = kiosk_cli("enrol", "--code", "-", "--json", env=env, stdin=code + "\n")
    assert enrolled.returncode == 0, enrolled.stderr
    answer = json.loads(enrolled.stdout)
    assert answer["centre_name"] == CENTRE_NAME
    assert answer["server_url"] == double.url
    assert answer["standalone_numbering"] is False
    (token,) = [t for t, device in double.tokens.items() if str(device) == answer["device_id"]]
    assert _tokens(keyring_file) == {f"mot-cua-kiosk/{answer['device_id']}": token}
    assert token not in json.dumps(_state(tmp_path))
    assert token not in enrolled.stdout

    synced = kiosk_cli("sync", "--once", "--json", env=env)
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert report["outcome"] == "ok"
    assert [lease["service_code"] for lease in report["leases"]] == [
        lease.service_code for lease in double.leases
    ]

    status = kiosk_cli("status", "--json", env=env)
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    assert shown["device_id"] == answer["device_id"]
    assert shown["server_url"] == double.url
    assert shown["online"] is True
    assert (shown["pending"], shown["rejected"], shown["needs_enrolment"]) == (0, 0, False)
    assert shown["catalogue_version"] == "bundled-2026.2"
    assert shown["last_success_at"] == report["finished_at"]

    readable = kiosk_cli("status", "--no-probe", env=env)
    assert readable.returncode == 0, readable.stderr
    assert f"Mã thiết bị: {answer['device_id']}" in readable.stdout
    assert "Kết nối: -" in readable.stdout


def test_sync_exit_status_says_what_to_do(
    kiosk_cli: KioskCli, env: dict[str, str], double: ProtocolDouble, closed_port: int
) -> None:
    never_enrolled = kiosk_cli("sync", env=env)
    assert never_enrolled.returncode == 2
    assert "đăng ký lại" in never_enrolled.stdout

    assert kiosk_cli("enrol", "--code", double.add_code(), env=env).returncode == 0
    offline = kiosk_cli(
        "sync", "--json", env={**env, "KIOSK_SERVER_URL": f"http://127.0.0.1:{closed_port}"}
    )
    assert offline.returncode == 1, offline.stderr
    assert json.loads(offline.stdout)["online"] is False

    purged = kiosk_cli("sync", "--purge-only", "--json", env=env)
    assert purged.returncode == 0, purged.stderr
    assert json.loads(purged.stdout) == {
        "purged": {
            "declarations": 0,
            "accounts": 0,
            "outbox_entries": 0,
            "refused_discarded": 0,
            "files": 0,
            "file_bytes": 0,
        }
    }


def test_a_refused_code_exits_2_and_stores_nothing(
    kiosk_cli: KioskCli, env: dict[str, str], keyring_file: Path, tmp_path: Path
) -> None:
    refused = kiosk_cli("enrol", "--code", "never-issued", env=env)
    assert refused.returncode == 2
    assert "Mã đăng ký không đúng" in refused.stderr
    assert _tokens(keyring_file) == {}
    assert state.DEVICE_ID not in _state(tmp_path)


def test_enrolling_a_kiosk_without_server_url_makes_the_enrolled_server_its_server(
    kiosk_cli: KioskCli, env: dict[str, str], double: ProtocolDouble
) -> None:
    standalone = {k: v for k, v in env.items() if k != "KIOSK_SERVER_URL"}
    done = kiosk_cli("enrol", "--server", double.url, "--code", double.add_code(), env=standalone)
    assert done.returncode == 0, done.stderr
    assert CENTRE_NAME in done.stdout
    assert "server_url" not in done.stdout  # nothing left for IT to set by hand
    synced = kiosk_cli("sync", "--json", env=standalone)
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["leases"], "tickets number from the server's blocks"
