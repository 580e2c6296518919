"""What the fault tests do to kiosks, and how they count what reached the server."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.db.models import Declaration, OutboxEntry, Ticket
from kiosk.services import KioskServices
from kiosk.sync.api import SyncReport
from server.db.models import Dossier as ReceivedDossier
from server.db.models import ReceivedEntry
from server.db.models import Ticket as ReceivedTicket
from tests.consent import AGREED

if TYPE_CHECKING:
    from tests.centre_server import CentreServer

#: 09:00 on Monday 10 March 2025 in Hà Nội: every queue is open, the birth date valid.
MONDAY_MORNING = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
QUEUES = ("A", "B", "C")


def file_entries(kiosk: KioskServices, *, dossiers: int, tickets: int) -> None:
    """Submit ``dossiers`` birth registrations and issue ``tickets``, interleaved.

    The real ``DeclarationService.submit`` with the bundled ``khai-sinh`` form and the real
    ``TicketService.issue`` (spread over the queues), so the outbox holds exactly what
    a day at the kiosk would put there.
    """
    form = kiosk.forms.get(FORM_ID)
    for number in range(max(dossiers, tickets)):
        if number < dossiers:
            kiosk.declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
        if number < tickets:
            kiosk.tickets.issue(QUEUES[number % len(QUEUES)])


def sync_until_drained(kiosk: KioskServices, passes: int = 5) -> list[SyncReport]:
    """Sync passes until one ends ``ok`` with nothing pending; at most ``passes``."""
    reports: list[SyncReport] = []
    for _ in range(passes):
        reports.append(kiosk.sync.sync_once())
        if reports[-1].outcome == "ok" and reports[-1].pending == 0:
            break
    return reports


@dataclass(frozen=True)
class KioskRecord:
    """What a kiosk holds: every id it made, and what is still waiting."""

    dossier_ids: Counter[uuid.UUID]
    references: Counter[str]
    ticket_ids: Counter[uuid.UUID]
    entry_ids: Counter[uuid.UUID]
    unacknowledged: int
    dossiers_not_received: int


def kiosk_record(kiosk: KioskServices) -> KioskRecord:
    with kiosk.db.transaction() as session:
        dossiers = list(
            session.execute(select(Declaration.id, Declaration.reference, Declaration.status))
        )
        tickets = list(session.scalars(select(Ticket.id)))
        entries = list(session.execute(select(OutboxEntry.entry_id, OutboxEntry.acknowledged_at)))
    return KioskRecord(
        dossier_ids=Counter(row.id for row in dossiers),
        references=Counter(row.reference for row in dossiers),
        ticket_ids=Counter(tickets),
        entry_ids=Counter(row.entry_id for row in entries),
        unacknowledged=sum(1 for row in entries if row.acknowledged_at is None),
        dossiers_not_received=sum(1 for row in dossiers if row.status != "received"),
    )


@dataclass(frozen=True)
class ServerRecord:
    """What the centre's database holds for the test's centre."""

    dossier_ids: Counter[uuid.UUID]
    references: Counter[str]
    ticket_ids: Counter[uuid.UUID]
    ticket_labels: Counter[str]
    entry_ids: Counter[uuid.UUID]
    outcomes: Counter[str]


def server_record(server: CentreServer) -> ServerRecord:
    centre = server.centre_id
    with server.db.transaction() as session:
        dossiers = list(
            session.execute(
                select(ReceivedDossier.id, ReceivedDossier.reference).where(
                    ReceivedDossier.centre_id == centre
                )
            )
        )
        tickets = list(
            session.execute(
                select(ReceivedTicket.id, ReceivedTicket.label).where(
                    ReceivedTicket.centre_id == centre
                )
            )
        )
        entries = list(
            session.execute(
                select(ReceivedEntry.entry_id, ReceivedEntry.outcome).where(
                    ReceivedEntry.centre_id == centre
                )
            )
        )
    return ServerRecord(
        dossier_ids=Counter(row.id for row in dossiers),
        references=Counter(row.reference for row in dossiers),
        ticket_ids=Counter(row.id for row in tickets),
        ticket_labels=Counter(row.label for row in tickets),
        entry_ids=Counter(row.entry_id for row in entries),
        outcomes=Counter(row.outcome for row in entries),
    )


def assert_each_exactly_once(server: CentreServer, *kiosks: KioskServices, note: str = "") -> None:
    """Every dossier, ticket and outbox entry of ``kiosks`` is on the server once, and
    nothing else is; the kiosks wait for nothing and hold nothing refused."""
    received = server_record(server)
    held = [kiosk_record(kiosk) for kiosk in kiosks]
    dossiers = sum((record.dossier_ids for record in held), Counter[uuid.UUID]())
    references = sum((record.references for record in held), Counter[str]())
    tickets = sum((record.ticket_ids for record in held), Counter[uuid.UUID]())
    entries = sum((record.entry_ids for record in held), Counter[uuid.UUID]())
    assert received.dossier_ids == dossiers, f"dossiers differ {note}"
    assert all(count == 1 for count in received.dossier_ids.values()), f"stored twice {note}"
    assert all(count == 1 for count in received.ticket_ids.values()), f"stored twice {note}"
    assert received.references == references, f"references differ {note}"
    assert received.ticket_ids == tickets, f"tickets differ {note}"
    assert received.entry_ids == entries, f"outbox entries differ {note}"
    assert received.outcomes == Counter({"accepted": sum(entries.values())}), note
    for record in held:
        assert record.unacknowledged == 0, f"entries still pending on a kiosk {note}"
        assert record.dossiers_not_received == 0, f"a dossier not marked received {note}"
