"""The outbox upload: stored once however often it is sent; a bad entry never blocks good ones."""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from server.db.models import Dossier, ReceivedEntry, Ticket
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import account_payload, dossier_payload, outbox_item, ticket_payload
from wire.protocol import MAX_BATCH_ENTRIES, MAX_REQUEST_BYTES


def _count(server: LiveServer, model: type[Any], device: uuid.UUID) -> int:
    with server.db.transaction() as session:
        return session.scalar(
            select(func.count()).select_from(model).where(model.device_id == device)
        )


def _outcomes(answer: Any) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [result["outcome"] for result in answer.json()["results"]]


def test_each_kind_of_entry_is_stored(server: LiveServer, kiosk: Kiosk) -> None:
    ticket = ticket_payload(7, dossier_reference="HS-1-261126-0007")
    dossier = dossier_payload("HS-1-261126-0007")
    batch = [
        outbox_item("dossier", "create", dossier),
        outbox_item("ticket", "create", ticket),
        outbox_item("account", "create", account_payload()),
    ]

    answer = kiosk.post("/v1/outbox", {"entries": batch})

    assert _outcomes(answer) == ["accepted"] * 3
    assert [r["id"] for r in answer.json()["results"]] == [item["id"] for item in batch]
    with server.db.transaction() as session:
        stored = session.get(Dossier, uuid.UUID(dossier["id"]))
        assert stored is not None
        assert stored.answers == dossier["answers"]
        assert (stored.reference, stored.state, stored.form_version) == (
            "HS-1-261126-0007",
            "received",
            1,
        )
        printed = session.get(Ticket, uuid.UUID(ticket["id"]))
        assert printed is not None
        assert (printed.label, printed.number, printed.status) == ("A-007", 7, "issued")
        kept = session.get(ReceivedEntry, uuid.UUID(batch[2]["id"]))
        assert kept is not None
        assert kept.payload == batch[2]["payload"]


def test_the_same_batch_twice_is_stored_once_and_answered_duplicate(
    server: LiveServer, kiosk: Kiosk
) -> None:
    batch = {
        "entries": [
            outbox_item("dossier", "create", dossier_payload()),
            outbox_item("ticket", "create", ticket_payload(1)),
        ]
    }

    assert _outcomes(kiosk.post("/v1/outbox", batch)) == ["accepted", "accepted"]
    assert _outcomes(kiosk.post("/v1/outbox", batch)) == ["duplicate", "duplicate"]

    assert _count(server, ReceivedEntry, kiosk.device_id) == 2
    assert _count(server, Dossier, kiosk.device_id) == 1
    assert _count(server, Ticket, kiosk.device_id) == 1


def test_an_entry_repeated_within_one_batch_is_a_duplicate(kiosk: Kiosk) -> None:
    item = outbox_item("ticket", "create", ticket_payload(3))
    assert _outcomes(kiosk.post("/v1/outbox", {"entries": [item, item]})) == [
        "accepted",
        "duplicate",
    ]


def test_a_wrong_entry_is_rejected_while_the_others_go_in(server: LiveServer, kiosk: Kiosk) -> None:
    good_before = outbox_item("ticket", "create", ticket_payload(1))
    wrong = outbox_item("ticket", "create", {**ticket_payload(2), "number": "two"})
    good_after = outbox_item("dossier", "create", dossier_payload())

    answer = kiosk.post("/v1/outbox", {"entries": [good_before, wrong, good_after]})

    assert _outcomes(answer) == ["accepted", "rejected", "accepted"]
    reason = answer.json()["results"][1]["error"]
    assert "number" in reason
    assert len(reason) <= 200
    assert _count(server, Ticket, kiosk.device_id) == 1
    assert _count(server, Dossier, kiosk.device_id) == 1
    # The refusal is kept for staff, and a retry gets the same answer.
    again = kiosk.post("/v1/outbox", {"entries": [wrong]}).json()["results"][0]
    assert (again["outcome"], again["error"]) == ("rejected", reason)


def test_entries_that_cannot_be_stored_as_sent_are_rejected(
    server: LiveServer, kiosk: Kiosk
) -> None:
    taken = dossier_payload("HS-1-261126-0100")
    ticket_id = str(uuid.uuid4())
    entries = [
        outbox_item("dossier", "create", taken),
        # another dossier with a reference already used at this centre
        outbox_item("dossier", "create", dossier_payload("HS-1-261126-0100")),
        # an operation the protocol does not accept
        outbox_item("dossier", "update", dossier_payload()),
        # the payload describes another entity than the entry says
        {**outbox_item("ticket", "create", ticket_payload(4)), "entity_id": ticket_id},
        # a time without its UTC offset
        outbox_item("ticket", "create", ticket_payload(5, issued_at="2026-11-26T08:00:00")),
        # voiding a ticket the server never received
        outbox_item(
            "ticket",
            "update",
            {"id": ticket_id, "status": "voided", "voided_at": "2026-11-26T08:00:00+07:00"},
        ),
        # an unknown field in the payload
        outbox_item("account", "create", {**account_payload(), "password": "x"}),
    ]

    answer = kiosk.post("/v1/outbox", {"entries": entries})

    assert _outcomes(answer) == ["accepted"] + ["rejected"] * 6
    errors = [result["error"] for result in answer.json()["results"][1:]]
    assert "reference" in errors[0]
    assert "dossier/update" in errors[1]
    assert "entity_id" in errors[2]
    assert "timezone" in errors[3]
    assert "issued_at" in errors[3]
    assert "unknown ticket" in errors[4]
    assert "password" in errors[5]
    assert _count(server, Dossier, kiosk.device_id) == 1
    assert _count(server, Ticket, kiosk.device_id) == 0


def test_a_ticket_voided_later_is_marked_voided(server: LiveServer, kiosk: Kiosk) -> None:
    ticket = ticket_payload(9)
    kiosk.post("/v1/outbox", {"entries": [outbox_item("ticket", "create", ticket)]})
    void = {"id": ticket["id"], "status": "voided", "voided_at": "2026-11-26T09:30:00+07:00"}

    answer = kiosk.post("/v1/outbox", {"entries": [outbox_item("ticket", "update", void)]})

    assert _outcomes(answer) == ["accepted"]
    with server.db.transaction() as session:
        stored = session.get(Ticket, uuid.UUID(ticket["id"]))
        assert stored is not None
        assert stored.status == "voided"
        assert stored.voided_at is not None
        assert stored.voided_at.hour == 2


def test_another_centres_kiosk_cannot_void_a_ticket(server: LiveServer, kiosk: Kiosk) -> None:
    ticket = ticket_payload(10)
    kiosk.post("/v1/outbox", {"entries": [outbox_item("ticket", "create", ticket)]})
    stranger = server.enrol(server.create_centre("Trung tâm khác"))
    void = {"id": ticket["id"], "status": "voided", "voided_at": "2026-11-26T09:30:00+07:00"}

    answer = stranger.post("/v1/outbox", {"entries": [outbox_item("ticket", "update", void)]})

    assert _outcomes(answer) == ["rejected"]
    with server.db.transaction() as session:
        stored = session.get(Ticket, uuid.UUID(ticket["id"]))
        assert stored is not None
        assert stored.status == "issued"


def test_a_malformed_body_is_refused_whole_and_changes_nothing(
    server: LiveServer, kiosk: Kiosk
) -> None:
    good = outbox_item("dossier", "create", dossier_payload())
    broken_item = {**outbox_item("ticket", "create", ticket_payload(1)), "entity_type": "cat"}
    bodies: list[bytes | dict[str, Any]] = [
        {"entries": [good, broken_item]},
        {"entries": [good], "extra": True},
        {"entries": []},
        {"entries": [{**good, "sequence": 0}]},
    ]
    for body in bodies:
        if isinstance(body, bytes):
            answer = kiosk.post("/v1/outbox", data=body)
        else:
            answer = kiosk.post("/v1/outbox", body)
        assert answer.status_code == 400, body
        assert answer.json()["error"] == "bad_request"
    for raw in (b"{not json", b"", b'{"entries": "\xff"}', b"[]"):
        answer = kiosk.server.request("POST", "/v1/outbox", token=kiosk.token, data=raw)
        assert answer.status_code == 400, raw
        assert answer.json()["error"] == "bad_request"

    assert _count(server, ReceivedEntry, kiosk.device_id) == 0
    assert _count(server, Dossier, kiosk.device_id) == 0


def test_a_body_above_the_limit_is_refused_as_too_large(server: LiveServer, kiosk: Kiosk) -> None:
    dossier = dossier_payload(answers={"notes": "x" * MAX_REQUEST_BYTES})
    answer = kiosk.post("/v1/outbox", {"entries": [outbox_item("dossier", "create", dossier)]})

    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"
    assert _count(server, Dossier, kiosk.device_id) == 0


def test_a_batch_of_too_many_entries_is_refused_as_too_large(kiosk: Kiosk) -> None:
    entries = [
        outbox_item("ticket", "create", ticket_payload(1 + n % 999))
        for n in range(MAX_BATCH_ENTRIES + 1)
    ]
    answer = kiosk.post("/v1/outbox", {"entries": entries})

    assert answer.status_code == 413
    assert answer.json()["error"] == "too_large"


def test_a_full_batch_goes_in_as_one(server: LiveServer, kiosk: Kiosk) -> None:
    entries = [
        outbox_item("ticket", "create", ticket_payload(1 + n % 999))
        for n in range(MAX_BATCH_ENTRIES)
    ]
    answer = kiosk.post("/v1/outbox", {"entries": entries})

    assert _outcomes(answer) == ["accepted"] * MAX_BATCH_ENTRIES
    assert _count(server, Ticket, kiosk.device_id) == MAX_BATCH_ENTRIES


def test_an_entry_id_of_another_kiosk_is_not_taken_for_a_retry(
    server: LiveServer, kiosk: Kiosk
) -> None:
    item = outbox_item("ticket", "create", ticket_payload(1))
    kiosk.post("/v1/outbox", {"entries": [item]})
    other = server.enrol(kiosk.centre_id, kiosk_number=2)
    copied = {**item, "payload": ticket_payload(2), "entity_id": None}
    copied["entity_id"] = copied["payload"]["id"]

    answer = other.post("/v1/outbox", {"entries": [copied]})

    assert _outcomes(answer) == ["rejected"]
    assert _count(server, Ticket, other.device_id) == 0


def test_the_same_batch_sent_twice_at_once_is_stored_once(server: LiveServer, kiosk: Kiosk) -> None:
    batch = {
        "entries": [
            outbox_item("dossier", "create", dossier_payload()),
            outbox_item("ticket", "create", ticket_payload(1)),
            outbox_item("account", "create", account_payload()),
        ]
    }
    outcomes: list[list[str]] = []
    start = threading.Barrier(2)

    def send() -> None:
        start.wait()
        outcomes.append(_outcomes(kiosk.post("/v1/outbox", batch)))

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == [["accepted"] * 3, ["duplicate"] * 3]
    assert _count(server, ReceivedEntry, kiosk.device_id) == 3
    assert _count(server, Dossier, kiosk.device_id) == 1
    assert _count(server, Ticket, kiosk.device_id) == 1


def test_the_request_log_names_the_kiosk_but_no_token_nor_personal_data(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    dossier = dossier_payload()
    with caplog.at_level(logging.INFO, logger="server"):
        kiosk.post("/v1/outbox", {"entries": [outbox_item("dossier", "create", dossier)]})
        kiosk.get("/v1/catalog/changes", params={"since": "1.1.1-0"})

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "POST /v1/outbox 200" in logged
    assert f"device={kiosk.device_id}" in logged
    assert "GET /v1/catalog/changes 200" in logged
    assert kiosk.token not in logged
    assert "since" not in logged
    assert dossier["answers"]["child_name"] not in logged
