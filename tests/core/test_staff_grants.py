"""Staff permission is checked in the core: every staff-only call wants a live grant."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.errors import (
    StaffAccessError,
    StaffGrantForgedError,
    StaffGrantMissingError,
    StaffGrantRevokedError,
)
from kiosk.paths import PROJECT_ROOT
from kiosk.services import KioskServices
from kiosk.staff import StaffAccess, StaffGrant
from tests.conftest import FIXED_NOW
from tests.consent import AGREED

StaffCall = Callable[[KioskServices, StaffGrant | None], Any]

#: Every staff-only call, each aimed at something that exists (see ``kiosk_with_work``).
STAFF_CALLS: dict[str, StaffCall] = {
    "tickets.reprint": lambda s, g: s.tickets.reprint(g, "A-001"),
    "desk.reprint": lambda s, g: s.desk.reprint(g, "A-001"),
    "tickets.void": lambda s, g: s.tickets.void(g, "A-001", "in trùng"),
    "tickets.recent": lambda s, g: s.tickets.recent(g),
    "declarations.lookup": lambda s, g: s.declarations.lookup(g, "TK-1-250310-0001"),
    "declarations.form_pdf": lambda s, g: s.declarations.form_pdf(g, "TK-1-250310-0001"),
    "declarations.print_form_for_staff": lambda s, g: s.declarations.print_form_for_staff(
        g, "TK-1-250310-0001", "Phong-Tiep-Nhan"
    ),
    "refused.entries": lambda s, g: s.refused.entries(g),
    "refused.retry": lambda s, g: s.refused.retry(g, 2),
    "refused.discard": lambda s, g: s.refused.discard(g, 2, "trùng hồ sơ"),
    "staff.audit_entries": lambda s, g: s.staff.audit_entries(g),
    "staff.record": lambda s, g: s.staff.record(g, "staff.sync_now"),
}


@pytest.fixture
def kiosk_with_work(services: KioskServices, staff_pin: str) -> KioskServices:
    """Ticket A-001 issued, declaration TK-1-250310-0001 submitted and refused (entry 2)."""
    services.tickets.issue("A")
    form = services.forms.get(FORM_ID)
    services.declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
    with services.db.transaction() as session:
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.entity_type == "dossier")
            .values(rejected_at=FIXED_NOW, last_error="procedure not offered")
        )
    return services


def _state(services: KioskServices) -> tuple[object, ...]:
    """What a refused call must leave as it was: audit, tickets, the outbox, the answers."""
    with services.db.transaction() as session:
        answers = session.scalars(select(Declaration.answers)).one()
        outbox = [
            (row.sequence, row.rejected_at, row.discarded_at)
            for row in session.scalars(select(OutboxEntry).order_by(OutboxEntry.sequence))
        ]
    ticket = services.tickets.find("A-001")
    audit = [(entry.action, dict(entry.detail)) for entry in services.audit.recent(100)]
    return audit, ticket.print_status, outbox, answers


def _bad_grants(services: KioskServices) -> list[tuple[StaffGrant | None, type[StaffAccessError]]]:
    revoked = services.staff.unlock("246810")
    services.staff.lock(revoked)
    live = services.staff.unlock("246810")
    elsewhere = StaffAccess(services.db, services.audit, services.clock)
    return [
        (None, StaffGrantMissingError),
        (revoked, StaffGrantRevokedError),
        (StaffGrant("staff", FIXED_NOW, "0" * 64), StaffGrantForgedError),
        (elsewhere.grant_for_command_line(), StaffGrantForgedError),
        (dataclasses.replace(live, actor="it"), StaffGrantForgedError),
        (
            dataclasses.replace(live, unlocked_at=FIXED_NOW - timedelta(days=1)),
            StaffGrantForgedError,
        ),
    ]


@pytest.mark.parametrize("name", sorted(STAFF_CALLS))
def test_every_staff_call_refuses_a_missing_revoked_or_forged_grant_and_changes_nothing(
    kiosk_with_work: KioskServices, name: str
) -> None:
    call = STAFF_CALLS[name]
    bad = _bad_grants(kiosk_with_work)
    before = _state(kiosk_with_work)
    for grant, error in bad:
        with pytest.raises(error) as refused:
            call(kiosk_with_work, grant)
        assert refused.value.message.render()  # a sentence staff can read
    assert _state(kiosk_with_work) == before


def test_the_refusals_say_what_to_do(kiosk_with_work: KioskServices) -> None:
    bad = {error: grant for grant, error in _bad_grants(kiosk_with_work)}
    said = {}
    for error, grant in bad.items():
        with pytest.raises(error) as refused:
            kiosk_with_work.tickets.recent(grant)
        said[error] = refused.value.message.render()
    assert "mở khóa chế độ cán bộ" in said[StaffGrantMissingError]
    assert "đã khóa" in said[StaffGrantRevokedError]
    assert "không hợp lệ" in said[StaffGrantForgedError]


def test_a_live_grant_acts_in_its_actors_name(kiosk_with_work: KioskServices) -> None:
    at_the_kiosk = kiosk_with_work.staff.unlock("246810")
    at_the_shell = kiosk_with_work.staff.grant_for_command_line()
    kiosk_with_work.tickets.reprint(at_the_kiosk, "A-001")
    kiosk_with_work.declarations.lookup(at_the_shell, "TK-1-250310-0001")
    newest, before = kiosk_with_work.audit.recent(2)
    assert (newest.actor, newest.action) == ("it", "declaration.show")
    assert (before.actor, before.action) == ("staff", "ticket.reprint")
    assert at_the_kiosk.actor == "staff"
    assert at_the_kiosk.unlocked_at == FIXED_NOW
    assert at_the_kiosk.token not in repr(at_the_kiosk)


def test_locking_revokes_once_and_is_audited_once(kiosk_with_work: KioskServices) -> None:
    staff = kiosk_with_work.staff
    first = staff.unlock("246810")
    second = staff.unlock("246810")
    staff.lock(first)
    staff.lock(first)  # the idle reset after the lock button: nothing more happens
    staff.lock(None)
    actions = [entry.action for entry in kiosk_with_work.audit.recent(3)]
    assert actions == ["staff.lock", "staff.unlock", "staff.unlock"]
    with pytest.raises(StaffGrantRevokedError):
        staff.require(first)
    assert staff.require(second) == "staff"  # another unlock stands on its own


def test_a_lock_as_the_kiosk_closes_still_revokes_the_grant(
    kiosk_with_work: KioskServices, caplog: pytest.LogCaptureFixture
) -> None:
    """The window's last lock may come after the database closed (a visit ended by a
    late timer): the grant is refused all the same, and the missing audit line is said."""
    staff = kiosk_with_work.staff
    grant = staff.unlock("246810")
    kiosk_with_work.close()
    try:
        staff.lock(grant)
        with pytest.raises(StaffGrantRevokedError):
            staff.require(grant)
        assert "not audited" in caplog.text
    finally:
        kiosk_with_work.open()  # the fixture closes it again


def test_a_made_up_grant_cannot_be_locked_into_the_audit_log(
    kiosk_with_work: KioskServices,
) -> None:
    before = kiosk_with_work.audit.recent(1)
    kiosk_with_work.staff.lock(StaffGrant("staff", FIXED_NOW, "0" * 64))
    assert kiosk_with_work.audit.recent(1) == before


def test_a_restart_means_unlocking_again(
    settings_factory: Callable[..., Settings], kiosk_with_work: KioskServices
) -> None:
    grant = kiosk_with_work.staff.unlock("246810")
    paths = kiosk_with_work.paths
    kiosk_with_work.close()
    restarted = KioskServices(settings_factory(), paths, clock=lambda: FIXED_NOW)
    restarted.open()
    try:
        with pytest.raises(StaffGrantForgedError):
            restarted.tickets.recent(grant)
        again = restarted.staff.unlock("246810")
        assert [t.label for t in restarted.tickets.recent(again)] == ["A-001"]
    finally:
        restarted.close()
        kiosk_with_work.open()  # the fixture closes it again


def test_staff_read_the_audit_log_newest_first(kiosk_with_work: KioskServices) -> None:
    grant = kiosk_with_work.staff.unlock("246810")
    entries = kiosk_with_work.staff.audit_entries(grant, limit=3)
    assert [entry.action for entry in entries] == [
        "staff.unlock",
        "declaration.submit",
        "staff.member_added",
    ]


def test_only_the_command_line_takes_a_grant_without_a_pin() -> None:
    """``grant_for_command_line`` is IT's door; no screen or service may use it."""
    callers = []
    for package in ("kiosk", "ui"):
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "grant_for_command_line"
                ):
                    callers.append(path.relative_to(PROJECT_ROOT))
    assert callers, "the command line takes its grant through grant_for_command_line"
    assert {path.parent for path in callers} == {Path("kiosk/cli")}
