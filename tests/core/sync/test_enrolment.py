"""Enrolment: a one-time code buys a device id and a token; the token lives in the keyring only."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditRecord, SyncState
from kiosk.services import KioskServices
from kiosk.sync import state
from kiosk.sync.credentials import KEYRING_SERVICE
from kiosk.sync.errors import (
    EnrolmentCodeError,
    EnrolmentCodeFormatError,
    InsecureServerError,
    NoServerError,
    ServerMismatchError,
)
from tests.conftest import MemoryKeyring
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import CENTRE_ID, CENTRE_NAME, ProtocolDouble


def _tokens(memory_keyring: MemoryKeyring) -> dict[tuple[str, str], str]:
    """The keyring's device tokens; the data key sealing the database sits beside them."""
    return {
        entry: secret
        for entry, secret in memory_keyring.secrets.items()
        if not entry[1].startswith("data-key-")
    }


def _sync_state(kiosk: KioskServices) -> dict[str, str]:
    with kiosk.db.transaction() as session:
        return {row.key: row.value for row in session.scalars(select(SyncState))}


def test_enrolment_keeps_the_token_in_the_keyring_and_nowhere_else(
    kiosk: KioskServices, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    enrolment = kiosk.sync.enrol(double.add_code("ABC-123-XYZ"))

    (token,) = [t for t, device in double.tokens.items() if device == enrolment.device_id]
    assert _tokens(memory_keyring) == {(KEYRING_SERVICE, str(enrolment.device_id)): token}
    assert KEYRING_SERVICE == "mot-cua-kiosk"
    stored = _sync_state(kiosk)
    assert stored[state.DEVICE_ID] == str(enrolment.device_id)
    assert stored[state.CENTRE_ID] == str(CENTRE_ID)
    assert stored[state.CENTRE_NAME] == CENTRE_NAME
    assert stored[state.SERVER_URL] == double.url
    assert all(token not in value for value in stored.values())
    assert token.encode() not in kiosk.paths.database.read_bytes()
    assert kiosk.sync.enrolment() == enrolment
    (request,) = double.requests_to("/v1/devices/enrol")
    assert "authorization" not in request.headers
    assert b'"kiosk_name":"KIOSK-01"' in request.body


def test_enrolment_is_audited_without_the_token(
    kiosk: KioskServices, double: ProtocolDouble
) -> None:
    enrolment = kiosk.sync.enrol(double.add_code(), actor="it")
    with kiosk.db.transaction() as session:
        (record,) = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "sync.enrol")
        ).all()
        detail = dict(record.detail)
    assert record.actor == "it"
    assert detail == {"device_id": str(enrolment.device_id), "server_url": double.url}


def test_enrolling_again_replaces_the_device_and_its_token(
    kiosk: KioskServices, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    first = kiosk.sync.enrol(double.add_code())
    with kiosk.db.transaction() as session:
        state.put(session, state.CATALOG_CURSOR, "41")
    second = kiosk.sync.enrol(double.add_code())

    assert second.device_id != first.device_id
    assert list(_tokens(memory_keyring)) == [(KEYRING_SERVICE, str(second.device_id))]
    stored = _sync_state(kiosk)
    assert stored[state.DEVICE_ID] == str(second.device_id)
    # The feed starts again from the beginning for the new enrolment.
    assert state.CATALOG_CURSOR not in stored


def test_a_used_code_is_refused_and_nothing_is_stored(
    kiosk: KioskServices, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    code = double.add_code()
    make_other = kiosk.sync.enrol(code)
    memory_keyring.secrets.clear()
    with kiosk.db.transaction() as session:
        for key in state.ENROLMENT_KEYS:
            state.put(session, key, None)

    with pytest.raises(EnrolmentCodeError) as refused:
        kiosk.sync.enrol(code)
    assert "Mã đăng ký" in refused.value.message.render()
    assert memory_keyring.secrets == {}
    assert kiosk.sync.enrolment() is None
    assert make_other.device_id in double.tokens.values()


def test_a_failed_re_enrolment_keeps_the_previous_one(
    kiosk: KioskServices, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    first = kiosk.sync.enrol(double.add_code())
    with pytest.raises(EnrolmentCodeError):
        kiosk.sync.enrol("never-issued")
    assert kiosk.sync.enrolment() == first
    assert list(_tokens(memory_keyring)) == [(KEYRING_SERVICE, str(first.device_id))]


def test_enrolment_needs_a_server_and_agrees_with_the_configured_one(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    offline = make_kiosk(server_url=None)
    with pytest.raises(NoServerError):
        offline.sync.enrol(double.add_code())
    # Given on the command line instead, it works and is remembered.
    enrolment = offline.sync.enrol(double.add_code(), server_url=double.url + "/")
    assert enrolment.server_url == double.url
    assert offline.sync.server_url() == double.url

    configured = make_kiosk()
    with pytest.raises(ServerMismatchError):
        configured.sync.enrol(double.add_code(), server_url="https://other.example.vn")
    with pytest.raises(EnrolmentCodeFormatError):
        configured.sync.enrol("12345")
    assert configured.sync.enrolment() is None


@pytest.mark.parametrize(
    "url",
    ["http://tthc.example.vn", "http://10.0.0.5:8000", "ftp://127.0.0.1", "https://"],
)
def test_clear_text_http_is_refused_beyond_this_computer(
    make_kiosk: MakeKiosk, double: ProtocolDouble, url: str
) -> None:
    kiosk = make_kiosk(server_url=None)
    with pytest.raises(InsecureServerError):
        kiosk.sync.enrol(double.add_code(), server_url=url)
    assert double.requests == []


def test_the_enrolled_device_id_is_a_uuid_the_server_gave(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    enrolment = enrolled.sync.enrolment()
    assert enrolment is not None
    assert isinstance(enrolment.device_id, uuid.UUID)
    assert enrolment.device_id in double.tokens.values()
