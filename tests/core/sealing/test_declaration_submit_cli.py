"""IT's end-to-end check: ``forms sample`` then ``declaration submit``, and what is on disk."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import unicodedata
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kiosk.db import Database
from kiosk.db.models import Declaration
from kiosk.text.folding import fold, strip_marks

KioskCli = Callable[..., subprocess.CompletedProcess[str]]
FORM_ID = "khai-sinh"


def _personal_values(answers: dict[str, Any]) -> list[str]:
    """The names and ID numbers among the answers (top level: the sample has no groups)."""
    found = [
        value
        for key, value in answers.items()
        if isinstance(value, str) and (key.endswith("_name") or key.endswith("_id"))
    ]
    assert len(found) >= 6, found
    return found


def _forms(value: str) -> set[bytes]:
    """Every way ``value`` could sit in a file: UTF-8 (composed or not), JSON-escaped,
    and folded to ASCII in lower or original case, as a search index would keep it."""
    ascii_text = "".join(
        ch
        for ch in unicodedata.normalize("NFD", value.replace("Đ", "D").replace("đ", "d"))
        if not unicodedata.combining(ch)
    )
    return {
        value.encode(),
        unicodedata.normalize("NFD", value).encode(),
        json.dumps(value).strip('"').encode(),
        ascii_text.encode(),
        strip_marks(fold(value)).encode(),
    }


def _modes(data_dir: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(data_dir.stat().st_mode)}
    for path in data_dir.rglob("*"):
        found[str(path.relative_to(data_dir))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_a_submitted_sample_is_sealed_in_the_database_its_log_and_index(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    env = fresh_kiosk_env
    sample = kiosk_cli("forms", "sample", FORM_ID, "--json", env=env)
    assert sample.returncode == 0, sample.stderr
    answers = json.loads(sample.stdout)
    assert kiosk_cli("datakey", "status", env=env).returncode == 0  # database and key made
    database = tmp_path / "data" / "kiosk.sqlite3"
    files = [
        database,
        database.with_name("kiosk.sqlite3-wal"),
        database.with_name("kiosk.sqlite3-shm"),
    ]

    # A reader holds the write-ahead log and its index in place while the command writes.
    with closing(sqlite3.connect(database, isolation_level=None)) as reader:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM declarations").fetchone()
        filed = kiosk_cli(
            "declaration",
            "submit",
            FORM_ID,
            "--answers",
            "-",
            "--json",
            env=env,
            stdin=sample.stdout,
        )
        raw = {path.name: path.read_bytes() for path in files}
        reader.execute("COMMIT")

    assert filed.returncode == 0, filed.stderr
    result = json.loads(filed.stdout)
    assert (result["form_id"], result["procedure_code"], result["receipt_printed"]) == (
        FORM_ID,
        "1.001193",
        True,
    )
    # The search finds what is there: the reference is in the log in clear, as it should be.
    assert result["reference"].encode() in raw["kiosk.sqlite3-wal"]
    for value in _personal_values(answers):
        for form in _forms(value):
            for name, data in raw.items():
                assert form not in data, f"{value!r} in {name} as {form!r}"
    shown = kiosk_cli("declaration", "show", result["reference"], "--json", env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["answers"] == answers
    text = kiosk_cli("declaration", "show", result["reference"], env=env).stdout
    assert answers["requester_name"] in text
    printed = list((tmp_path / "data" / "printouts").glob(f"*receipt-{result['reference']}*"))
    assert printed, "the receipt went through the receipt printer"
    modes = _modes(tmp_path / "data")
    assert {name for name, mode in modes.items() if mode & 0o077} == set()
    assert modes["."] == 0o700
    assert modes["kiosk.sqlite3"] == 0o600
    assert modes["logs"] == 0o700


def test_answers_that_cannot_be_filed_exit_2_and_store_nothing(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], tmp_path: Path
) -> None:
    env = fresh_kiosk_env
    answers = json.loads(kiosk_cli("forms", "sample", FORM_ID, "--json", env=env).stdout)

    not_json = kiosk_cli("declaration", "submit", FORM_ID, "--answers", "-", env=env, stdin="{oops")
    assert not_json.returncode == 2
    assert "not JSON (line 1" in not_json.stderr
    listed = kiosk_cli("declaration", "submit", FORM_ID, "--answers", "-", env=env, stdin="[1, 2]")
    assert listed.returncode == 2
    assert "one JSON object" in listed.stderr
    missing = tmp_path / "nowhere.json"
    unread = kiosk_cli("declaration", "submit", FORM_ID, "--answers", str(missing), env=env)
    assert unread.returncode == 2
    assert str(missing) in unread.stderr

    incomplete = {key: value for key, value in answers.items() if key != "requester_name"}
    refused = kiosk_cli(
        "declaration", "submit", FORM_ID, "--answers", "-", env=env, stdin=json.dumps(incomplete)
    )
    assert refused.returncode == 2
    assert "requester_name:" in refused.stderr
    unknown = kiosk_cli(
        "declaration", "submit", "khong-co", "--answers", "-", env=env, stdin=json.dumps(answers)
    )
    assert unknown.returncode == 2
    assert "Không tìm thấy tờ khai “khong-co”" in unknown.stderr
    elsewhere = kiosk_cli(
        "declaration",
        "submit",
        FORM_ID,
        "--procedure",
        "9.999999",
        "--answers",
        "-",
        env=env,
        stdin=json.dumps(answers),
    )
    assert elsewhere.returncode == 2
    assert "not the form of procedure 9.999999" in elsewhere.stderr
    no_sample = kiosk_cli("forms", "sample", "khong-co", env=env)
    assert no_sample.returncode == 2

    database = Database(tmp_path / "data" / "kiosk.sqlite3")
    database.open()
    try:
        with database.transaction() as session:
            assert session.scalar(select(func.count()).select_from(Declaration)) == 0
    finally:
        database.close()
