"""What a broken or hostile kiosk sends: refused entry by entry (never a 500), the rest kept.

Times out of reach, control characters, unknown queues, duplicate ticket numbers and
answers a citizen could not have typed are each ``rejected`` with a reason while the
other entries of the batch go in; a body nested too deep is refused whole with 400;
a path that would forge a log line is logged as one escaped line.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import msgspec
import pytest
from sqlalchemy import func, select

from kiosk.forms.samples import sample_answers
from server import outbox, publishing
from server.cli.main import LOG_FORMAT
from server.clock import utc_now
from server.db.models import Dossier, ReceivedEntry, Ticket
from server.devices import AuthenticatedDevice
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import (
    BUNDLED_FORMS,
    dossier_payload,
    outbox_item,
    ticket_payload,
    upload_catalogue,
)
from wire.protocol import OutboxBatch, decode

FORM_ID = "khai-sinh"
#: The bundled form's version: what the centre publishes and the kiosk fills.
FORM_VERSION = publishing.read_form(BUNDLED_FORMS / f"{FORM_ID}.json").version


@pytest.fixture
def declarations(server: LiveServer) -> Kiosk:
    """A kiosk of a centre that published the bundled birth-registration form."""
    centre = server.create_centre()
    form = publishing.read_form(BUNDLED_FORMS / f"{FORM_ID}.json")
    with server.db.transaction() as session:
        publishing.publish_catalogue(session, centre, upload_catalogue(), now=utc_now())
        publishing.publish_form(session, centre, form, now=utc_now())
    return server.enrol(centre)


def _declaration(**answers: Any) -> dict[str, Any]:
    return dossier_payload(
        procedure_code="1.001193",
        form_id=FORM_ID,
        form_version=FORM_VERSION,
        answers={**sample_answers(FORM_ID), **answers},
    )


def _results(answer: Any) -> list[tuple[str, str | None]]:
    assert answer.status_code == 200, answer.text
    return [(result["outcome"], result["error"]) for result in answer.json()["results"]]


def _count(server: LiveServer, model: type[Any], device: uuid.UUID) -> int:
    with server.db.transaction() as session:
        return session.scalar(
            select(func.count()).select_from(model).where(model.device_id == device)
        )


def _kept_payloads(server: LiveServer, device: uuid.UUID) -> dict[str, tuple[str, Any]]:
    with server.db.transaction() as session:
        rows = session.scalars(select(ReceivedEntry).where(ReceivedEntry.device_id == device))
        return {str(row.entry_id): (row.outcome, row.payload) for row in rows}


# --- values no table can keep ---------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"issued_at": "9999-12-31T23:59:59-14:00"}, "more than a day ahead"),
        ({"issued_at": "0001-01-01T00:00:00+14:00"}, "before 2020"),
        ({"issued_at": "2026-11-26T08:00:00"}, "timezone"),
        ({"service_day": "9999-12-31"}, "service_day: a day after tomorrow"),
        ({"service_day": "1900-01-01"}, "service_day: a day before 2020"),
        ({"label": "A-\x00001"}, "label"),
        ({"label": "A-001\nforged"}, "label"),
        ({"kiosk_name": "Kiosk\x001"}, "kiosk_name"),
        ({"people_ahead": 2**31}, "people_ahead"),
        ({"service_code": "ZZ"}, "queue ZZ is not in a catalogue this centre published"),
    ],
)
def test_a_ticket_no_kiosk_could_have_printed_is_refused_and_the_rest_kept(
    server: LiveServer, kiosk: Kiosk, overrides: dict[str, Any], reason: str
) -> None:
    good_before = outbox_item("ticket", "create", ticket_payload(1))
    bad = outbox_item("ticket", "create", ticket_payload(2, **overrides))
    good_after = outbox_item("account", "create", _account())

    results = _results(kiosk.post("/v1/outbox", {"entries": [good_before, bad, good_after]}))

    assert [outcome for outcome, _ in results] == ["accepted", "rejected", "accepted"]
    assert reason in (results[1][1] or "")
    assert _count(server, Ticket, kiosk.device_id) == 1
    kept = _kept_payloads(server, kiosk.device_id)
    assert kept[bad["id"]] == ("rejected", {})  # a refused entry's payload is not kept


def _account(**data: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "data": {"full_name": "Trần Thị Bình", **data},
        "created_at": datetime.now(UTC).isoformat(),
    }


@pytest.mark.parametrize(
    "payload",
    [
        _account(full_name="Trần\x00Bình"),
        _account(**{"key\x00": "value"}),
        _account(nested=[{"deep": ["ok", "NUL \x00 inside"]}]),
        {**_account(), "created_at": "9999-12-31T23:59:59-14:00"},
    ],
)
def test_an_account_with_a_nul_or_a_time_out_of_reach_is_refused(
    server: LiveServer, kiosk: Kiosk, payload: dict[str, Any]
) -> None:
    good = outbox_item("ticket", "create", ticket_payload(3))
    bad = outbox_item("account", "create", payload)

    results = _results(kiosk.post("/v1/outbox", {"entries": [bad, good]}))

    assert [outcome for outcome, _ in results] == ["rejected", "accepted"]
    assert "payload." in (results[0][1] or "")
    assert _kept_payloads(server, kiosk.device_id)[bad["id"]] == ("rejected", {})


def test_a_reason_that_quotes_a_nul_is_stored_with_the_nul_written_out(
    server: LiveServer, kiosk: Kiosk
) -> None:
    """The refusal of an unknown field quotes its name; PostgreSQL cannot store a NUL."""
    bad = outbox_item("account", "create", {**_account(), "»\x00>": 1})
    good = outbox_item("ticket", "create", ticket_payload(7))

    results = _results(kiosk.post("/v1/outbox", {"entries": [bad, good]}))

    assert [outcome for outcome, _ in results] == ["rejected", "accepted"]
    reason = results[0][1] or ""
    assert "unknown field" in reason
    assert "\x00" not in reason
    assert "\\x00" in reason
    assert _kept_payloads(server, kiosk.device_id)[bad["id"]] == ("rejected", {})


def test_an_entry_whose_own_time_is_out_of_reach_is_refused_alone(
    server: LiveServer, kiosk: Kiosk
) -> None:
    late = {**outbox_item("ticket", "create", ticket_payload(4))}
    late["created_at"] = "9999-12-31T23:59:59-14:00"
    naive = {**outbox_item("ticket", "create", ticket_payload(5))}
    naive["created_at"] = "2026-11-26T08:00:00"
    good = outbox_item("ticket", "create", ticket_payload(6))

    results = _results(kiosk.post("/v1/outbox", {"entries": [late, naive, good]}))

    assert results[0] == (
        "rejected",
        "created_at: a time more than a day ahead of the server's clock",
    )
    assert results[1] == ("rejected", "created_at: a time needs its UTC offset")
    assert results[2] == ("accepted", None)
    assert _count(server, Ticket, kiosk.device_id) == 1


# --- nesting --------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [40, 1_000, 100_000])
def test_json_nested_too_deep_is_refused_whole_with_400(
    server: LiveServer, kiosk: Kiosk, depth: int
) -> None:
    nested = "[" * depth + "]" * depth
    item = outbox_item("account", "create", {**_account(), "data": {"x": "DEEP"}})
    body = msgspec.json.encode({"entries": [item]}).replace(b'"DEEP"', nested.encode())

    answer = kiosk.post("/v1/outbox", data=body)

    assert answer.status_code == 400
    assert answer.json()["error"] == "bad_request"
    assert "nested deeper" in answer.json()["message"]
    assert _count(server, ReceivedEntry, kiosk.device_id) == 0
    enrol = server.request("POST", "/v1/devices/enrol", data=nested.encode())
    assert enrol.status_code == 400


def test_nesting_a_kiosk_really_sends_goes_in(server: LiveServer, declarations: Kiosk) -> None:
    item = outbox_item("dossier", "create", _declaration())

    assert _results(declarations.post("/v1/outbox", {"entries": [item]})) == [("accepted", None)]


# --- the request log ------------------------------------------------------------------


def test_a_path_with_a_newline_is_logged_as_one_escaped_line(
    server: LiveServer, caplog: pytest.LogCaptureFixture
) -> None:
    forged = "2026-11-26 08:00:00,000 INFO    server.requests: GET /v1/health 200 0.1 ms"
    path = "/v1/nothing%0A" + forged.replace(" ", "%20") + "%0D%0A%1B[2J"
    with caplog.at_level(logging.INFO, logger="server.requests"):
        answer = server.request("GET", path)

    assert answer.status_code == 404
    lines = [
        logging.Formatter(LOG_FORMAT).format(record)
        for record in caplog.records
        if "/v1/nothing" in record.getMessage() and record.name.startswith("server")
    ]
    assert len(lines) == 1
    assert "\n" not in lines[0]
    assert "\r" not in lines[0]
    assert "\x1b" not in lines[0]
    assert "/v1/nothing\\n2026-11-26" in lines[0]


# --- duplicate ticket numbers ---------------------------------------------------------


def test_a_ticket_number_already_used_in_its_queue_and_day_is_refused(
    server: LiveServer, kiosk: Kiosk
) -> None:
    other = server.enrol(kiosk.centre_id, kiosk_number=2)
    first = outbox_item("ticket", "create", ticket_payload(7))
    same_batch = outbox_item("ticket", "create", ticket_payload(7))
    other_queue = outbox_item("ticket", "create", ticket_payload(7, service_code="B"))
    other_day = outbox_item("ticket", "create", ticket_payload(7, service_day="2026-11-27"))

    results = _results(
        kiosk.post("/v1/outbox", {"entries": [first, same_batch, other_queue, other_day]})
    )
    later = _results(
        other.post("/v1/outbox", {"entries": [outbox_item("ticket", "create", ticket_payload(7))]})
    )
    retried = _results(kiosk.post("/v1/outbox", {"entries": [first]}))

    assert [outcome for outcome, _ in results] == ["accepted", "rejected", "accepted", "accepted"]
    assert "number already used" in (results[1][1] or "")
    assert later[0][0] == "rejected"
    assert "number already used" in (later[0][1] or "")
    assert retried == [("duplicate", None)]
    with server.db.transaction() as session:
        numbers = session.scalars(
            select(Ticket.number).where(
                Ticket.centre_id == kiosk.centre_id,
                Ticket.service_code == "A",
                Ticket.service_day == date(2026, 11, 26),
            )
        ).all()
    assert numbers == [7]


# --- declarations checked against the published form ---------------------------------


def test_a_declaration_that_passes_the_forms_checks_is_stored(
    server: LiveServer, declarations: Kiosk
) -> None:
    payload = _declaration()

    answer = declarations.post(
        "/v1/outbox", {"entries": [outbox_item("dossier", "create", payload)]}
    )

    assert _results(answer) == [("accepted", None)]
    with server.db.transaction() as session:
        dossier = session.get(Dossier, uuid.UUID(payload["id"]))
        assert dossier is not None
        assert dossier.answers == payload["answers"]


def test_a_hostile_declaration_is_refused_with_field_ids_and_nothing_stored(
    server: LiveServer, declarations: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    hostile = _declaration(
        requester_id="0011940123456",  # 13 digits
        child_name="Trần Minh Khôi 😀",
        child_birth_date="2999-01-01",  # not yet born
        child_birth_place={  # Phường Giảng Võ is in Hà Nội, not in Hồ Chí Minh
            "detail": "Bệnh viện",
            "province_code": "79",
            "province": "Thành phố Hồ Chí Minh",
            "ward_code": "00025",
            "ward": "Phường Giảng Võ",
        },
    )
    good = outbox_item("ticket", "create", ticket_payload(8))
    item = outbox_item("dossier", "create", hostile)

    with caplog.at_level(logging.DEBUG, logger="server"):
        results = _results(declarations.post("/v1/outbox", {"entries": [item, good]}))

    outcome, reason = results[0]
    assert outcome == "rejected"
    assert reason is not None
    assert reason.startswith(
        "answers refused (requester_id, child_name, child_birth_date, child_birth_place)"
    )
    assert "Số định danh cá nhân có 12 chữ số" in reason  # the message's source text
    for value in ("0011940123456", "Khôi", "2999"):
        assert value not in reason  # never the values
        assert value not in caplog.text
    assert results[1] == ("accepted", None)
    assert _count(server, Dossier, declarations.device_id) == 0
    assert _kept_payloads(server, declarations.device_id)[item["id"]] == ("rejected", {})


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        (
            {"form_version": FORM_VERSION + 1},
            f"form khai-sinh version {FORM_VERSION + 1} is not published at this centre",
        ),
        (
            {"form_id": "ket-hon"},
            f"form ket-hon version {FORM_VERSION} is not published at this centre",
        ),
        (
            {"answers": {**sample_answers(FORM_ID), "password": "x", "has_father": False}},
            "answers the form does not ask for: father_name",
        ),
        (
            {"answers": {**sample_answers(FORM_ID), "secret": "x"}},
            "answers the form does not ask for: secret",
        ),
        (
            {"answers": {k: v for k, v in sample_answers(FORM_ID).items() if k != "child_name"}},
            "answers refused (child_name)",
        ),
        (
            {"answers": {**sample_answers(FORM_ID), "copies_count": "2"}},
            "answers refused (copies_count)",
        ),
        (
            {
                "answers": {
                    **sample_answers(FORM_ID),
                    "requester_residence": {
                        **sample_answers(FORM_ID)["requester_residence"],
                        "ward": "Phường Bịa Đặt",
                    },
                }
            },
            "answers refused (requester_residence)",
        ),
    ],
)
def test_a_declaration_the_published_form_does_not_allow_is_refused(
    server: LiveServer, declarations: Kiosk, changes: dict[str, Any], reason: str
) -> None:
    item = outbox_item("dossier", "create", {**_declaration(), **changes})

    results = _results(declarations.post("/v1/outbox", {"entries": [item]}))

    assert results[0][0] == "rejected"
    assert reason in (results[0][1] or "")
    assert _count(server, Dossier, declarations.device_id) == 0


def test_one_by_one_receiving_applies_the_same_checks(
    server: LiveServer, declarations: Kiosk
) -> None:
    """The path a batch takes after meeting a concurrent upload refuses the same entries."""
    device = AuthenticatedDevice(declarations.device_id, declarations.centre_id, "Kiosk 1", 1)
    taken = outbox_item("ticket", "create", ticket_payload(9))
    declarations.post("/v1/outbox", {"entries": [taken]})
    entries = [
        outbox_item("dossier", "create", _declaration(child_name="Khôi 😀")),
        outbox_item("ticket", "create", ticket_payload(9)),
        outbox_item("ticket", "create", ticket_payload(10, service_code="ZZ")),
        outbox_item("ticket", "create", ticket_payload(11)),
    ]
    batch = decode(msgspec.json.encode({"entries": entries}), OutboxBatch)
    with server.db.transaction() as session:
        seen: dict[uuid.UUID, Any] = {}
        now = utc_now() + timedelta(seconds=1)
        results = [outbox._receive_one(session, device, item, now, seen) for item in batch.entries]

    assert [result.outcome for result in results] == ["rejected"] * 3 + ["accepted"]
    assert "child_name" in (results[0].error or "")
    assert "number already used" in (results[1].error or "")
    assert "queue ZZ" in (results[2].error or "")
