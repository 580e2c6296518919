"""The server's bulk receipt of a batch answers and stores what entry-by-entry receipt would.

``server.outbox.receive`` judges a whole batch from a few queries and writes it with
multi-row INSERTs; the one-entry-at-a-time path (each entry in its own savepoint) is
what it falls back on after a conflict. Random batches full of awkward cases (retries,
an entry repeated within a batch, a ticket and its void together, a reference or an
account used twice, another kiosk's entry id, another centre's ticket, payloads the
protocol refuses) go to two identical servers, one through each path: the answers and
the stored rows must be the same.
"""

from __future__ import annotations

import json
import logging
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import select

from server import devices, outbox, publishing
from server.db import Database
from server.db.models import Dossier, ReceivedEntry, Ticket
from server.devices import AuthenticatedDevice
from tests.server.samples import (
    account_payload,
    dossier_payload,
    form_definition,
    outbox_item,
    ticket_payload,
    upload_catalogue,
)
from wire import protocol
from wire.forms import FormDefinition

_FORM = msgspec.convert(form_definition(), FormDefinition)

BATCHES = 30
#: The server refuses times more than a day ahead of its clock, and the samples are
#: stamped with the real time.
NOW = datetime.now(UTC)

Receive = Callable[[Any, AuthenticatedDevice, protocol.OutboxBatch], list[protocol.EntryResult]]


def _bulk(session: Any, device: AuthenticatedDevice, batch: protocol.OutboxBatch) -> list[Any]:
    return list(outbox.receive(session, device, batch, now=NOW).results)


def _one_by_one(
    session: Any, device: AuthenticatedDevice, batch: protocol.OutboxBatch
) -> list[Any]:
    seen = outbox._seen(session, [item.id for item in batch.entries])
    return [outbox._receive_one(session, device, item, NOW, seen) for item in batch.entries]


class Centre:
    """A server database with two centres: two kiosks at the first, one at the second."""

    def __init__(self, path: Path) -> None:
        self.db = Database(f"sqlite:///{path}")
        self.db.open()
        self.devices: list[AuthenticatedDevice] = []
        for centre_number, kiosks in ((1, 2), (2, 1)):
            with self.db.transaction() as session:
                centre = devices.create_centre(session, f"Trung tâm {centre_number}", now=NOW).id
                # The queues and the form the samples upload against.
                publishing.publish_catalogue(session, centre, upload_catalogue(), now=NOW)
                publishing.publish_form(session, centre, _FORM, now=NOW)
            for kiosk_number in range(1, kiosks + 1):
                with self.db.transaction() as session:
                    code, _ = devices.create_enrolment_code(
                        session, centre, now=NOW, valid_for=timedelta(hours=1)
                    )
                    enrolled = devices.enrol(
                        session,
                        protocol.EnrolRequest(
                            code=code,
                            kiosk_name=f"K{kiosk_number}",
                            kiosk_number=kiosk_number,
                            app_version="1",
                        ),
                        now=NOW,
                    )
                self.devices.append(
                    AuthenticatedDevice(
                        enrolled.device_id, centre, f"K{kiosk_number}", kiosk_number
                    )
                )

    def receive(self, receive: Receive, sender: int, batch: protocol.OutboxBatch) -> list[Any]:
        with self.db.transaction() as session:
            return [
                (result.id, result.outcome, result.error)
                for result in receive(session, self.devices[sender], batch)
            ]

    def stored(self) -> dict[str, Any]:
        """Everything received, without the ids each database gave its devices."""
        with self.db.transaction() as session:
            return {
                "entries": sorted(
                    (row.entry_id, row.outcome, row.error, row.sequence)
                    for row in session.execute(
                        select(
                            ReceivedEntry.entry_id,
                            ReceivedEntry.outcome,
                            ReceivedEntry.error,
                            ReceivedEntry.sequence,
                        )
                    )
                ),
                "tickets": sorted(
                    (row.id, row.status, row.voided_at, row.label)
                    for row in session.execute(
                        select(Ticket.id, Ticket.status, Ticket.voided_at, Ticket.label)
                    )
                ),
                "dossiers": sorted(
                    (row.id, row.reference, json.dumps(row.answers, sort_keys=True))
                    for row in session.execute(
                        select(Dossier.id, Dossier.reference, Dossier.answers)
                    )
                ),
            }


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[Centre, Centre]]:
    pair = (Centre(tmp_path / "bulk.db"), Centre(tmp_path / "one-by-one.db"))
    yield pair
    for centre in pair:
        centre.db.close()


class BatchMaker:
    """Random outbox batches that keep coming back to what was sent before."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sent: list[dict[str, Any]] = []
        self.tickets: list[str] = []
        self.references: list[str] = []
        self.dossiers: list[dict[str, Any]] = []
        self.accounts: list[dict[str, Any]] = []

    def batch(self) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = []
        for _ in range(self.rng.randint(1, 25)):
            entry = self.entry()
            entries.append(entry)
            if self.rng.random() < 0.05:
                entries.append(entry)  # the same entry twice in one batch
        self.sent += entries
        return entries

    def entry(self) -> dict[str, Any]:  # noqa: PLR0911  # one branch per awkward case
        rng = self.rng
        choice = rng.randrange(12)
        if choice == 0 and self.sent:
            return rng.choice(self.sent)  # a retry, maybe from another kiosk
        if choice == 1 and self.tickets:
            void = {"id": rng.choice(self.tickets), "status": "voided", "voided_at": _time(rng)}
            return outbox_item("ticket", "update", void)
        if choice == 2:
            void = {"id": str(uuid.uuid4()), "status": "voided", "voided_at": _time(rng)}
            return outbox_item("ticket", "update", void)  # a ticket never received
        if choice == 3 and self.tickets:
            return outbox_item(
                "ticket", "create", {**ticket_payload(5), "id": rng.choice(self.tickets)}
            )
        if choice == 4 and self.references:
            return outbox_item("dossier", "create", dossier_payload(rng.choice(self.references)))
        if choice == 5 and self.dossiers:
            reused = {**rng.choice(self.dossiers), "reference": _reference(rng)}
            return outbox_item("dossier", "create", reused)  # a dossier id already used
        if choice == 6:
            account = rng.choice(self.accounts) if self.accounts and rng.random() < 0.5 else None
            if account is None:
                account = account_payload()
                self.accounts.append(account)
            return outbox_item("account", "create", account)
        if choice == 7:
            naive = ticket_payload(rng.randint(1, 699), issued_at="2026-11-26T08:00:00")
            return outbox_item("ticket", "create", naive)  # a time without its offset
        if choice == 8:
            return outbox_item("dossier", "update", dossier_payload())  # not in the protocol
        if choice == 9:
            return outbox_item("ticket", "create", {**ticket_payload(), "number": "two"})
        if choice == 10:
            dossier = dossier_payload(_reference(rng))
            self.references.append(dossier["reference"])
            self.dossiers.append(dossier)
            return outbox_item("dossier", "create", dossier)
        ticket = ticket_payload(rng.randint(1, 699))
        self.tickets.append(ticket["id"])
        return outbox_item("ticket", "create", ticket)


def _time(rng: random.Random) -> str:
    return (NOW + timedelta(minutes=rng.randint(0, 600))).isoformat()


def _reference(rng: random.Random) -> str:
    return f"HS-{rng.randint(1, 2)}-261126-{rng.randint(1, 60):04d}"


def test_bulk_receipt_answers_and_stores_as_entry_by_entry_receipt_does(
    servers: tuple[Centre, Centre], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="server.outbox")
    bulk, one_by_one = servers
    seed = random.SystemRandom().randrange(2**32)
    maker = BatchMaker(random.Random(seed))
    outcomes: set[str] = set()
    for _ in range(BATCHES):
        entries = maker.batch()
        batch = msgspec.convert({"entries": entries}, protocol.OutboxBatch)
        sender = maker.rng.randrange(3)

        answered = bulk.receive(_bulk, sender, batch)

        assert answered == one_by_one.receive(_one_by_one, sender, batch), f"seed {seed}"
        outcomes |= {outcome for _, outcome, _ in answered}
    assert bulk.stored() == one_by_one.stored(), f"seed {seed}"
    # Alone, a batch never meets a conflict: no answer above came from the fallback.
    assert "concurrent upload" not in caplog.text, f"seed {seed}"
    assert outcomes == {"accepted", "duplicate", "rejected"}, f"seed {seed}"
