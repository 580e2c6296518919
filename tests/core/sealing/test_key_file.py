"""The data key file (``data_key_file``): made private, refused when others may read it."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.config import Settings
from kiosk.crypto import DataKeyUnavailableError, KeyFileError, KeyFileStore, KeyFileUnsafeError
from kiosk.crypto.cipher import key_id_of
from kiosk.crypto.errors import KeyFileMisplacedError
from kiosk.db.datakey import KeyState
from kiosk.db.models import Declaration
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form


@pytest.fixture
def open_kiosk(tmp_path: Path) -> Iterator[Callable[[Path], KioskServices]]:
    opened: list[KioskServices] = []

    def make(key_file: Path) -> KioskServices:
        services = KioskServices(
            Settings(data_key_file=key_file), prepare_data_dir(tmp_path / "data")
        )
        services.open()
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


def test_a_missing_key_file_is_made_private_and_used_from_then_on(tmp_path: Path) -> None:
    path = tmp_path / "etc" / "data.key"
    path.parent.mkdir()
    store = KeyFileStore(path)

    made = store.create()

    assert path.stat().st_mode & 0o777 == 0o600
    assert base64.b64decode(path.read_bytes().strip()) == made.secret
    assert store.fetch(made.key_id) == made
    assert store.create() == made, "the file's key, never a second one"
    assert store.fetch("0" * 16) is None


@pytest.mark.parametrize("mode", [0o644, 0o604, 0o660, 0o666])
def test_a_key_file_others_may_read_or_its_group_may_change_is_refused(
    tmp_path: Path, mode: int
) -> None:
    path = tmp_path / "data.key"
    path.write_bytes(os.urandom(32))
    path.chmod(mode)

    with pytest.raises(KeyFileUnsafeError) as refused:
        KeyFileStore(path).read()

    text = refused.value.message.render()
    assert str(path) in text
    assert f"{mode:04o}" in text
    assert "chmod 640" in text


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o400])
def test_a_key_file_for_the_kiosk_user_alone_is_used(tmp_path: Path, mode: int) -> None:
    secret = os.urandom(32)
    path = tmp_path / "data.key"
    path.write_bytes(secret)  # raw bytes, as ``head -c 32 /dev/urandom`` writes them
    path.chmod(mode)

    key = KeyFileStore(path).read()

    assert key is not None
    assert key.key_id == key_id_of(secret)


def test_a_key_file_that_holds_no_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.key"
    path.write_text("not a key at all\n", encoding="utf-8")
    path.chmod(0o600)

    with pytest.raises(KeyFileError) as refused:
        KeyFileStore(path).read()
    assert "32" in refused.value.message.render()


def test_a_key_file_inside_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with pytest.raises(KeyFileMisplacedError):
        KeyFileStore(data / "data.key", data_dir=data).create()
    assert not (data / "data.key").exists()


def test_with_an_unsafe_key_file_the_kiosk_starts_but_stores_nothing_personal(
    open_kiosk: Callable[[Path], KioskServices], tmp_path: Path
) -> None:
    path = tmp_path / "data.key"
    path.write_bytes(os.urandom(32))
    path.chmod(0o644)
    kiosk = open_kiosk(path)

    status = kiosk.db.data_key
    assert (status.state, status.key_id) == (KeyState.UNAVAILABLE, None)
    assert status.problem is not None
    assert str(path) in status.problem.render()
    assert kiosk.catalog.procedure(PROCEDURE_CODE).code == PROCEDURE_CODE, "the kiosk works"
    with pytest.raises(DataKeyUnavailableError):
        kiosk.declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    with kiosk.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Declaration)) == 0


def test_a_replaced_key_file_loses_what_the_old_key_sealed_until_it_is_back(
    open_kiosk: Callable[[Path], KioskServices], tmp_path: Path
) -> None:
    path = tmp_path / "data.key"
    path.write_bytes(os.urandom(32))
    path.chmod(0o600)
    original = path.read_bytes()
    first = open_kiosk(path)
    filed = first.declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    )
    first_key = first.db.data_key.key_id
    first.close()

    path.write_bytes(os.urandom(32))  # another kiosk's key, say
    wrong = open_kiosk(path)
    assert (wrong.db.data_key.state, wrong.db.data_key.lost_key_id) == (
        KeyState.REPLACED,
        first_key,
    )
    report = wrong.data_key.report()
    assert (report.unreadable, report.missing_keys) == (2, (first_key,))
    wrong.close()

    path.write_bytes(original)
    restored = open_kiosk(path)
    with restored.db.transaction() as session:
        found = session.get(Declaration, filed.id)
        assert found is not None
        assert found.answers == sample_answers()
