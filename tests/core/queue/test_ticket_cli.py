"""``python -m kiosk ticket``: the same desk as the screen, from a shell."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.bundled_data import load_bundled_data
from kiosk.db import Database
from tests.core.queue.conftest import ALL_DAY, set_queue

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def env(fresh_kiosk_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """A fresh kiosk whose queues are open around the clock (the CLI runs on real time)."""
    database = Database(tmp_path / "data" / "kiosk.sqlite3")
    database.open()
    try:
        load_bundled_data(database)
        for code in ("A", "B", "C"):
            set_queue(database, code, opening_hours=ALL_DAY, daily_limit=None)
    finally:
        database.close()
    return fresh_kiosk_env


def test_ticket_is_issued_and_printed_to_a_file_printer(
    kiosk_cli: KioskCli, env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "printouts"
    first = kiosk_cli("ticket", "A", "--printer", f"file:{out}", "--json", env=env)
    assert first.returncode == 0, first.stderr
    ticket = json.loads(first.stdout)
    assert ticket["label"] == "A-001"
    assert ticket["print_status"] == "printed"
    assert ticket["counters"] == [1, 2]
    assert ticket["print_error"] is None
    assert len(list(out.glob("*.bin"))) == 1
    second = kiosk_cli("ticket", "a", "--priority", "--printer", f"file:{out}", env=env)
    assert second.returncode == 0, second.stderr
    assert second.stdout.split()[0] == "A-002"
    assert "printed" in second.stdout


def test_a_priority_ticket_is_a_flag_and_never_takes_a_declaration(
    kiosk_cli: KioskCli, env: dict[str, str], tmp_path: Path
) -> None:
    printer = f"file:{tmp_path / 'printouts'}"
    both = ("--priority", "--declaration", "HS-1-250310-0001")
    refused = kiosk_cli("ticket", "A", *both, "--printer", printer, env=env)
    assert refused.returncode == 2
    assert "not allowed with" in refused.stderr
    taken = kiosk_cli("ticket", "A", "--priority", "--printer", printer, "--json", env=env)
    assert taken.returncode == 0, taken.stderr
    ticket = json.loads(taken.stdout)
    assert (ticket["label"], ticket["priority"], ticket["declaration_reference"]) == (
        "A-001",
        True,
        None,
    )


def test_an_ordinary_ticket_links_a_declaration_by_new_or_old_name(
    kiosk_cli: KioskCli, env: dict[str, str], tmp_path: Path
) -> None:
    """``--dossier`` is what IT typed before the record was called a declaration."""
    printer = f"file:{tmp_path / 'printouts'}"
    linked = []
    for option, reference in (
        ("--declaration", "TK-1-250310-0001"),
        ("--dossier", "HS-1-250310-0002"),
    ):
        taken = kiosk_cli("ticket", "A", option, reference, "--printer", printer, "--json", env=env)
        assert taken.returncode == 0, taken.stderr
        linked.append(json.loads(taken.stdout)["declaration_reference"])
    assert linked == ["TK-1-250310-0001", "HS-1-250310-0002"]


def test_a_printer_fault_still_issues_exit_0_with_the_message(
    kiosk_cli: KioskCli, env: dict[str, str]
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = kiosk_cli(
        "ticket", "B", "--printer", f"tcp://127.0.0.1:{port}?timeout=2", "--json", env=env
    )
    assert result.returncode == 0, result.stderr
    ticket = json.loads(result.stdout)
    assert ticket["label"] == "B-001"
    assert ticket["print_status"] == "failed"
    assert ticket["print_error"].startswith("Máy in")


def test_an_unknown_queue_exits_2(kiosk_cli: KioskCli, env: dict[str, str], tmp_path: Path) -> None:
    result = kiosk_cli("ticket", "Z", "--printer", f"file:{tmp_path}", env=env)
    assert result.returncode == 2
    assert "Z" in result.stderr
    assert result.stdout == ""
