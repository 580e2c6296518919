"""The server keeps a dossier's consent record, and of a priority ticket only that it is
one: no group and no dossier reference, whatever an older kiosk sends."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Language, Settings
from kiosk.consent import CONTACT_PHONE, PREPARE_DECLARATION
from kiosk.db.models import QueueService
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from server import publishing
from server.clock import utc_now
from server.db.models import Dossier, ReceivedEntry, Ticket
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import (
    BUNDLED_CATALOGUE,
    dossier_payload,
    outbox_item,
    ticket_payload,
)

CONSENT = {
    "purposes": ["prepare_declaration", "contact_phone"],
    "agreed_at": "2026-11-26T02:30:00Z",
    "notice_version": "2026-01",
    "notice_sha256": "ab" * 32,
    "language": "vi",
}


def _results(answer: Any) -> list[tuple[str, str | None]]:
    assert answer.status_code == 200, answer.text
    return [(result["outcome"], result.get("error")) for result in answer.json()["results"]]


def test_a_dossiers_consent_is_stored_and_an_older_kiosks_none_is_accepted(
    server: LiveServer, kiosk: Kiosk
) -> None:
    with_consent = dossier_payload(consent=CONSENT)
    older = dossier_payload()  # a kiosk from before the privacy notice sends no consent
    answer = kiosk.post(
        "/v1/outbox",
        {"entries": [outbox_item("dossier", "create", p) for p in (with_consent, older)]},
    )
    assert [outcome for outcome, _ in _results(answer)] == ["accepted", "accepted"]
    with server.db.transaction() as session:
        stored = session.get(Dossier, uuid.UUID(with_consent["id"]))
        none = session.get(Dossier, uuid.UUID(older["id"]))
        assert stored is not None
        assert none is not None
        assert stored.consent == CONSENT
        assert none.consent is None


def test_a_consent_that_proves_nothing_is_refused_alone(server: LiveServer, kiosk: Kiosk) -> None:
    naive_time = dossier_payload(consent={**CONSENT, "agreed_at": "2026-11-26T02:30:00"})
    no_hash = dossier_payload(consent={**CONSENT, "notice_sha256": "not a hash"})
    good = dossier_payload(consent=CONSENT)
    answer = kiosk.post(
        "/v1/outbox",
        {"entries": [outbox_item("dossier", "create", p) for p in (naive_time, no_hash, good)]},
    )
    results = _results(answer)
    assert [outcome for outcome, _ in results] == ["rejected", "rejected", "accepted"]
    assert "consent" in (results[0][1] or "")
    with server.db.transaction() as session:
        assert session.get(Dossier, uuid.UUID(naive_time["id"])) is None
        assert session.get(Dossier, uuid.UUID(good["id"])) is not None


def test_a_priority_ticket_keeps_no_group_and_no_dossier_reference(
    server: LiveServer, kiosk: Kiosk
) -> None:
    tickets = {
        "flag": ticket_payload(1, priority=True, dossier_reference="HS-1-261126-0001"),
        # Kiosks from before the rule sent the group's name, or null for none.
        "group": ticket_payload(
            2, priority="nguoi_khuyet_tat", dossier_reference="HS-1-261126-0002"
        ),
        "older_ordinary": ticket_payload(3, priority=None, dossier_reference="HS-1-261126-0003"),
        "ordinary": ticket_payload(4, dossier_reference="HS-1-261126-0004"),
    }
    batch = [outbox_item("ticket", "create", payload) for payload in tickets.values()]
    answer = kiosk.post("/v1/outbox", {"entries": batch})
    assert [outcome for outcome, _ in _results(answer)] == ["accepted"] * 4
    with server.db.transaction() as session:
        rows = {
            name: session.get(Ticket, uuid.UUID(payload["id"])) for name, payload in tickets.items()
        }
        kept = list(
            session.scalars(select(ReceivedEntry).where(ReceivedEntry.device_id == kiosk.device_id))
        )
        stored = {name: (row.priority, row.dossier_reference) for name, row in rows.items() if row}
        everything = json.dumps([entry.payload for entry in kept]) + repr(stored)
    assert stored == {
        "flag": (True, None),
        "group": (True, None),
        "older_ordinary": (False, "HS-1-261126-0003"),
        "ordinary": (False, "HS-1-261126-0004"),
    }
    assert "nguoi_khuyet_tat" not in everything
    for reference in ("HS-1-261126-0001", "HS-1-261126-0002"):
        assert reference not in everything
    payloads = {entry.entity_id: entry.payload for entry in kept}
    assert payloads[uuid.UUID(tickets["group"]["id"])]["priority"] is True


ALL_DAY = {
    day: [["00:00", "23:59:59"]] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
}


def test_a_kiosks_consent_and_priority_ticket_reach_the_server_as_kept(
    server: LiveServer, tmp_path: Path
) -> None:
    """The kiosk's own submit, ticket desk and sync pass against this server."""
    centre = server.create_centre()
    kiosk = KioskServices(Settings(server_url=server.url), prepare_data_dir(tmp_path / "kiosk"))
    kiosk.open()
    try:
        form = kiosk.forms.get(FORM_ID)
        catalogue, _ = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")
        with server.db.transaction() as session:
            publishing.publish_catalogue(session, centre, catalogue, now=utc_now())
            publishing.publish_form(session, centre, form, now=utc_now())
        kiosk.sync.enrol(server.create_code(centre))
        assert kiosk.sync.sync_once().outcome == "ok"
        with kiosk.db.transaction() as session:  # open whenever the test runs
            session.execute(update(QueueService).values(opening_hours=ALL_DAY))
        consent = kiosk.consent.agree(Language.VIETNAMESE, {PREPARE_DECLARATION, CONTACT_PHONE})
        filed = kiosk.declarations.submit(
            form, form.procedures[0], KHAI_SINH_ANSWERS, consent=consent
        )
        # As the ticket screen does after a declaration: the reference is handed over, and
        # a priority ticket drops it.
        priority = kiosk.tickets.issue("A", priority=True, declaration_reference=filed.reference)
        ordinary = kiosk.tickets.issue("A", declaration_reference=filed.reference)
        report = kiosk.sync.sync_once()
        assert (report.outcome, report.pending) == ("ok", 0), report
    finally:
        kiosk.close()
    with server.db.transaction() as session:
        dossier = session.get(Dossier, filed.id)
        assert dossier is not None
        assert dossier.consent == consent.to_json()
        first = session.get(Ticket, priority.id)
        second = session.get(Ticket, ordinary.id)
        assert first is not None
        assert second is not None
        assert (first.priority, first.dossier_reference) == (True, None)
        assert (second.priority, second.dossier_reference) == (False, filed.reference)
        kept = session.scalars(select(ReceivedEntry).where(ReceivedEntry.entity_id == priority.id))
        assert [entry.payload["dossier_reference"] for entry in kept] == [None]
