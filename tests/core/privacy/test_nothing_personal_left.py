"""End to end: a citizen's details planted and submitted with ``python -m kiosk declaration
submit`` (its receipt printed), the A4 form written and spooled, synced to the real
centre server on loopback (or kept by a kiosk with no server), the retention waited out
on the kiosk's clock, and then the whole data folder searched — database, WAL, SHM,
printouts (bin, png, pdf), A4 spool, logs: nothing is left. Before the purge, the
database files hold the details only as ciphertext."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.config import Settings
from kiosk.logs import LOG_TAIL, configure_logging
from kiosk.paths import KioskPaths, prepare_data_dir
from kiosk.printing.office import print_with_shell_verb
from kiosk.services import KioskServices
from tests.centre_server import CentreServer
from tests.conftest import KioskCli
from tests.core.conftest import FakeClock
from tests.core.privacy.planted import FORM_ID, NAME, SECRETS, find_planted, hits, planted_answers
from tests.core.sync.helpers import outbox_rows


@pytest.fixture
def paths(fresh_kiosk_env: dict[str, str]) -> Iterator[KioskPaths]:
    """The data folder the command line uses too (``KIOSK_HOME``), its logs the kiosk's."""
    prepared = prepare_data_dir(Path(fresh_kiosk_env["KIOSK_HOME"]))
    configure_logging(prepared.logs, "DEBUG")
    LOG_TAIL.clear()
    yield prepared
    configure_logging(None, "WARNING")


@pytest.fixture
def clock() -> FakeClock:
    """The kiosk's clock; set to the real now once the command line (which files at the
    real time) has run."""
    return FakeClock(datetime.now(UTC))


def submit_from_the_command_line(kiosk_cli: KioskCli, env: dict[str, str]) -> str:
    """``declaration submit`` with the planted answers, as IT's checks run it; the reference."""
    done = kiosk_cli(
        "declaration",
        "submit",
        FORM_ID,
        "--answers",
        "-",
        "--json",
        env={**env, "KIOSK_LOG_LEVEL": "DEBUG"},
        stdin=json.dumps(planted_answers(), ensure_ascii=False),
    )
    assert done.returncode == 0, done.stderr
    filed = json.loads(done.stdout)
    assert filed["receipt_printed"] is True
    reference: str = filed["reference"]
    return reference


def print_and_spool(kiosk: KioskServices, reference: str) -> None:
    """The A4 form as ``declaration pdf`` writes it and as Windows' A4 path spools it; and
    staff open the declaration at the counter."""
    grant = kiosk.staff.grant_for_command_line()
    pdf = kiosk.declarations.form_pdf(grant, reference)
    (kiosk.paths.printouts / f"{reference}.pdf").write_bytes(pdf)
    print_with_shell_verb(
        pdf,
        "Office",
        title=reference,
        folder=kiosk.privacy.folders.spool,
        startfile=lambda *_args: None,
    )
    kiosk.declarations.lookup(grant, reference)


def database_files(paths: KioskPaths) -> dict[str, list[str]]:
    """The planted details in ``kiosk.sqlite3`` and its ``-wal`` and ``-shm``."""
    found = find_planted(paths.data_dir)
    return {name: secrets for name, secrets in found.items() if name.startswith("kiosk.sqlite3")}


def assert_every_kind_of_file_is_there(paths: KioskPaths, reference: str) -> None:
    """Before the purge: the search covers every kind of file the kiosk leaves, and it
    does find the details where they are (the A4 form)."""
    found = {path.name for path in paths.data_dir.rglob("*") if path.is_file()}
    kinds = {name.rsplit(".", 1)[-1] for name in found}
    assert {"sqlite3", "sqlite3-wal", "sqlite3-shm", "log", "bin", "png", "pdf"} <= kinds
    assert any(name.startswith(reference) for name in found - {f"{reference}.pdf"})  # spooled
    printed = find_planted(paths.data_dir)
    assert NAME in printed[f"printouts/{reference}.pdf"], printed


def assert_nothing_left(paths: KioskPaths) -> None:
    assert find_planted(paths.data_dir) == {}
    assert hits("\n".join(LOG_TAIL.lines()).encode("utf-8")) == []
    assert NAME in SECRETS


def test_synced_then_retention_waited_out_nothing_is_left(
    paths: KioskPaths,
    clock: FakeClock,
    centre_server: CentreServer,
    kiosk_cli: KioskCli,
    fresh_kiosk_env: dict[str, str],
) -> None:
    kiosk = KioskServices(Settings(server_url=centre_server.url), paths, clock=clock)
    kiosk.open()
    try:
        kiosk.sync.enrol(centre_server.code())
        centre_server.publish_form(kiosk.forms.get(FORM_ID))
        env = {**fresh_kiosk_env, "KIOSK_SERVER_URL": centre_server.url}
        reference = submit_from_the_command_line(kiosk_cli, env)
        print_and_spool(kiosk, reference)
        assert_every_kind_of_file_is_there(paths, reference)
        # Before anything is purged: in the database files, ciphertext only.
        assert database_files(paths) == {}

        clock.now = datetime.now(UTC)
        report = kiosk.sync.sync_once()
        assert report.outcome == "ok", report.error
        assert report.push.accepted >= 1, [e.last_error for e in outbox_rows(kiosk)]
        clock.advance(timedelta(days=7) - timedelta(seconds=1))
        early = kiosk.privacy.purge_due()
        # The data waits for the retention; the printed copies went after three days.
        assert (early.declarations, early.files) == (0, 4)  # bin, png, pdf, spool
        clock.advance(timedelta(seconds=1))
        assert kiosk.privacy.purge_due().declarations == 1
        # Still running, the WAL already holds nothing.
        assert database_files(paths) == {}
    finally:
        kiosk.close()

    assert_nothing_left(paths)


def test_with_no_server_nothing_is_left_retention_days_after_submission(
    paths: KioskPaths, clock: FakeClock, kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str]
) -> None:
    reference = submit_from_the_command_line(kiosk_cli, fresh_kiosk_env)
    clock.now = datetime.now(UTC)
    kiosk = KioskServices(Settings(), paths, clock=clock)
    kiosk.open()
    try:
        print_and_spool(kiosk, reference)
        assert_every_kind_of_file_is_there(paths, reference)
        assert database_files(paths) == {}
        clock.advance(timedelta(days=7))
        purged = kiosk.privacy.purge_due()
        assert (purged.declarations, purged.outbox_entries, purged.files) == (1, 1, 4)
    finally:
        kiosk.close()

    assert_nothing_left(paths)
