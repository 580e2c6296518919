"""Saving a declaration: one transaction with its reference, outbox entry and audit record."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import select

from kiosk.audit import AuditLog
from kiosk.bundled_data import load_bundled_data
from kiosk.catalog.service import CatalogService
from kiosk.config import Settings
from kiosk.crypto import KeyringKeyStore
from kiosk.db import Database
from kiosk.db.models import AuditRecord, Declaration, OutboxEntry
from kiosk.declarations import (
    DeclarationIncompleteError,
    DeclarationNotFoundError,
    DeclarationService,
)
from kiosk.declarations import service as service_module
from kiosk.forms.library import FormLibrary
from kiosk.services import KioskServices
from kiosk.staff import StaffAccess, StaffGrant
from tests.consent import AGREED
from tests.core.conftest import FakeClock
from tests.core.declarations.conftest import count
from tests.core.declarations.sample_form import (
    APPLICANT,
    CHILD,
    PROCEDURE_CODE,
    sample_answers,
    sample_form,
)
from wire import protocol


def make_service(
    db: Database, clock: Callable[[], datetime], **settings: Any
) -> DeclarationService:
    """A declaration service as the kiosk builds it, on ``db``, with ``settings`` changed."""
    audit = AuditLog(db, clock)
    return DeclarationService(
        db,
        audit,
        clock,
        Settings(**settings),
        catalog=CatalogService(db, clock),
        forms=FormLibrary(db),
        staff=StaffAccess(db, audit, clock),
    )


def test_submit_writes_the_declaration_its_outbox_entry_and_an_audit_record(
    services: KioskServices, declarations: DeclarationService
) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    # The fixed clock is 09:05 on 10 March 2025 in Hà Nội; kiosk number 1.
    assert submitted.reference == "TK-1-250310-0001"
    assert (submitted.form_id, submitted.form_version) == ("khai-sinh-mau", 1)
    with services.db.transaction() as session:
        declaration = session.scalars(select(Declaration)).one()
        entry = session.scalars(select(OutboxEntry)).one()
        audit = session.scalars(select(AuditRecord)).one()
    assert declaration.id == submitted.id
    assert declaration.reference == submitted.reference
    assert declaration.status == "submitted"
    assert declaration.procedure_code == PROCEDURE_CODE
    assert declaration.answers["child_name"] == CHILD
    assert declaration.created_at == submitted.submitted_at
    assert (entry.entity_type, entry.entity_id, entry.operation) == (
        "dossier",
        submitted.id,
        "create",
    )
    assert entry.attempts == 0
    assert entry.acknowledged_at is None
    assert (audit.action, audit.detail) == (
        "declaration.submit",
        {"reference": submitted.reference},
    )


def test_the_stored_payload_is_exactly_what_the_protocol_accepts(
    services: KioskServices, declarations: DeclarationService
) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    with services.db.transaction() as session:
        entry = session.scalars(select(OutboxEntry)).one()
        stored_answers = session.scalars(select(Declaration.answers)).one()
    message = protocol.decode(msgspec.json.encode(entry.payload), protocol.DossierCreate)
    assert message.id == submitted.id
    assert message.reference == submitted.reference
    assert message.procedure_code == PROCEDURE_CODE
    assert (message.form_id, message.form_version) == ("khai-sinh-mau", 1)
    assert message.submitted_at == submitted.submitted_at
    assert message.kiosk_name == services.settings.kiosk_name
    assert message.answers == stored_answers == sample_answers()
    # It also travels inside an outbox upload as the server reads one.
    item = protocol.OutboxItem(
        id=entry.entry_id,
        sequence=entry.sequence,
        entity_type="dossier",
        entity_id=entry.entity_id,
        operation="create",
        payload=entry.payload,
        created_at=entry.created_at,
    )
    batch = protocol.decode(
        protocol.encode(protocol.OutboxBatch(entries=(item,))), protocol.OutboxBatch
    )
    assert batch.entries[0].payload == entry.payload


def test_an_incomplete_form_is_refused_with_a_count_and_writes_nothing(
    services: KioskServices, declarations: DeclarationService
) -> None:
    answers = sample_answers()
    del answers["child_name"]
    del answers["applicant_name"]
    with pytest.raises(DeclarationIncompleteError) as raised:
        declarations.submit(sample_form(), PROCEDURE_CODE, answers, consent=AGREED)
    assert set(raised.value.problems) == {"child_name", "applicant_name"}
    assert raised.value.message.params == {"count": 2}
    assert "2" in raised.value.message.render()
    assert count(services.db, Declaration) == 0
    assert count(services.db, OutboxEntry) == 0
    assert count(services.db, AuditRecord) == 0


def test_answers_to_hidden_fields_are_not_submitted(
    services: KioskServices, declarations: DeclarationService
) -> None:
    # The citizen first chose "Khác" and typed a relationship, then chose "Mẹ".
    answers = sample_answers(relationship="me", relationship_other="Bà ngoại")
    declarations.submit(sample_form(), PROCEDURE_CODE, answers, consent=AGREED)
    with services.db.transaction() as session:
        stored = session.scalars(select(Declaration.answers)).one()
        payload = session.scalars(select(OutboxEntry.payload)).one()
    assert "relationship_other" not in stored
    assert "relationship_other" not in payload["answers"]
    assert stored["relationship"] == "me"


def test_references_count_per_local_day_and_carry_the_kiosk_number(
    db: Database, clock: FakeClock
) -> None:
    service = make_service(db, clock, kiosk_number=7)
    form, answers = sample_form(), sample_answers()
    clock.now = datetime(2025, 3, 10, 16, 59, 59, tzinfo=UTC)  # 23:59:59 in Hà Nội
    first = service.submit(form, PROCEDURE_CODE, answers, consent=AGREED).reference
    second = service.submit(form, PROCEDURE_CODE, answers, consent=AGREED).reference
    clock.now = datetime(2025, 3, 10, 17, 0, tzinfo=UTC)  # midnight in Hà Nội
    next_day = service.submit(form, PROCEDURE_CODE, answers, consent=AGREED).reference
    assert (first, second, next_day) == (
        "TK-7-250310-0001",
        "TK-7-250310-0002",
        "TK-7-250311-0001",
    )


def test_the_same_answers_twice_are_two_declarations(
    services: KioskServices, declarations: DeclarationService
) -> None:
    first = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    second = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    assert first.id != second.id
    assert (first.reference, second.reference) == ("TK-1-250310-0001", "TK-1-250310-0002")
    assert count(services.db, Declaration) == 2
    assert count(services.db, OutboxEntry) == 2


def test_a_failed_transaction_leaves_nothing_and_uses_no_reference(
    services: KioskServices, declarations: DeclarationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = service_module.add_outbox_entry

    class DiskFullError(Exception):
        pass

    def add_then_fail(*args: Any, **kwargs: Any) -> None:
        real_add(*args, **kwargs)
        raise DiskFullError

    monkeypatch.setattr(service_module, "add_outbox_entry", add_then_fail)
    with pytest.raises(DiskFullError):
        declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    assert count(services.db, Declaration) == 0
    assert count(services.db, OutboxEntry) == 0
    assert count(services.db, AuditRecord) == 0
    monkeypatch.undo()
    assert declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
    ).reference == ("TK-1-250310-0001")


def test_concurrent_submissions_get_distinct_references(db_path: Path, clock: FakeClock) -> None:
    """Two threads with their own connections: BEGIN IMMEDIATE serialises them."""
    first_db, second_db = (Database(db_path, keys=KeyringKeyStore()) for _ in range(2))
    first_db.open()
    load_bundled_data(first_db)
    second_db.open()
    references: list[str] = []
    errors: list[BaseException] = []

    def submit_many(db: Database) -> None:
        service = make_service(db, clock)
        try:
            for _ in range(10):
                references.append(
                    service.submit(
                        sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
                    ).reference
                )
        except BaseException as exc:  # reported to the test below
            errors.append(exc)

    threads = [threading.Thread(target=submit_many, args=(db,)) for db in (first_db, second_db)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(references) == [f"TK-1-250310-{n:04d}" for n in range(1, 21)]
        assert count(first_db, OutboxEntry) == 20
    finally:
        first_db.close()
        second_db.close()


def test_nothing_personal_reaches_the_logs_or_the_audit_log(
    services: KioskServices,
    declarations: DeclarationService,
    grant: StaffGrant,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG):
        submitted = declarations.submit(
            sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED
        )
        declarations.lookup(grant, submitted.reference)
    assert submitted.reference in caplog.text
    for personal in (APPLICANT, CHILD, "2025-02-20", "La Thành"):
        assert personal not in caplog.text
    entries = services.audit.recent(2)
    assert [(entry.actor, entry.action, entry.detail) for entry in entries] == [
        ("staff", "declaration.show", {"reference": submitted.reference}),
        ("citizen", "declaration.submit", {"reference": submitted.reference}),
    ]


def test_staff_find_a_declaration_as_they_type_its_reference(
    services: KioskServices, declarations: DeclarationService, grant: StaffGrant
) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    view = declarations.lookup(grant, " tk-1-250310-0001 ")
    assert view.id == submitted.id
    assert view.reference == submitted.reference
    assert view.answers == sample_answers()
    assert view.status == "submitted"
    assert view.submitted_at == submitted.submitted_at
    assert view.outbox is not None
    assert (view.outbox.status, view.outbox.attempts) == ("pending", 0)
    with services.db.transaction() as session:
        entry = session.scalars(select(OutboxEntry)).one()
        entry.acknowledged_at = datetime(2025, 3, 10, 3, 0, tzinfo=UTC)
    assert declarations.lookup(grant, submitted.reference).outbox.status == "sent"  # type: ignore[union-attr]


def test_an_unknown_reference_says_which_one(
    declarations: DeclarationService, grant: StaffGrant
) -> None:
    with pytest.raises(DeclarationNotFoundError) as raised:
        declarations.lookup(grant, "HS-1-250310-0099")
    assert "HS-1-250310-0099" in raised.value.message.render()
