"""Issuing, voiding and reprinting số thứ tự: limits, hours, audit and the outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

import kiosk.queue.tickets as tickets_module
from kiosk.audit import AuditLog
from kiosk.db import Database
from kiosk.db.models import NumberLease, OutboxEntry, Ticket
from kiosk.queue.errors import (
    ClosedForTodayError,
    DailyLimitError,
    TicketNotFoundError,
    TicketVoidedError,
    UnknownPriorityError,
    UnknownServiceError,
)
from kiosk.queue.tickets import TicketService
from kiosk.staff import StaffGrant
from tests.core.conftest import FakeClock
from tests.core.queue.conftest import set_queue
from wire.i18n import QT_TRANSLATE_NOOP


def _count(db: Database, model: Any) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_queue_views_show_waiting_open_full_and_priority_groups(
    db: Database, tickets: TicketService
) -> None:
    tickets.issue("A")
    tickets.issue("A")
    views = {view.code: view for view in tickets.services()}
    assert list(views) == ["A", "B", "C"]
    assert views["A"].waiting == 2
    assert views["B"].waiting == 0
    assert views["A"].open_now
    assert not views["A"].full
    assert views["A"].name == "Tư pháp – Hộ tịch"
    assert views["A"].counters == (1, 2)
    assert len(views["A"].priority_groups) == 4
    assert "nguoi_co_cong" not in views["C"].priority_groups


def test_daily_limit_says_no_more_numbers_today(
    db: Database, tickets: TicketService, staff_grant: StaffGrant
) -> None:
    set_queue(db, "B", daily_limit=2)
    tickets.issue("B")
    second = tickets.issue("B")
    with pytest.raises(DailyLimitError) as raised:
        tickets.issue("B")
    assert raised.value.message.render().startswith("Hôm nay đã hết số cho dịch vụ này")
    assert next(v for v in tickets.services() if v.code == "B").full
    # Voiding frees a place at the counter, never the number: the next one is B-003.
    tickets.void(staff_grant, second.id, "bấm nhầm")
    assert tickets.issue("B").label == "B-003"


def test_a_voided_ticket_keeps_its_number_and_is_audited(
    db: Database, tickets: TicketService, audit: AuditLog, staff_grant: StaffGrant
) -> None:
    first = tickets.issue("A")
    voided = tickets.void(staff_grant, first.id, "in trùng")
    assert voided.print_status == "voided"
    assert voided.label == "A-001"
    assert tickets.find("A-001").print_status == "voided"
    after = tickets.issue("A")
    assert after.label == "A-002"
    assert after.people_ahead == 0  # a voided ticket is nobody waiting
    entry = audit.recent()[0]
    assert (entry.actor, entry.action) == ("staff", "ticket.void")
    assert entry.detail["label"] == "A-001"
    assert entry.detail["reason"] == "in trùng"
    with db.transaction() as session:
        operations = session.scalars(
            select(OutboxEntry.operation).where(OutboxEntry.entity_id == first.id)
        ).all()
    assert operations == ["create", "update"]
    with pytest.raises(TicketVoidedError):
        tickets.reprint(staff_grant, first.id)


def test_reprint_is_counted_and_audited(
    tickets: TicketService, audit: AuditLog, staff_grant: StaffGrant
) -> None:
    ticket = tickets.issue("C")
    tickets.reprint(staff_grant, ticket.id)
    tickets.reprint(staff_grant, ticket.id)
    entries = audit.recent(2)
    assert [e.action for e in entries] == ["ticket.reprint", "ticket.reprint"]
    assert entries[0].detail == {"ticket_id": str(ticket.id), "label": "C-001", "reprints": 2}


def test_print_outcome_is_recorded_with_a_translatable_message(tickets: TicketService) -> None:
    ticket = tickets.issue("A")
    error = QT_TRANSLATE_NOOP("Errors", "Máy in hết giấy ở {uri}.").with_params(uri="tcp://x")
    failed = tickets.mark_failed(ticket.id, error)
    assert failed.print_status == "failed"
    assert tickets.find(ticket.id).print_error == error
    printed = tickets.mark_printed(ticket.id)
    assert printed.print_status == "printed"
    assert printed.print_error is None


def test_find_by_label_or_id(tickets: TicketService) -> None:
    ticket = tickets.issue("B", declaration_reference="HS-KIOSK-01-0001")
    assert tickets.find("b-001") == tickets.find(str(ticket.id)) == tickets.find(ticket.id)
    assert tickets.find("B-001").declaration_reference == "HS-KIOSK-01-0001"
    assert tickets.find("B-001").priority is False
    for missing in ("B-002", "Z-001", "nonsense"):
        with pytest.raises(TicketNotFoundError):
            tickets.find(missing)


def test_unknown_queue_or_priority_is_refused_and_takes_no_number(
    db: Database, tickets: TicketService
) -> None:
    with pytest.raises(UnknownServiceError):
        tickets.issue("Z")
    set_queue(db, "C", priority_groups=[])
    with pytest.raises(UnknownPriorityError):
        tickets.issue("C", priority=True)  # C serves no priority groups now
    assert _count(db, Ticket) == 0
    assert tickets.issue("C").label == "C-001"


def test_tickets_before_opening_yes_after_the_last_span_no(
    tickets: TicketService, clock: FakeClock
) -> None:
    clock.now = datetime(2025, 3, 9, 23, 30, tzinfo=UTC)  # 06:30 Monday in Hà Nội
    early = tickets.issue("A")
    assert early.label == "A-001"
    assert not next(v for v in tickets.services() if v.code == "A").open_now
    clock.now = datetime(2025, 3, 10, 5, 0, tzinfo=UTC)  # 12:00, lunch break
    assert tickets.issue("A").label == "A-002"
    clock.now = datetime(2025, 3, 10, 10, 30, tzinfo=UTC)  # 17:30, closed for the day
    with pytest.raises(ClosedForTodayError):
        tickets.issue("A")
    clock.now = datetime(2025, 3, 16, 2, 0, tzinfo=UTC)  # Sunday 09:00
    with pytest.raises(ClosedForTodayError):
        tickets.issue("A")


def test_the_outbox_entry_is_written_with_the_ticket_and_carries_no_personal_data(
    db: Database, tickets: TicketService
) -> None:
    ticket = tickets.issue("A", declaration_reference="HS-1")
    with db.transaction() as session:
        entry = session.scalars(select(OutboxEntry)).one()
    assert (entry.entity_type, entry.entity_id, entry.operation) == ("ticket", ticket.id, "create")
    assert entry.payload == {
        "id": str(ticket.id),
        "service_code": "A",
        "service_day": "2025-03-10",
        "number": 1,
        "label": "A-001",
        "issued_at": "2025-03-10T02:00:00+00:00",
        "people_ahead": 0,
        "priority": False,
        "dossier_reference": "HS-1",
        "kiosk_name": "KIOSK-01",
    }


def test_a_failed_outbox_write_rolls_the_ticket_and_its_number_back(
    db: Database, tickets: TicketService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_outbox: Callable[..., object] = tickets_module.add_outbox_entry

    class DiskFullError(Exception):
        pass

    def outbox_then_crash(*args: Any, **kwargs: Any) -> None:
        real_outbox(*args, **kwargs)
        raise DiskFullError

    monkeypatch.setattr(tickets_module, "add_outbox_entry", outbox_then_crash)
    with pytest.raises(DiskFullError):
        tickets.issue("A")
    assert _count(db, Ticket) == 0
    assert _count(db, OutboxEntry) == 0
    assert _count(db, NumberLease) == 0
    monkeypatch.undo()
    assert tickets.issue("A").label == "A-001"  # the number was never used
