"""The kiosk's own sync client against this server: the two ends of protocol v1 agree."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import msgspec
import pytest

from kiosk.sync.client import SyncClient
from kiosk.sync.errors import EnrolmentCodeError, NeedsEnrolmentError
from server import publishing
from server.clock import centre_today, utc_now
from tests.server.conftest import LiveServer
from tests.server.samples import BUNDLED_CATALOGUE, dossier_payload, form_definition
from wire import protocol
from wire.forms import FormDefinition


def _enrol(server: LiveServer, centre: uuid.UUID) -> protocol.EnrolResponse:
    request = protocol.EnrolRequest(
        code=server.create_code(centre), kiosk_name="Kiosk 1", kiosk_number=1, app_version="0.1.0"
    )
    with SyncClient(server.url) as client:
        return client.enrol(request)


def test_a_whole_exchange_with_the_kiosk_client(server: LiveServer) -> None:
    centre = server.create_centre()
    catalogue, _ = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")
    form = msgspec.convert(form_definition(), FormDefinition)
    with server.db.transaction() as session:
        publishing.publish_catalogue(session, centre, catalogue, now=utc_now())
        publishing.publish_form(session, centre, form, now=utc_now())
    enrolled = _enrol(server, centre)
    dossier = msgspec.convert(dossier_payload("HS-1-261126-0001"), protocol.DossierCreate)
    entry = protocol.OutboxItem(
        id=uuid.uuid4(),
        sequence=1,
        entity_type="dossier",
        entity_id=dossier.id,
        operation="create",
        payload=msgspec.to_builtins(dossier),
        created_at=datetime.now(UTC),
    )

    with SyncClient(server.url, token=enrolled.token) as client:
        assert client.health().status == "ok"
        changes = client.catalog_changes(None)
        assert changes is not None
        assert changes.catalogue == catalogue
        assert client.catalog_changes(changes.cursor) is None  # 304: unchanged

        first = client.push(protocol.OutboxBatch(entries=(entry,)))
        again = client.push(protocol.OutboxBatch(entries=(entry,)))
        assert [r.outcome for r in first.results + again.results] == ["accepted", "duplicate"]

        today = centre_today(utc_now())
        lease = client.lease(protocol.LeaseRequest(service_code="A", service_day=today))
        assert (lease.first, lease.last) == (1, 50)

        status = client.dossier_status("HS-1-261126-0001")
        assert (status.reference, status.state) == ("HS-1-261126-0001", "received")


def test_the_clients_errors_follow_the_servers_answers(server: LiveServer) -> None:
    centre = server.create_centre()
    code = server.create_code(centre)
    request = protocol.EnrolRequest(
        code=code, kiosk_name="Kiosk 1", kiosk_number=1, app_version="0.1.0"
    )
    with SyncClient(server.url) as client:
        client.enrol(request)
        with pytest.raises(EnrolmentCodeError):
            client.enrol(request)
    with SyncClient(server.url, token="t" * 43) as client, pytest.raises(NeedsEnrolmentError):
        client.catalog_changes(None)
