"""``python -m kiosk enrol`` when another kiosk of the centre already has this kiosk's number."""

from __future__ import annotations

from pathlib import Path

from server import devices
from tests.centre_server import CentreServer
from tests.conftest import KioskCli
from tests.core.sync.file_keyring import BACKEND, PATH_ENV


def _env(base: dict[str, str], tmp_path: Path, name: str, number: int, url: str) -> dict[str, str]:
    """A kiosk install of its own (data folder, keyring) with ``kiosk_number``."""
    return {
        **base,
        "KIOSK_HOME": str(tmp_path / name / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / name / "config"),
        "KIOSK_SERVER_URL": url,
        "KIOSK_KIOSK_NUMBER": str(number),
        "KIOSK_KIOSK_NAME": f"kiosk-{name}",
        "PYTHON_KEYRING_BACKEND": BACKEND,
        PATH_ENV: str(tmp_path / name / "keyring.json"),
    }


def test_a_taken_kiosk_number_is_refused_with_a_message_saying_what_to_do(
    kiosk_cli: KioskCli,
    fresh_kiosk_env: dict[str, str],
    centre_server: CentreServer,
    tmp_path: Path,
) -> None:
    first = _env(fresh_kiosk_env, tmp_path, "first", 1, centre_server.url)
    assert kiosk_cli("enrol", "--code", centre_server.code(), env=first).returncode == 0
    code = centre_server.code()
    second = _env(fresh_kiosk_env, tmp_path, "second", 1, centre_server.url)

    refused = kiosk_cli("enrol", "--code", code, env=second)

    assert refused.returncode == 2
    assert "Số kiosk 1 đã được một kiosk khác của trung tâm sử dụng" in refused.stderr
    assert "kiosk_number" in refused.stderr
    assert code not in refused.stderr
    assert _numbers(centre_server) == [1]
    # The code was not used up: with another number, the same code enrols.
    renumbered = _env(fresh_kiosk_env, tmp_path, "second", 2, centre_server.url)
    assert kiosk_cli("enrol", "--code", code, env=renumbered).returncode == 0
    assert _numbers(centre_server) == [1, 2]


def _numbers(centre_server: CentreServer) -> list[int]:
    with centre_server.db.transaction() as session:
        listed = devices.list_devices(session, centre_server.centre_id)
        return [device.kiosk_number for device in listed]


def test_enrolling_again_replaces_the_kiosks_own_device_on_the_server(
    kiosk_cli: KioskCli,
    fresh_kiosk_env: dict[str, str],
    centre_server: CentreServer,
    tmp_path: Path,
) -> None:
    env = _env(fresh_kiosk_env, tmp_path, "only", 3, centre_server.url)
    assert kiosk_cli("enrol", "--code", centre_server.code(), env=env).returncode == 0

    again = kiosk_cli("enrol", "--code", centre_server.code(), env=env)

    assert again.returncode == 0, again.stderr
    with centre_server.db.transaction() as session:
        listed = devices.list_devices(session, centre_server.centre_id)
        live = [(d.kiosk_number, d.revoked_at is None) for d in listed]
    assert sorted(live) == [(3, False), (3, True)]  # the old device revoked, the new live
