"""Enrolment: a one-time code buys a device id and a token, of which only a hash is kept."""

from __future__ import annotations

import hashlib
import threading
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from server import credentials
from server.db.models import Device, EnrolmentCode
from tests.server.conftest import LiveServer


def _enrol(server: LiveServer, code: str, **overrides: object) -> tuple[int, dict[str, object]]:
    body: dict[str, object] = {
        "code": code,
        "kiosk_name": "Kiosk sảnh",
        "kiosk_number": 2,
        "app_version": "0.1.0",
    }
    body.update(overrides)
    answer = server.request("POST", "/v1/devices/enrol", json_body=body)
    return answer.status_code, answer.json()


def test_a_code_enrols_a_kiosk_and_only_the_token_hash_is_stored(server: LiveServer) -> None:
    centre = server.create_centre("Trung tâm Hành chính công tỉnh Bắc Ninh")
    status, body = _enrol(server, server.create_code(centre))

    assert status == 200
    assert body["centre_id"] == str(centre)
    assert body["centre_name"] == "Trung tâm Hành chính công tỉnh Bắc Ninh"
    token = str(body["token"])
    assert len(token) >= 32
    with server.db.transaction() as session:
        device = session.get(Device, uuid.UUID(str(body["device_id"])))
        assert device is not None
        assert device.centre_id == centre
        assert (device.name, device.kiosk_number) == ("Kiosk sảnh", 2)
        assert device.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in {device.token_hash, device.name}


def test_a_code_works_once(server: LiveServer) -> None:
    centre = server.create_centre()
    code = server.create_code(centre)
    assert _enrol(server, code)[0] == 200

    status, body = _enrol(server, code)

    assert status == 403
    assert body["error"] == "code_used"
    with server.db.transaction() as session:
        assert len(session.scalars(select(Device).where(Device.centre_id == centre)).all()) == 1


def test_an_expired_code_is_refused(server: LiveServer) -> None:
    centre = server.create_centre()
    code = server.create_code(centre, now=datetime.now(UTC) - timedelta(hours=2), hours=1)

    status, body = _enrol(server, code)

    assert (status, body["error"]) == (403, "code_used")
    assert "expired" in str(body["message"])


def test_an_unknown_code_is_refused(server: LiveServer) -> None:
    status, body = _enrol(server, "ABCD-EFGH-JKMN")
    assert (status, body["error"]) == (403, "code_used")


def test_case_spaces_and_dashes_of_a_typed_code_do_not_matter(server: LiveServer) -> None:
    centre = server.create_centre()
    code = server.create_code(centre)
    typed = " ".join(code.replace("-", "").lower())

    status, _ = _enrol(server, typed)

    assert status == 200
    with server.db.transaction() as session:
        used = session.scalars(select(EnrolmentCode).where(EnrolmentCode.centre_id == centre)).one()
        assert used.used_at is not None
        assert used.device_id is not None


def test_an_enrolment_that_does_not_match_the_protocol_is_refused_whole(
    server: LiveServer,
) -> None:
    centre = server.create_centre()
    code = server.create_code(centre)

    status, body = _enrol(server, code, kiosk_number=12)
    assert (status, body["error"]) == (400, "bad_request")
    assert "kiosk_number" in str(body["message"])

    status, body = _enrol(server, code, extra="field")
    assert (status, body["error"]) == (400, "bad_request")

    # The refused attempts did not use the code up.
    assert _enrol(server, code)[0] == 200


def test_two_kiosks_typing_the_same_code_at_once_enrol_one(server: LiveServer) -> None:
    centre = server.create_centre()
    code = server.create_code(centre)
    statuses: list[int] = []
    start = threading.Barrier(4)

    def enrol(number: int) -> None:
        start.wait()
        statuses.append(_enrol(server, code, kiosk_number=number)[0])

    threads = [threading.Thread(target=enrol, args=(n,)) for n in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 403, 403, 403]
    with server.db.transaction() as session:
        assert len(session.scalars(select(Device).where(Device.centre_id == centre)).all()) == 1


def test_a_second_live_kiosk_with_the_same_number_is_refused_and_the_code_kept(
    server: LiveServer,
) -> None:
    centre = server.create_centre()
    first = server.enrol(centre, kiosk_number=1)
    code = server.create_code(centre)

    status, body = _enrol(server, code, kiosk_number=1)

    assert status == 409
    assert body["error"] == "kiosk_number_taken"
    assert "kiosk number 1 is taken" in str(body["message"])
    assert str(first.device_id) in str(body["message"])
    with server.db.transaction() as session:
        kept = session.get(EnrolmentCode, _hash(code))
        assert kept is not None
        assert kept.used_at is None
    # Another number, with the same code, enrols; another centre may use number 1.
    assert _enrol(server, code, kiosk_number=3)[0] == 200
    assert _enrol(server, server.create_code(server.create_centre()), kiosk_number=1)[0] == 200


def test_revoking_a_kiosk_frees_its_number(server: LiveServer) -> None:
    centre = server.create_centre()
    old = server.enrol(centre, kiosk_number=4)
    with server.db.transaction() as session:
        device = session.get(Device, old.device_id)
        assert device is not None
        device.revoked_at = datetime.now(UTC)

    assert _enrol(server, server.create_code(centre), kiosk_number=4)[0] == 200


def test_two_kiosks_enrolling_with_one_number_at_once_get_it_once(server: LiveServer) -> None:
    centre = server.create_centre()
    codes = [server.create_code(centre) for _ in range(4)]
    statuses: list[int] = []
    start = threading.Barrier(4)

    def enrol(code: str) -> None:
        start.wait()
        statuses.append(_enrol(server, code, kiosk_number=5)[0])

    threads = [threading.Thread(target=enrol, args=(code,)) for code in codes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200, 409, 409, 409]


def _hash(code: str) -> str:
    return credentials.hash_secret(credentials.normalise_code(code))


def test_a_kiosk_enrolling_again_with_its_token_replaces_its_old_device(
    server: LiveServer,
) -> None:
    centre = server.create_centre()
    old = server.enrol(centre, kiosk_number=6)
    stranger = server.enrol(server.create_centre(), kiosk_number=6)
    body = {"kiosk_name": "Kiosk sảnh", "kiosk_number": 6, "app_version": "0.1.0"}

    # Another centre's token frees nothing here.
    refused = server.request(
        "POST",
        "/v1/devices/enrol",
        token=stranger.token,
        json_body={**body, "code": server.create_code(centre)},
    )
    again = server.request(
        "POST",
        "/v1/devices/enrol",
        token=old.token,
        json_body={**body, "code": server.create_code(centre)},
    )

    assert refused.status_code == 409
    assert again.status_code == 200, again.text
    assert server.request("GET", "/v1/catalog/changes", token=old.token).status_code == 401
    assert server.request("GET", "/v1/catalog/changes", token=stranger.token).status_code == 200
    new_token = again.json()["token"]
    assert server.request("GET", "/v1/catalog/changes", token=new_token).status_code == 200
