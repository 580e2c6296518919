"""``python -m kiosk setup`` as IT types it: with options, by answering its questions,
and never asking twice. Against the real centre server on loopback."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from kiosk.paths import KioskPaths
from tests.centre_server import CentreServer
from tests.conftest import KioskCli

STAFF_PIN = "418263"


def test_options_set_the_kiosk_up_and_enrolment_makes_the_server_the_kiosks(
    kiosk_cli: KioskCli,
    fresh_kiosk_env: dict[str, str],
    centre_server: CentreServer,
    tmp_path: Path,
) -> None:
    env = fresh_kiosk_env
    done = kiosk_cli(
        "setup",
        "--centre",
        "Trung tâm Phục vụ hành chính công xã Tân Hòa",
        "--kiosk-number",
        "3",
        "--server",
        centre_server.url,
        "--code",
        "-",
        "--printer",
        "file:",
        "--paper-width",
        "58",
        "--office-printer",
        "",
        "--staff-name",
        "Nguyễn Thị Lan",
        "--staff-pin",
        "-",
        "--json",
        env=env,
        stdin=f"{centre_server.code()}\n{STAFF_PIN}\n",
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["pending"] == []
    assert report["answers"] == {
        "centre_name": "Trung tâm Phục vụ hành chính công xã Tân Hòa",
        "kiosk_number": 3,
        "server_url": centre_server.url,
        "printer": "file:?paper=58mm",
        "office_printer": None,
    }
    assert report["enrolment"]["server_url"] == centre_server.url
    assert STAFF_PIN not in done.stdout + done.stderr
    assert (tmp_path / "data" / "setup.json").is_file()

    # The enrolled server is every part's: a pass syncs and numbers from its leases.
    synced = kiosk_cli("sync", "--json", env=env)
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["leases"]
    # The staff member can unlock staff mode with the PIN set here.
    members = kiosk_cli("staff", "list", env=env)
    assert "Nguyễn Thị Lan" in members.stdout, members.stderr


def test_questions_are_asked_once_and_a_wrong_answer_is_asked_again(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    answers = [
        "Trung tâm Hành chính công",  # centre
        "12",  # kiosk number: refused
        "2",
        "",  # no server
        "file:",  # printer
        "80",
        "k",  # no test slip
        "",  # no office printer
        "Trần Văn Minh",
        "123456",  # refused: a run
        "Trần Văn Minh",
        "583920",
    ]
    first = kiosk_cli("setup", env=fresh_kiosk_env, stdin="\n".join(answers) + "\n")
    assert first.returncode == 0, first.stderr
    assert "Số kiosk là một chữ số từ 1 đến 9" in first.stdout
    assert "dãy số liên tiếp" in first.stdout
    assert "Kiosk đã được thiết lập" in first.stdout

    again = kiosk_cli("setup", env=fresh_kiosk_env, stdin="")
    assert again.returncode == 0, again.stderr
    assert "Tên trung tâm:" not in again.stdout  # nothing asked twice
    assert "Kiosk đã được thiết lập" in again.stdout

    redo = kiosk_cli("setup", "--redo", "kiosk_number", env=fresh_kiosk_env, stdin="5\n")
    assert redo.returncode == 0, redo.stderr
    state = json.loads(kiosk_cli("setup", "--json", env=fresh_kiosk_env).stdout)
    assert state["answers"]["kiosk_number"] == 5
    assert state["answers"]["server_url"] is None


def test_a_taken_kiosk_number_is_refused_in_words_and_the_code_stays_unused(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], centre_server: CentreServer
) -> None:
    code = centre_server.code()
    holder = kiosk_cli(
        "setup",
        "--kiosk-number",
        "4",
        "--server",
        centre_server.url,
        "--code",
        code,
        env={**fresh_kiosk_env, "KIOSK_HOME": fresh_kiosk_env["KIOSK_HOME"] + "-other"},
    )
    assert holder.returncode == 0, holder.stderr
    code = centre_server.code()

    refused = kiosk_cli(
        "setup",
        "--kiosk-number",
        "4",
        "--server",
        centre_server.url,
        "--code",
        code,
        env=fresh_kiosk_env,
    )
    assert refused.returncode == 2
    assert "Số kiosk 4 đã được một kiosk khác của trung tâm sử dụng" in refused.stderr
    state = json.loads(kiosk_cli("setup", "--json", env=fresh_kiosk_env).stdout)
    assert "server" in state["pending"]
    assert state["enrolment"] is None

    moved = kiosk_cli(
        "setup",
        "--kiosk-number",
        "6",
        "--server",
        centre_server.url,
        "--code",
        code,
        env=fresh_kiosk_env,
    )
    assert moved.returncode == 0, moved.stderr


def test_a_network_printer_that_never_answers_status_is_stored_with_status_off(
    closed_port: int, kiosk_paths: KioskPaths
) -> None:
    from kiosk.config import Settings
    from kiosk.services import KioskServices
    from kiosk.setup.service import SetupService

    services = KioskServices(Settings(), kiosk_paths)
    services.open()
    try:
        setup = SetupService(services)
        unreachable = setup.set_printer(f"tcp://127.0.0.1:{closed_port}?timeout=1", 80)
        assert unreachable.reachable is False
        assert "Không kết nối được với máy in" in unreachable.notes[0].render()
        with socket.create_server(("127.0.0.1", 0)) as listening:  # takes bytes, says nothing
            port = listening.getsockname()[1]
            silent = setup.set_printer(f"tcp://127.0.0.1:{port}?timeout=1", 58)
        assert silent.reachable is True
        assert "status=off" in silent.uri
        assert "paper=58mm" in silent.uri
        assert "status=off" in silent.notes[0].render()
        assert setup.answers().printer == silent.uri
    finally:
        services.close()
