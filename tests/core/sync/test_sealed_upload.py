"""The outbox is sealed on the kiosk and plain on the wire; what cannot be opened is not sent."""

from __future__ import annotations

import uuid

from kiosk.services import KioskServices
from tests.conftest import STAFF_PIN
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import ANSWERS, add_declaration, outbox_rows


def _stored_payload(kiosk: KioskServices, entry_id: uuid.UUID) -> str:
    with kiosk.db.engine.connect() as connection:
        value = connection.exec_driver_sql(
            "SELECT payload FROM outbox WHERE entry_id = ?", (entry_id.hex,)
        ).scalar()
    assert isinstance(value, str)
    return value


def test_the_server_receives_the_plain_payload_the_kiosk_keeps_sealed(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    declaration_id = add_declaration(enrolled, 1)
    entry = outbox_rows(enrolled)[0]
    stored = _stored_payload(enrolled, entry.entry_id)
    assert stored.startswith("mck1.")
    assert ANSWERS["full_name"] not in stored

    report = enrolled.sync.sync_once()

    assert report.push.accepted == 1, report
    (received,) = double.received
    assert (received.id, received.entity_id) == (entry.entry_id, declaration_id)
    assert received.payload["answers"] == ANSWERS
    assert received.payload["reference"] == "HS-1-250310-0001"


def test_a_payload_that_cannot_be_opened_is_never_sent_and_waits_for_staff(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    add_declaration(enrolled, 1)
    add_declaration(enrolled, 2)
    first, second = outbox_rows(enrolled)
    stored = _stored_payload(enrolled, first.entry_id)
    with enrolled.db.engine.begin() as connection:  # its key lost, or a byte changed
        connection.exec_driver_sql(
            "UPDATE outbox SET payload = ? WHERE entry_id = ?",
            (stored[:-4] + ("AAAA" if not stored.endswith("AAAA") else "BBBB"), first.entry_id.hex),
        )

    report = enrolled.sync.sync_once()

    assert (report.push.accepted, report.push.rejected) == (1, 1)
    assert [item.id for item in double.received] == [second.entry_id], "nothing sent empty"
    enrolled.staff.set_pin(STAFF_PIN)
    (refused,) = enrolled.refused.entries(enrolled.staff.unlock(STAFF_PIN))
    assert refused.subject == "HS-1-250310-0001"
    assert refused.reason is not None
    assert "cannot be opened" in refused.reason
