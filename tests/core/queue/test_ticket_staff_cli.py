"""``python -m kiosk ticket reprint|void|list``: staff's ticket actions for IT, from a shell."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.core.queue.conftest import ALL_DAY, set_queue

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


@contextmanager
def _kiosk(tmp_path: Path) -> Iterator[KioskServices]:
    """The services of the kiosk whose data folder the command line uses."""
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def env(fresh_kiosk_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """A fresh kiosk whose queues are open around the clock (the CLI runs on real time)."""
    with _kiosk(tmp_path) as services:
        for code in ("A", "B", "C"):
            set_queue(services.db, code, opening_hours=ALL_DAY, daily_limit=None)
    return fresh_kiosk_env


@pytest.fixture
def printer(tmp_path: Path) -> str:
    return f"file:{tmp_path / 'printouts'}"


def test_list_reprint_and_void_as_it(
    kiosk_cli: KioskCli, env: dict[str, str], printer: str, tmp_path: Path
) -> None:
    for service in ("A", "B", "A"):
        assert kiosk_cli("ticket", service, "--printer", printer, env=env).returncode == 0

    listed = kiosk_cli("ticket", "list", "--last", "2", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert [t["label"] for t in json.loads(listed.stdout)] == ["A-002", "B-001"]
    text = kiosk_cli("ticket", "list", env=env)
    assert [line.split()[0] for line in text.stdout.splitlines()] == ["A-002", "B-001", "A-001"]
    assert "Tư pháp – Hộ tịch" in text.stdout

    reprinted = kiosk_cli("ticket", "reprint", "a 1", "--printer", printer, "--json", env=env)
    assert reprinted.returncode == 0, reprinted.stderr
    assert json.loads(reprinted.stdout)["label"] == "A-001"
    assert json.loads(reprinted.stdout)["print_status"] == "printed"
    assert len(list((tmp_path / "printouts").glob("*.bin"))) == 4  # three issued, one again

    voided = kiosk_cli("ticket", "void", "A001", "--reason", " in  trùng ", "--json", env=env)
    assert voided.returncode == 0, voided.stderr
    assert json.loads(voided.stdout)["print_status"] == "voided"

    with _kiosk(tmp_path) as services:
        newest, before = services.audit.recent(2)
    assert (newest.actor, newest.action, dict(newest.detail)["reason"]) == (
        "it",
        "ticket.void",
        "in trùng",
    )
    assert (before.actor, before.action, before.detail["label"]) == (
        "it",
        "ticket.reprint",
        "A-001",
    )


def test_a_voided_or_unknown_ticket_or_no_reason_exits_2_with_the_reason(
    kiosk_cli: KioskCli, env: dict[str, str], printer: str
) -> None:
    assert kiosk_cli("ticket", "C", "--printer", printer, env=env).returncode == 0
    assert kiosk_cli("ticket", "void", "C-001", "--reason", "bấm nhầm", env=env).returncode == 0

    again = kiosk_cli("ticket", "reprint", "C-001", "--printer", printer, env=env)
    assert again.returncode == 2
    assert "C-001 đã bị hủy" in again.stderr

    unknown = kiosk_cli("ticket", "void", "C-009", "--reason", "x", env=env)
    assert unknown.returncode == 2
    assert "C-009" in unknown.stderr

    blank = kiosk_cli("ticket", "void", "C-001", "--reason", "  ", env=env)
    assert blank.returncode == 2
    assert "lý do" in blank.stderr

    missing = kiosk_cli("ticket", "void", "C-001", env=env)
    assert missing.returncode == 2
    assert "--reason" in missing.stderr


def test_a_reprint_the_printer_did_not_take_exits_2(
    kiosk_cli: KioskCli, env: dict[str, str], printer: str, closed_port: int
) -> None:
    assert kiosk_cli("ticket", "B", "--printer", printer, env=env).returncode == 0
    dead = f"tcp://127.0.0.1:{closed_port}?timeout=2"
    result = kiosk_cli("ticket", "reprint", "B-001", "--printer", dead, "--json", env=env)
    assert result.returncode == 2
    assert json.loads(result.stdout)["print_status"] == "failed"
    assert "kiosk: Máy in" in result.stderr


def test_ticket_service_still_takes_a_ticket_and_help_names_the_actions(
    kiosk_cli: KioskCli, env: dict[str, str], printer: str
) -> None:
    taken = kiosk_cli("ticket", "--json", "B", "--printer", printer, env=env)
    assert taken.returncode == 0, taken.stderr
    assert json.loads(taken.stdout)["label"] == "B-001"
    helped = kiosk_cli("ticket", "--help", env=env)
    for action in ("take", "reprint", "void", "list"):
        assert action in helped.stdout
