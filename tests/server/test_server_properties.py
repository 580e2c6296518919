"""Random protocol-valid batches: the server never answers 500, and never stores what it refused.

The batches are built from the wire structs' fields: every entity and operation
(those the server accepts and those it does not), strings with NUL, emoji or
thousands of characters, times at the edges of what Python and the databases hold,
days far off, unknown queues, and answers drawn from the published form's field ids
with values of any JSON type. Whatever comes, each entry is answered; an entry
refused leaves no row and no payload; a dossier kept has answers the form's own
checks accept.
"""

from __future__ import annotations

import uuid
from datetime import UTC, timedelta
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.forms.samples import sample_answers
from server import publishing
from server.clock import centre_today, utc_now
from server.db.models import Dossier, ReceivedEntry, Ticket
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import BUNDLED_FORMS, upload_catalogue
from wire.checks import check_form
from wire.forms import FormDefinition
from wire.protocol import MAX_INT32

FORM_ID = "khai-sinh"
#: The bundled form's version: what the centre publishes and the kiosk fills.
FORM_VERSION = publishing.read_form(BUNDLED_FORMS / f"{FORM_ID}.json").version
SAMPLE = sample_answers(FORM_ID)

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\x00", "A\x00B", "😀", "Nguyễn Văn An", "x" * 5_000, "\n", "\u202e"]),
)
#: Times a kiosk could have recorded (the last month).
recent = st.integers(-30 * 86_400, 3_600).map(
    lambda seconds: (utc_now() + timedelta(seconds=seconds)).isoformat()
)
#: Any time the wire can carry, the edges of what Python and the databases hold first.
any_instant = st.one_of(
    st.sampled_from(
        [
            "9999-12-31T23:59:59-14:00",
            "0001-01-01T00:00:00+14:00",
            "2019-12-31T23:59:59+00:00",
            "2026-11-26T08:00:00",  # no offset
        ]
    ),
    st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()),
    recent,
)
recent_days = st.integers(-30, 1).map(
    lambda n: (centre_today(utc_now()) + timedelta(days=n)).isoformat()
)
any_day = st.one_of(st.dates().map(lambda day: day.isoformat()), recent_days)
numbers = st.one_of(st.integers(-3, 1_000), st.sampled_from([0, MAX_INT32, MAX_INT32 + 1, 2**63]))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), numbers, texts),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _either(wild: bool, tame: st.SearchStrategy[Any], anything: st.SearchStrategy[Any]) -> Any:
    return anything if wild else tame


def _ticket(id_: str, wild: bool) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "id": st.just(id_),
            "service_code": st.sampled_from(["A", "B", "C", "D", "ZZ"] if wild else "ABCD"),
            "service_day": _either(wild, recent_days, any_day),
            "number": st.integers(1, 999),
            "label": _either(wild, st.just("A-001"), texts.map(lambda text: text[:16])),
            "issued_at": _either(wild, recent, any_instant),
            "people_ahead": st.integers(0, MAX_INT32),
        },
        optional={
            "priority": st.one_of(st.booleans(), st.none()),
            "kiosk_name": _either(wild, st.just("Kiosk 1"), texts),
        },
    )


def _answers(wild: bool) -> st.SearchStrategy[dict[str, Any]]:
    if not wild:
        return st.just(SAMPLE)
    mutated = st.dictionaries(st.sampled_from(sorted(SAMPLE)), json_values, max_size=4).map(
        lambda changes: {**SAMPLE, **changes}
    )
    dropped = st.sets(st.sampled_from(sorted(SAMPLE)), max_size=3).map(
        lambda gone: {key: value for key, value in SAMPLE.items() if key not in gone}
    )
    return st.one_of(mutated, dropped, st.dictionaries(texts, json_values))


def _dossier(id_: str, wild: bool) -> st.SearchStrategy[dict[str, Any]]:
    unique = f"HS-1-261126-{uuid.UUID(id_).int % 10**6:06d}"
    return st.fixed_dictionaries(
        {
            "id": st.just(id_),
            "reference": _either(
                wild,
                st.just(unique),
                st.integers(0, 999).map(lambda n: f"HS-1-261126-{n:03d}"),
            ),
            "procedure_code": st.sampled_from(["1.001193", "x"] if wild else ["1.001193"]),
            "form_id": st.sampled_from([FORM_ID, "ket-hon"] if wild else [FORM_ID]),
            "form_version": st.sampled_from(
                [FORM_VERSION, FORM_VERSION + 1] if wild else [FORM_VERSION]
            ),
            "answers": _answers(wild),
            "submitted_at": _either(wild, recent, any_instant),
        }
    )


def _account(id_: str, wild: bool) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "id": st.just(id_),
            "data": _either(
                wild,
                st.just({"full_name": "Trần Thị Bình"}),
                st.dictionaries(st.text(max_size=8), json_values, max_size=4),
            ),
            "created_at": _either(wild, recent, any_instant),
        }
    )


KINDS = [
    ("ticket", "create"),
    ("ticket", "update"),
    ("dossier", "create"),
    ("account", "create"),
]
#: What the protocol's literals allow but the server does not accept.
UNACCEPTED = [("dossier", "update"), ("account", "update")]


@st.composite
def entries(draw: st.DrawFn) -> dict[str, Any]:
    """One outbox entry: tame (as a kiosk sends it) or wild, field by field."""
    wild = draw(st.booleans())
    entity_type, operation = draw(st.sampled_from(KINDS + UNACCEPTED if wild else KINDS))
    id_ = str(uuid.uuid4())
    if (entity_type, operation) == ("ticket", "create"):
        payload = draw(_ticket(id_, wild))
    elif entity_type == "ticket":
        payload = {"id": id_, "status": "voided", "voided_at": draw(any_instant)}
    elif entity_type == "dossier":
        payload = draw(_dossier(id_, wild))
    else:
        payload = draw(_account(id_, wild))
    if wild and draw(st.booleans()):
        payload = draw(st.dictionaries(st.text(max_size=8), json_values, max_size=4))
    return {
        "id": str(uuid.uuid4()),
        "sequence": draw(st.integers(1, 2**40) if wild else st.integers(1, 10**6)),
        "entity_type": entity_type,
        "entity_id": id_,
        "operation": operation,
        "payload": payload,
        "created_at": draw(any_instant if wild else recent),
    }


@pytest.fixture(scope="module")
def form() -> FormDefinition:
    return publishing.read_form(BUNDLED_FORMS / f"{FORM_ID}.json")


@pytest.fixture
def uploader(server: LiveServer, form: FormDefinition) -> Kiosk:
    centre = server.create_centre()
    with server.db.transaction() as session:
        publishing.publish_catalogue(session, centre, upload_catalogue(), now=utc_now())
        publishing.publish_form(session, centre, form, now=utc_now())
    return server.enrol(centre)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(entries(), min_size=1, max_size=6))
def test_random_batches_never_fail_the_server_nor_store_a_refused_entry(
    server: LiveServer, uploader: Kiosk, form: FormDefinition, batch: list[dict[str, Any]]
) -> None:
    answer = uploader.post("/v1/outbox", data=msgspec.json.encode({"entries": batch}))

    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [result["id"] for result in results] == [entry["id"] for entry in batch]
    refused = {
        uuid.UUID(entry["entity_id"])
        for entry, result in zip(batch, results, strict=True)
        if result["outcome"] == "rejected"
    }
    entry_ids = [uuid.UUID(entry["id"]) for entry in batch]
    with server.db.transaction() as session:
        assert not session.scalars(select(Ticket.id).where(Ticket.id.in_(refused))).all()
        assert not session.scalars(select(Dossier.id).where(Dossier.id.in_(refused))).all()
        kept = session.execute(
            select(ReceivedEntry.outcome, ReceivedEntry.payload).where(
                ReceivedEntry.entry_id.in_(entry_ids)
            )
        ).all()
        stored = session.scalars(
            select(Dossier).where(Dossier.id.in_([uuid.UUID(e["entity_id"]) for e in batch]))
        ).all()
        for dossier in stored:
            day = centre_today(dossier.submitted_at)
            assert check_form(form, dossier.answers, today=day) == {}
    assert all(payload == {} for outcome, payload in kept if outcome == "rejected")
    event(" ".join(sorted({result["outcome"] for result in results})))
