"""The data key in the keyring: made once, never written down, and what losing it costs."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import func, select

from kiosk.config import Settings
from kiosk.crypto import DataKeyUnavailableError
from kiosk.crypto.keys import KEYRING_SERVICE
from kiosk.db.datakey import DATA_KEY_ID, KeyState
from kiosk.db.models import Declaration, OutboxEntry, SyncState
from kiosk.db.sealed import Unreadable
from kiosk.paths import prepare_data_dir
from kiosk.sealing import assess
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW, STAFF_PIN, MemoryKeyring
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form

Open = Callable[[], KioskServices]


@pytest.fixture
def open_kiosk(tmp_path: Path) -> Iterator[Open]:
    """Services on one data folder, opened anew at each call as a restart does."""
    opened: list[KioskServices] = []

    def make() -> KioskServices:
        services = KioskServices(
            Settings(), prepare_data_dir(tmp_path / "data"), clock=lambda: FIXED_NOW
        )
        services.open()
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


def _submit(kiosk: KioskServices) -> str:
    form = sample_form()
    return kiosk.declarations.submit(
        form, PROCEDURE_CODE, sample_answers(), consent=AGREED
    ).reference


def _data_folder_bytes(kiosk: KioskServices) -> bytes:
    return b"".join(path.read_bytes() for path in kiosk.paths.data_dir.rglob("*") if path.is_file())


def test_the_first_start_makes_a_key_in_the_keyring_and_writes_it_nowhere(
    open_kiosk: Open, memory_keyring: MemoryKeyring
) -> None:
    kiosk = open_kiosk()
    _submit(kiosk)

    status = kiosk.db.data_key
    assert status.state == KeyState.CREATED
    assert status.store is not None
    assert status.store.startswith("keyring ")
    assert status.store.endswith(".MemoryKeyring")
    entry = (KEYRING_SERVICE, f"data-key-{status.key_id}")
    assert list(memory_keyring.secrets) == [entry]
    secret = base64.b64decode(memory_keyring.secrets[entry])
    assert len(secret) == 32
    with kiosk.db.transaction() as session:
        recorded = session.scalar(select(SyncState.value).where(SyncState.key == DATA_KEY_ID))
    assert recorded == status.key_id, "the database names its key, and holds only the name"
    kiosk.close()
    written = _data_folder_bytes(kiosk)
    for form in (secret, secret.hex().encode(), memory_keyring.secrets[entry].encode()):
        assert form not in written

    again = open_kiosk()
    assert (again.db.data_key.state, again.db.data_key.key_id) == (KeyState.READY, status.key_id)
    assert list(memory_keyring.secrets) == [entry], "one key, made once"


def test_a_lost_key_loses_what_was_not_synced_and_the_kiosk_goes_on(
    open_kiosk: Open, memory_keyring: MemoryKeyring
) -> None:
    first = open_kiosk()
    lost = _submit(first)
    lost_key = first.db.data_key.key_id
    first.close()
    memory_keyring.secrets.clear()  # a wiped keyring, a new Windows profile...

    kiosk = open_kiosk()

    status = kiosk.db.data_key
    assert (status.state, status.lost_key_id) == (KeyState.REPLACED, lost_key)
    assert status.key_id != lost_key
    kiosk.staff.set_pin(STAFF_PIN)
    grant = kiosk.staff.unlock(STAFF_PIN)
    shown = kiosk.declarations.lookup(grant, lost)
    assert isinstance(shown.answers, Unreadable)
    assert (shown.answers.problem, shown.answers.key_id) == ("unknown_key", lost_key)
    new = _submit(kiosk)  # the next citizen is served as ever
    assert kiosk.declarations.lookup(grant, new).answers == sample_answers()
    report = kiosk.data_key.report()
    assert (report.unreadable, report.missing_keys) == (2, (lost_key,))
    status_name, detail = assess(report)
    assert status_name == "warning"
    assert lost_key in detail
    assert "datakey purge-unreadable" in detail


def test_it_removes_what_a_lost_key_sealed_and_the_audit_log_says_so(
    open_kiosk: Open, memory_keyring: MemoryKeyring
) -> None:
    first = open_kiosk()
    lost = _submit(first)
    first.close()
    memory_keyring.secrets.clear()
    kiosk = open_kiosk()
    kept = _submit(kiosk)
    grant = kiosk.staff.grant_for_command_line()

    removed = kiosk.data_key.remove_unreadable(grant)

    assert (removed.declarations, removed.accounts, removed.outbox_entries) == (1, 0, 1)
    newest = kiosk.audit.recent(1)[0]
    assert (newest.actor, newest.action, dict(newest.detail)) == (
        "it",
        "datakey.purge_unreadable",
        {"declarations": 1, "accounts": 0, "entries": 1},
    )
    with kiosk.db.transaction() as session:
        blanked = session.scalar(select(Declaration).where(Declaration.reference == lost))
        assert blanked is not None
        assert (blanked.answers, blanked.purged_at) == ({}, FIXED_NOW)
        assert not isinstance(blanked.answers, Unreadable)
        closed = session.scalar(select(OutboxEntry).where(OutboxEntry.entity_id == blanked.id))
        assert closed is not None
        assert closed.discarded_at is not None
        assert closed.last_error is not None
        assert "data key" in closed.last_error
        pending = session.scalar(
            select(func.count())
            .select_from(OutboxEntry)
            .where(OutboxEntry.discarded_at.is_(None), OutboxEntry.acknowledged_at.is_(None))
        )
    assert pending == 1, "the declaration sealed with the new key still waits to be sent"
    assert kiosk.declarations.lookup(grant, kept).answers == sample_answers()
    report = kiosk.data_key.report()
    assert (report.unreadable, assess(report)[0]) == (0, "ok")
    assert kiosk.data_key.remove_unreadable(grant).total == 0


def test_without_a_keyring_the_key_goes_to_the_users_config_folder(
    open_kiosk: Open, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Linux PC with no desktop keyring running the embedded default: it just works."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    keyring.set_keyring(fail.Keyring())

    kiosk = open_kiosk()

    status = kiosk.db.data_key
    assert status.state == KeyState.CREATED
    key_file = tmp_path / "config" / "mot-cua-kiosk" / "data.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    reference = _submit(kiosk)
    assert kiosk.declarations.lookup(kiosk.staff.grant_for_command_line(), reference).answers
    assert (
        sample_answers()["child_name"].encode()
        not in (tmp_path / "data" / "kiosk.sqlite3").read_bytes()
    )


def test_without_any_usable_key_store_the_kiosk_starts_and_refuses_to_store_personal_data(
    open_kiosk: Open, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No desktop keyring, and the user's configuration folder cannot be written either.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the configuration folder should be")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    keyring.set_keyring(fail.Keyring())

    kiosk = open_kiosk()

    status = kiosk.db.data_key
    assert (status.state, status.key_id) == (KeyState.UNAVAILABLE, None)
    assert status.problem is not None
    assert "data.key" in status.problem.render()  # names the file it could not make
    with pytest.raises(DataKeyUnavailableError) as refused:
        _submit(kiosk)
    assert "Vui lòng báo cán bộ" in refused.value.message.render()
    with kiosk.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Declaration)) == 0
        assert session.scalar(select(SyncState.value).where(SyncState.key == DATA_KEY_ID)) is None
    name, detail = assess(kiosk.data_key.report())
    assert name == "error"
    assert "personal data cannot be stored" in detail
