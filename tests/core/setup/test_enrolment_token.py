"""Enrolment that cannot burn its code: the token's store is proved before the code is
used, and the enrolment exists only with its token kept. Against the real centre server
on loopback, on a kiosk without a desktop keyring (a Linux kiosk with no Secret Service).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync import state
from kiosk.sync.credentials import SEALED_TOKEN_PREFIX
from kiosk.sync.errors import TokenStoreUnavailableError
from tests.centre_server import CentreServer
from tests.conftest import MEMORY_KEYRING, MemoryKeyring

MakeKiosk = Callable[..., KioskServices]


class BrokenKeyring(KeyringBackend):
    """A keyring that says it works and then refuses every write (a locked one)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the collection is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(MEMORY_KEYRING)


@pytest.fixture
def make_kiosk(tmp_path: Path, centre_server: CentreServer) -> Iterator[MakeKiosk]:
    opened: list[KioskServices] = []

    def make(**overrides: Any) -> KioskServices:
        folder = tmp_path / f"kiosk-{len(opened)}"
        values: dict[str, Any] = {
            "server_url": centre_server.url,
            "data_key_file": folder / "data.key",
        }
        values.update(overrides)
        services = KioskServices(Settings(**values), prepare_data_dir(folder / "data"))
        services.open()
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


def _sync_state(kiosk: KioskServices) -> dict[str, str]:
    from kiosk.db.models import SyncState

    with kiosk.db.transaction() as session:
        return {row.key: row.value for row in session.scalars(select(SyncState))}


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_token_is_sealed_with_the_data_key_and_sync_works(
    make_kiosk: MakeKiosk, centre_server: CentreServer, memory_keyring: MemoryKeyring
) -> None:
    kiosk = make_kiosk()
    enrolment = kiosk.sync.enrol(centre_server.code())

    stored = _sync_state(kiosk)
    sealed = stored[SEALED_TOKEN_PREFIX + str(enrolment.device_id)]
    assert sealed.startswith("mck1.")
    token = kiosk.sync.token_store().load(enrolment.device_id)
    assert token is not None
    assert token not in sealed
    assert token.encode() not in kiosk.paths.database.read_bytes()
    assert memory_keyring.secrets == {}
    assert kiosk.sync.sync_once().outcome == "ok"


@pytest.mark.usefixtures("no_keyring")
def test_without_a_data_key_the_code_is_not_used_and_works_once_it_is_fixed(
    make_kiosk: MakeKiosk, centre_server: CentreServer, tmp_path: Path
) -> None:
    unsafe = tmp_path / "unsafe.key"
    unsafe.write_bytes(os.urandom(32))
    unsafe.chmod(0o644)  # others may read it: the kiosk refuses it, so there is no key
    kiosk = make_kiosk(data_key_file=unsafe)
    code = centre_server.code()

    with pytest.raises(TokenStoreUnavailableError) as refused:
        kiosk.sync.enrol(code)

    assert "chưa dùng mã đăng ký" in refused.value.message.render()
    assert kiosk.sync.enrolment() is None
    assert state.DEVICE_ID not in _sync_state(kiosk)
    fixed = make_kiosk()
    assert fixed.sync.enrol(code).centre_id == centre_server.centre_id


def test_a_keyring_that_cannot_keep_the_token_leaves_the_code_unused(
    make_kiosk: MakeKiosk, centre_server: CentreServer
) -> None:
    keyring.set_keyring(BrokenKeyring())
    try:
        kiosk = make_kiosk(data_key_file=None)
        code = centre_server.code()
        with pytest.raises(TokenStoreUnavailableError):
            kiosk.sync.enrol(code)
        assert kiosk.sync.enrolment() is None
    finally:
        keyring.set_keyring(MEMORY_KEYRING)
    assert make_kiosk(data_key_file=None).sync.enrol(code).device_id is not None
