"""``python -m kiosk staff …``: IT manage members, PINs and the lock-out from a shell."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.cli.main import main
from kiosk.config import Settings
from kiosk.errors import PinLockedError, WrongPinError
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices

#: ``cli(*args, stdin="")``: ``python -m kiosk staff ARGS`` in this process.
StaffCli = Callable[..., tuple[int, str, str]]

AN, AN_PIN = "Nguyễn Văn An", "739154"
PIN = "246810"


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
def cli(
    fresh_kiosk_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> StaffCli:
    """The command line in this process: (exit status, standard output, standard error)."""

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(["staff", *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run


def _audit(tmp_path: Path, limit: int = 20) -> list[tuple[str, str, dict[str, object]]]:
    with _kiosk(tmp_path) as services:
        return [(e.actor, e.action, dict(e.detail)) for e in services.audit.recent(limit)]


def _hashes(tmp_path: Path) -> list[str]:
    from sqlalchemy import select

    from kiosk.db.models import StaffMemberRecord

    with _kiosk(tmp_path) as services, services.db.transaction() as session:
        return list(session.scalars(select(StaffMemberRecord.pin_hash)))


def test_set_pin_on_a_new_kiosk_adds_the_unnamed_member(cli: StaffCli, tmp_path: Path) -> None:
    status, out, _ = cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    assert status == 0
    assert "Cán bộ" in out
    with _kiosk(tmp_path) as services:
        assert services.staff.unlock(PIN).actor == "staff"


def test_set_pin_asks_the_old_pin_and_a_wrong_one_changes_nothing(
    cli: StaffCli, tmp_path: Path
) -> None:
    cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    before = (_hashes(tmp_path), _audit(tmp_path))
    status, _, err = cli("set-pin", "--pin-stdin", stdin=f"135790\n{AN_PIN}\n")
    assert status == 2
    assert "Mã PIN cũ không đúng, chưa có gì thay đổi" in err
    assert (_hashes(tmp_path), _audit(tmp_path)) == before
    status, out, _ = cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n{AN_PIN}\n")
    assert (status, "PIN changed" in out) == (0, True)
    with _kiosk(tmp_path) as services:
        assert services.staff.unlock(AN_PIN).actor == "staff"
        newest = services.audit.recent(2)[1]
    assert (newest.actor, newest.action) == ("staff", "staff.pin_set")


def test_set_pin_reset_needs_no_old_pin_and_is_audited_as_its(
    cli: StaffCli, tmp_path: Path
) -> None:
    cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    cli("add", AN, "--code", "cb01", "--pin-stdin", stdin=f"{AN_PIN}\n")
    status, _, err = cli("set-pin", "--pin-stdin", stdin="480162\n")
    assert status == 2
    assert "nhiều cán bộ" in err  # which one, then?
    status, out, _ = cli("set-pin", "CB01", "--reset", "--pin-stdin", stdin="480162\n")
    assert status == 0
    assert "PIN reset" in out
    assert _audit(tmp_path)[0] == ("it", "staff.pin_reset", {"member": AN})
    with _kiosk(tmp_path) as services:
        assert services.staff.unlock("480162").actor == f"staff:{AN}"


def test_a_trivial_or_shared_pin_is_refused_with_the_reason(cli: StaffCli, tmp_path: Path) -> None:
    cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    status, _, err = cli("add", AN, "--pin-stdin", stdin="123456\n")
    assert (status, "dãy số liên tiếp" in err) == (2, True)
    status, _, err = cli("add", AN, "--pin-stdin", stdin=f"{PIN}\n")
    assert (status, "trùng với mã của một cán bộ khác" in err) == (2, True)
    with _kiosk(tmp_path) as services:
        assert [m.name for m in services.staff.members()] == ["Cán bộ"]


def test_add_list_and_remove_members(cli: StaffCli, tmp_path: Path) -> None:
    assert cli("add", AN, "--code", "cb01", "--pin-stdin", stdin=f"{AN_PIN}\n")[0] == 0
    assert cli("add", "Trần Thị Bình", "--pin-stdin", stdin="582916\n")[0] == 0
    status, out, _ = cli("list", "--json")
    assert status == 0
    listed = json.loads(out)
    assert [(m["name"], m["code"]) for m in listed["members"]] == [
        (AN, "CB01"),
        ("Trần Thị Bình", None),
    ]
    assert listed["lockout"] == {"failed_attempts": 0, "locked_until": None}
    assert "argon2" not in out
    assert AN_PIN not in out
    status, out, _ = cli("list")
    assert f"{AN}  CB01  PIN set" in out
    assert cli("remove", "cb01")[0] == 0
    status, _, err = cli("remove", "cb01")
    assert (status, "Không có cán bộ nào" in err) == (2, True)
    assert [m["name"] for m in json.loads(cli("list", "--json")[1])["members"]] == ["Trần Thị Bình"]
    assert _audit(tmp_path)[0] == ("it", "staff.member_removed", {"member": AN})


def test_staff_unlock_lifts_the_lock_out_and_is_audited(cli: StaffCli, tmp_path: Path) -> None:
    cli("set-pin", "--pin-stdin", stdin=f"{PIN}\n")
    with _kiosk(tmp_path) as services:
        for _ in range(4):
            with pytest.raises(WrongPinError):
                services.staff.unlock("135790")
        with pytest.raises(PinLockedError):
            services.staff.unlock("135790")
    status, out, _ = cli("list")
    assert "PIN pad locked until" in out
    status, out, _ = cli("unlock")
    assert status == 0
    assert "5 wrong PINs cleared" in out
    assert _audit(tmp_path)[0] == ("it", "staff.lockout_lifted", {"attempts": 5, "locked": True})
    with _kiosk(tmp_path) as services:
        assert services.staff.unlock(PIN).actor == "staff"


def test_pins_typed_at_the_prompt_must_match(
    cli: StaffCli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    typed = iter([AN_PIN, "739155"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    status, _, err = cli("add", AN)
    assert status == 2
    assert "the PINs differ" in err
    typed = iter([AN_PIN, AN_PIN])
    assert cli("add", AN)[0] == 0
    with _kiosk(tmp_path) as services:
        assert services.staff.unlock(AN_PIN).actor == f"staff:{AN}"


def test_a_pin_is_never_taken_from_the_command_line(cli: StaffCli, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as refused:
        cli("add", AN, AN_PIN)
    assert refused.value.code == 2
    with pytest.raises(SystemExit) as refused:
        cli("set-pin", "--pin", AN_PIN)  # not taken for --pin-stdin
    assert refused.value.code == 2
    with _kiosk(tmp_path) as services:
        assert services.staff.members() == []
