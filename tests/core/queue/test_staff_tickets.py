"""Staff at the tickets: reprint by number or id, void with a reason, the recent list."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.audit import AuditLog
from kiosk.errors import ReasonMissingError, ReasonTooLongError
from kiosk.queue.errors import TicketNotFoundError, TicketVoidedError
from kiosk.queue.numbering import parse_label
from kiosk.queue.tickets import MAX_RECENT, TicketService
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant
from kiosk.staff.reason import MAX_REASON_LENGTH
from tests.core.conftest import FakeClock


@pytest.mark.parametrize(
    ("typed", "parsed"),
    [
        ("A-012", ("A", 12)),
        ("A012", ("A", 12)),
        ("a012", ("A", 12)),
        (" a 12 ", ("A", 12)),
        ("A - 012", ("A", 12)),
        ("A–012", ("A", 12)),
        ("ab-7", ("AB", 7)),
        ("CCCC999", ("CCCC", 999)),
    ],
)
def test_a_label_is_read_as_staff_type_it(typed: str, parsed: tuple[str, int]) -> None:
    assert parse_label(typed) == parsed


@pytest.mark.parametrize("typed", ["", "A", "012", "A-000", "A-1000", "ABCDE-1", "A-1B", "1A"])
def test_what_is_not_a_label_is_none(typed: str) -> None:
    assert parse_label(typed) is None


def test_reprint_finds_todays_ticket_by_its_number_in_any_spelling_or_by_id(
    tickets: TicketService, audit: AuditLog, staff_grant: StaffGrant
) -> None:
    issued = [tickets.issue("A") for _ in range(12)]
    twelfth = issued[-1]
    assert twelfth.label == "A-012"
    for typed in ("A012", "a-012", " A 12 ", str(twelfth.id), twelfth.id):
        assert tickets.reprint(staff_grant, typed).id == twelfth.id
    entry = audit.recent(1)[0]
    assert (entry.actor, entry.action) == ("staff", "ticket.reprint")
    assert entry.detail == {"ticket_id": str(twelfth.id), "label": "A-012", "reprints": 5}


def test_only_todays_numbers_are_found_by_label(
    tickets: TicketService, staff_grant: StaffGrant, clock: FakeClock
) -> None:
    yesterday = tickets.issue("B")
    clock.advance(timedelta(days=1))
    with pytest.raises(TicketNotFoundError) as missing:
        tickets.reprint(staff_grant, "B001")
    assert "B001" in missing.value.message.render()
    # Yesterday's ticket is still there by its id (from the staff list).
    assert tickets.reprint(staff_grant, yesterday.id).label == "B-001"


def test_void_needs_a_reason_trimmed_and_short(
    tickets: TicketService, audit: AuditLog, staff_grant: StaffGrant
) -> None:
    ticket = tickets.issue("C")
    for blank in ("", "   ", "\n\t"):
        with pytest.raises(ReasonMissingError):
            tickets.void(staff_grant, "C-001", blank)
    with pytest.raises(ReasonTooLongError) as too_long:
        tickets.void(staff_grant, "C-001", "x" * (MAX_REASON_LENGTH + 1))
    assert str(MAX_REASON_LENGTH) in too_long.value.message.render()
    assert tickets.find(ticket.id).print_status == "pending"  # nothing happened yet

    voided = tickets.void(staff_grant, "c 1", "  công dân\n  lấy nhầm  quầy ")
    assert voided.print_status == "voided"
    entry = audit.recent(1)[0]
    assert entry.detail == {
        "ticket_id": str(ticket.id),
        "label": "C-001",
        "reason": "công dân lấy nhầm quầy",
    }
    # A second void changes nothing and is not audited again.
    assert tickets.void(staff_grant, "C-001", "lần nữa").print_status == "voided"
    assert audit.recent(1)[0] == entry


def test_a_voided_ticket_cannot_be_reprinted(
    tickets: TicketService, audit: AuditLog, staff_grant: StaffGrant
) -> None:
    tickets.issue("A")
    tickets.void(staff_grant, "A-001", "in trùng")
    with pytest.raises(TicketVoidedError) as refused:
        tickets.reprint(staff_grant, "A001")
    assert "A-001" in refused.value.message.render()
    assert audit.recent(1)[0].action == "ticket.void"


def test_recent_lists_the_last_tickets_newest_first_voided_included(
    tickets: TicketService, staff_grant: StaffGrant, clock: FakeClock
) -> None:
    for code in ("A", "B", "A", "C"):
        tickets.issue(code)
        clock.advance(timedelta(minutes=1))
    tickets.void(staff_grant, "B-001", "bấm nhầm")
    listed = tickets.recent(staff_grant, 3)
    assert [t.label for t in listed] == ["C-001", "A-002", "B-001"]
    assert [t.print_status for t in listed] == ["pending", "pending", "voided"]
    assert listed[0].service_name
    assert [t.label for t in tickets.recent(staff_grant)] == ["C-001", "A-002", "B-001", "A-001"]
    assert len(tickets.recent(staff_grant, MAX_RECENT + 50)) == 4


def test_tickets_issued_in_the_same_instant_list_in_issue_order(
    tickets: TicketService, staff_grant: StaffGrant
) -> None:
    for _ in range(3):
        tickets.issue("A")
    assert [t.label for t in tickets.recent(staff_grant, 2)] == ["A-003", "A-002"]


def test_a_reprint_goes_to_paper_exactly_as_the_ticket_was_issued(
    services: KioskServices, staff_pin: str
) -> None:
    grant = services.staff.unlock(staff_pin)
    issued = services.desk.take("A")
    assert issued.print_status == "printed"
    printouts = services.paths.printouts
    first_jobs = sorted(printouts.glob("*.bin"))
    assert len(first_jobs) == 1

    reprinted = services.desk.reprint(grant, "a001")

    assert reprinted.print_status == "printed"
    jobs = sorted(printouts.glob("*.bin"))
    assert len(jobs) == 2
    (again,) = set(jobs) - set(first_jobs)
    assert Path(again).read_bytes() == first_jobs[0].read_bytes()
    newest = services.audit.recent(1)[0]
    assert (newest.actor, newest.action, newest.detail["label"]) == (
        "staff",
        "ticket.reprint",
        "A-001",
    )
