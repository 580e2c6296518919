"""Tokens: no token, a wrong one or a revoked kiosk's gets 401; a kiosk sees its centre only."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from server.cli.main import main
from server.db.models import Dossier, ReceivedEntry
from tests.server.conftest import Kiosk, LiveServer, centre_day
from tests.server.samples import dossier_payload, outbox_item

AUTHENTICATED = [
    ("GET", "/v1/catalog/changes"),
    ("POST", "/v1/outbox"),
    ("POST", "/v1/leases"),
    ("GET", "/v1/dossiers/HS-1-261126-0001"),
]


@pytest.mark.parametrize(("method", "path"), AUTHENTICATED)
def test_no_token_or_a_garbage_one_is_unauthorised(
    server: LiveServer, method: str, path: str
) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer not-a-token-anyone-was-given-12345"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer"},
    ):
        answer = server.request(method, path, headers=headers, data=b"{}")
        assert answer.status_code == 401, headers
        assert answer.json()["error"] == "unauthorised"


def test_health_needs_no_token(server: LiveServer) -> None:
    answer = server.request("GET", "/v1/health")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["protocol"] == 1


def test_a_revoked_kiosk_is_unauthorised_at_once(
    server: LiveServer, kiosk: Kiosk, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kiosk.get("/v1/catalog/changes").status_code == 200

    code = main(["admin", "revoke", str(kiosk.device_id), "--database-url", _url(server)])

    assert code == 0
    assert "revoked" in capsys.readouterr().out
    answer = kiosk.get("/v1/catalog/changes")
    assert answer.status_code == 401
    assert answer.json() == {"error": "unauthorised", "message": "device revoked"}


def test_a_kiosk_cannot_see_another_centres_dossier(server: LiveServer) -> None:
    kiosk_a = server.enrol(server.create_centre("Trung tâm A", published=True))
    kiosk_b = server.enrol(server.create_centre("Trung tâm B", published=True))
    reference = "HS-1-261126-0042"
    sent = kiosk_b.post(
        "/v1/outbox",
        {"entries": [outbox_item("dossier", "create", dossier_payload(reference))]},
    )
    assert sent.json()["results"][0]["outcome"] == "accepted"

    assert kiosk_b.get(f"/v1/dossiers/{reference}").status_code == 200
    answer = kiosk_a.get(f"/v1/dossiers/{reference}")
    assert answer.status_code == 404
    assert answer.json()["error"] == "not_found"


def test_leases_of_one_centre_do_not_use_up_anothers_numbers(server: LiveServer) -> None:
    kiosk_a = server.enrol(server.create_centre("Trung tâm A", published=True))
    kiosk_b = server.enrol(server.create_centre("Trung tâm B", published=True))
    wanted = {"service_code": "A", "service_day": centre_day(), "size": 50}

    first_a = kiosk_a.post("/v1/leases", wanted).json()
    second_a = kiosk_a.post("/v1/leases", wanted).json()
    first_b = kiosk_b.post("/v1/leases", wanted).json()

    assert (first_a["first"], first_a["last"]) == (1, 50)
    assert (second_a["first"], second_a["last"]) == (51, 100)
    assert (first_b["first"], first_b["last"]) == (1, 50)


def test_outbox_entries_land_in_the_senders_centre_only(server: LiveServer) -> None:
    centre_a = server.create_centre("A", published=True)
    centre_b = server.create_centre("B", published=True)
    kiosk_a = server.enrol(centre_a)
    server.enrol(centre_b)
    item = outbox_item("dossier", "create", dossier_payload())

    assert kiosk_a.post("/v1/outbox", {"entries": [item]}).status_code == 200

    with server.db.transaction() as session:
        dossier = session.get(Dossier, uuid.UUID(item["entity_id"]))
        assert dossier is not None
        assert dossier.centre_id == centre_a
        entry = session.get(ReceivedEntry, uuid.UUID(item["id"]))
        assert entry is not None
        assert (entry.centre_id, entry.device_id) == (centre_a, kiosk_a.device_id)
        assert not session.scalars(select(Dossier).where(Dossier.centre_id == centre_b)).all()


def _url(server: LiveServer) -> str:
    return server.db.engine.url.render_as_string(hide_password=False)
