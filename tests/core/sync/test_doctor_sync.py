"""``doctor`` checks the link to the server once there is one, and stays quiet before."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.doctor import Status, run_checks
from kiosk.paths import KioskPaths
from kiosk.services import KioskServices
from tests.conftest import MemoryKeyring
from tests.core.sync.double import ProtocolDouble


def _config(tmp_path: Path, data_dir: Path, **values: str) -> Path:
    lines = [f'data_dir = "{data_dir.as_posix()}"'] + [f'{k} = "{v}"' for k, v in values.items()]
    path = tmp_path / "doctor.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _sync_check(config: Path) -> tuple[Status, str] | None:
    checks = {c.name: c for c in run_checks(config).checks}
    found = checks.get("sync")
    return None if found is None else (found.status, found.detail)


def _enrol(config: Path, double: ProtocolDouble) -> None:
    settings = load_settings(config)
    assert settings.data_dir is not None
    services = KioskServices(settings, KioskPaths(settings.data_dir))
    services.open()
    try:
        services.sync.enrol(double.add_code())
    finally:
        services.close()


def test_no_server_no_sync_check(tmp_path: Path) -> None:
    assert _sync_check(_config(tmp_path, tmp_path / "data")) is None


def test_doctor_follows_enrolment(
    tmp_path: Path, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    config = _config(tmp_path, tmp_path / "data", server_url=double.url)
    waiting = _sync_check(config)
    assert waiting is not None
    assert waiting[0] is Status.WARNING
    assert "python -m kiosk enrol" in waiting[1]

    _enrol(config, double)
    enrolment_check = _sync_check(config)
    assert enrolment_check is not None
    assert enrolment_check[0] is Status.OK, enrolment_check[1]
    assert "server answers" in enrolment_check[1]
    assert double.url in enrolment_check[1]

    memory_keyring.secrets.clear()
    lost = _sync_check(config)
    assert lost is not None
    assert lost[0] is Status.ERROR
    assert "no token in the keyring" in lost[1]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"server_url": "http://tthc.example.vn"}, "use https://"),
        (
            {"server_url": "https://tthc.example.vn", "ca_bundle": "/nonexistent/ca.pem"},
            "ca_bundle",
        ),
    ],
)
def test_doctor_names_a_server_setting_that_cannot_work(
    tmp_path: Path, values: dict[str, str], expected: str
) -> None:
    found = _sync_check(_config(tmp_path, tmp_path / "data", **values))
    assert found is not None
    assert found[0] is Status.ERROR
    assert expected in found[1]
    assert run_checks(_config(tmp_path, tmp_path / "data", **values)).ok is False
