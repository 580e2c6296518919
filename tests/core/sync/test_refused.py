"""Refused uploads: staff list them, send one again in its place, or discard it for good."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.changes import Changes
from kiosk.declarations import DeclarationDiscardedError
from kiosk.errors import ReasonMissingError
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant
from kiosk.sync.errors import RefusedEntryNotFoundError
from tests.conftest import STAFF_PIN
from tests.core.conftest import FakeClock
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import (
    ANSWERS,
    account,
    add_account,
    add_declaration,
    declaration,
    outbox_rows,
)

REFUSAL = "procedure 1.001193 is not offered at this centre"
ACCOUNT_DATA = ("Trần Thị Bình", "0987654321")
#: The answers to look for in the files: the phone number is left out, because the
#: bundled forms print that very number as an example.
PERSONAL = (ANSWERS["full_name"], ANSWERS["id_number"])


@pytest.fixture
def grant(enrolled: KioskServices) -> StaffGrant:
    enrolled.staff.set_pin(STAFF_PIN)
    return enrolled.staff.unlock(STAFF_PIN)


def _refuse(double: ProtocolDouble, kiosk: KioskServices, *sequences: int) -> None:
    """Have the server refuse the entries ``sequences`` at the next pass."""
    for row in outbox_rows(kiosk):
        if row.sequence in sequences:
            double.refuse_entries[row.entry_id] = REFUSAL


def _file_bytes(kiosk: KioskServices) -> bytes:
    """Every byte SQLite keeps for the database: the file, its write-ahead log and index."""
    path = kiosk.paths.database
    files = [path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]
    return b"".join(file.read_bytes() for file in files if file.exists())


def _traces(value: str) -> list[bytes]:
    """``value`` as it may sit in the file: UTF-8, or escaped inside stored JSON."""
    return [value.encode(), json.dumps(value).strip('"').encode()]


def _holds(data: bytes, value: str) -> bool:
    return any(trace in data for trace in _traces(value))


def test_the_list_says_what_was_refused_and_why_never_what_was_entered(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant, clock: FakeClock
) -> None:
    ticket = enrolled.tickets.issue("A")
    add_declaration(enrolled, 1)
    add_account(enrolled)
    _refuse(double, enrolled, 1, 2, 3)
    refused_at = clock.now
    enrolled.sync.sync_once()
    clock.advance(timedelta(minutes=5))

    entries = enrolled.refused.entries(grant)

    assert [(e.id, e.entity_type, e.operation, e.subject) for e in entries] == [
        (1, "ticket", "create", ticket.label),
        (2, "dossier", "create", "HS-1-250310-0001"),
        (3, "account", "create", None),
    ]
    assert {e.refused_at for e in entries} == {refused_at}
    assert {e.reason for e in entries} == {REFUSAL}
    assert all(e.attempts == 1 for e in entries)
    shown = repr(entries)
    for personal in (*ANSWERS.values(), *ACCOUNT_DATA):
        assert personal not in shown


def test_retry_sends_the_entry_again_in_its_place_among_the_pending_ones(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant, clock: FakeClock
) -> None:
    for sequence in (1, 2, 3):
        add_declaration(enrolled, sequence)
    _refuse(double, enrolled, 2)
    enrolled.sync.sync_once()
    # The network fails while two more wait behind the refused one.
    double.script("POST", "/v1/outbox", 503)
    add_declaration(enrolled, 4)
    add_declaration(enrolled, 5)
    assert enrolled.sync.sync_once().outcome == "retry"
    assert enrolled.sync.status().rejected == 1
    heard: list[Changes] = []
    enrolled.changes.subscribe(heard.append)

    retried = enrolled.refused.retry(grant, 2)

    assert (retried.id, retried.subject, retried.reason) == (2, "HS-1-250310-0002", REFUSAL)
    assert any(changes.outbox for changes in heard), "the sync worker is woken"
    assert enrolled.refused.entries(grant) == []
    status = enrolled.sync.status()
    assert (status.pending, status.rejected) == (3, 0)
    newest = enrolled.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "outbox.retry")
    assert dict(newest.detail) == {"entry": 2, "entity": "dossier", "subject": "HS-1-250310-0002"}

    double.refuse_entries.clear()  # the cause was fixed on the server
    clock.advance(timedelta(minutes=1))
    report = enrolled.sync.sync_once()

    assert report.outcome == "ok", report.error
    assert double.batches[-1] == [2, 4, 5]
    assert all(row.acknowledged_at is not None for row in outbox_rows(enrolled))
    assert declaration(enrolled, outbox_rows(enrolled)[1].entity_id).status == "received"


def test_discard_closes_the_entry_and_leaves_nothing_personal_in_the_database_files(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant, clock: FakeClock
) -> None:
    refused_id = add_declaration(enrolled, 1)
    _refuse(double, enrolled, 1)
    enrolled.sync.sync_once()
    before = _file_bytes(enrolled)
    for personal in PERSONAL:
        assert _holds(json.dumps(ANSWERS).encode(), personal), "the search finds what is there"
        assert not _holds(before, personal), "sealed at rest, even before the discard"

    clock.advance(timedelta(minutes=3))
    discarded = enrolled.refused.discard(grant, 1, "  công dân nộp lại tại quầy ")

    assert (discarded.id, discarded.subject) == (1, "HS-1-250310-0001")
    data = _file_bytes(enrolled)
    for personal in PERSONAL:
        assert not _holds(data, personal), personal
    # What is not personal stays, so staff can still say what it was.
    closed = declaration(enrolled, refused_id)
    assert closed.answers == {}
    assert (closed.reference, closed.procedure_code, closed.form_id, closed.status) == (
        "HS-1-250310-0001",
        "1.001193",
        "khai-sinh",
        "submitted",
    )
    assert closed.purged_at == clock.now
    row = outbox_rows(enrolled)[0]
    assert row.discarded_at == clock.now
    assert "answers" not in row.payload
    assert row.payload["reference"] == "HS-1-250310-0001"
    assert row.payload["form_version"] == 1
    newest = enrolled.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("staff", "outbox.discard")
    assert dict(newest.detail) == {
        "entry": 1,
        "entity": "dossier",
        "subject": "HS-1-250310-0001",
        "reason": "công dân nộp lại tại quầy",
    }


def test_a_discarded_entry_is_done_with(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant
) -> None:
    add_declaration(enrolled, 1)
    other = add_declaration(enrolled, 2)
    _refuse(double, enrolled, 1)
    enrolled.sync.sync_once()
    enrolled.refused.discard(grant, 1, "trùng hồ sơ")

    assert declaration(enrolled, other).answers == ANSWERS  # only the discarded one is blanked
    assert enrolled.refused.entries(grant) == []
    assert enrolled.sync.status().rejected == 0
    with pytest.raises(RefusedEntryNotFoundError):
        enrolled.refused.retry(grant, 1)
    with pytest.raises(RefusedEntryNotFoundError):
        enrolled.refused.discard(grant, 1, "lần nữa")
    enrolled.sync.sync_once()
    assert [item.sequence for item in double.received] == [1, 2]  # never sent again
    view = enrolled.declarations.lookup(grant, "HS-1-250310-0001")
    assert view.outbox is not None
    assert view.outbox.status == "discarded"
    assert view.outbox.discarded_at is not None
    assert view.answers == {}
    with pytest.raises(DeclarationDiscardedError):
        enrolled.declarations.form_pdf(grant, "HS-1-250310-0001")


def test_discarding_an_account_removes_its_data_too(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant
) -> None:
    account_id = add_account(enrolled)
    _refuse(double, enrolled, 1)
    enrolled.sync.sync_once()

    enrolled.refused.discard(grant, 1, "đăng ký trùng")

    assert account(enrolled, account_id).data == {}
    assert outbox_rows(enrolled)[0].payload == {
        "id": str(account_id),
        "created_at": enrolled.clock().isoformat(),
    }
    data = _file_bytes(enrolled)
    for personal in ACCOUNT_DATA:
        assert not _holds(data, personal), personal


def test_a_discarded_ticket_keeps_its_queue_facts(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant
) -> None:
    ticket = enrolled.tickets.issue("B", priority=True)
    _refuse(double, enrolled, 1)
    enrolled.sync.sync_once()
    payload = outbox_rows(enrolled)[0].payload

    discarded = enrolled.refused.discard(grant, 1, "số đã cấp ở kiosk khác")

    assert discarded.subject == ticket.label
    assert outbox_rows(enrolled)[0].payload == payload  # nothing personal in a ticket
    assert enrolled.tickets.find(ticket.id).print_status != "voided"


def test_a_reason_is_required_and_an_unknown_entry_is_named(
    enrolled: KioskServices, double: ProtocolDouble, grant: StaffGrant
) -> None:
    add_declaration(enrolled, 1)
    add_declaration(enrolled, 2)
    _refuse(double, enrolled, 1)
    enrolled.sync.sync_once()
    with pytest.raises(ReasonMissingError):
        enrolled.refused.discard(grant, 1, " ")
    for number in (2, 99):  # acknowledged, or no such entry
        with pytest.raises(RefusedEntryNotFoundError) as missing:
            enrolled.refused.retry(grant, number)
        assert str(number) in missing.value.message.render()
    assert [e.id for e in enrolled.refused.entries(grant)] == [1]
    assert declaration(enrolled, outbox_rows(enrolled)[0].entity_id).answers == ANSWERS


def test_the_purge_too_leaves_nothing_in_the_database_files(
    enrolled: KioskServices, clock: FakeClock
) -> None:
    add_declaration(enrolled, 1)
    enrolled.sync.sync_once()
    assert not _holds(_file_bytes(enrolled), ANSWERS["id_number"]), "sealed at rest"
    assert declaration(enrolled, outbox_rows(enrolled)[0].entity_id).answers == ANSWERS
    clock.advance(timedelta(days=enrolled.settings.retention_days, seconds=1))

    assert enrolled.sync.purge().declarations == 1

    data = _file_bytes(enrolled)
    for personal in PERSONAL:
        assert not _holds(data, personal), personal


def test_every_connection_overwrites_what_it_deletes(enrolled: KioskServices) -> None:
    # Some SQLite builds do it by default, not all: the kiosk asks for it on every one.
    with enrolled.db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
