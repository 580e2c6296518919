"""Saving a citizen's declaration, and finding it again for its slip, PDF and staff.

A declaration must never be lost nor sent twice. :meth:`DeclarationService.submit` therefore
writes everything in one ``BEGIN IMMEDIATE`` transaction: the reference, the declaration
row, its outbox entry for the server and the audit record. When ``submit`` returns,
SQLite (``synchronous=FULL``) has all of it on disk; when it raises, none of it
exists. The declaration's id is made here (uuid4), so the server keeps one copy however
often the sync worker retries the upload. Submitting the same answers twice is two
declarations, as when a citizen hands in two forms: the screen stops double taps.

The outbox payload is :class:`wire.protocol.DossierCreate` itself, decoded
once as the server will decode it: a payload the protocol refuses never reaches the
outbox, where it would wait for an upload bound to be rejected.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.audit import AuditLog
from kiosk.catalog.errors import ProcedureNotFoundError
from kiosk.catalog.service import CatalogService
from kiosk.catalog.wording import Translate, source
from kiosk.clock import LOCAL_TZ, Clock
from kiosk.config import Settings
from kiosk.consent import DECLARATION_PURPOSES, ConsentRecord, require_consent
from kiosk.crypto.errors import DataUnreadableError
from kiosk.db import Database
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.db.outbox import add_outbox_entry
from kiosk.db.sealed import is_unreadable
from kiosk.declarations.api import DeclarationView, OutboxState, OutboxStatus, SubmittedDeclaration
from kiosk.declarations.errors import (
    DeclarationDiscardedError,
    DeclarationIncompleteError,
    DeclarationNotFoundError,
    DeclarationPurgedError,
)
from kiosk.declarations.receipt import ReceiptFacts, receipt_document
from kiosk.declarations.reference import next_reference, normalise_reference
from kiosk.forms.errors import UnknownFormError
from kiosk.forms.library import FormLibrary
from kiosk.printing.api import PrintDocument
from kiosk.printing.errors import OfficePrinterNotSetError
from kiosk.printing.office import print_pdf
from kiosk.staff.grant import GrantCheck, StaffGrant
from wire import protocol
from wire.answers import Answers, drop_hidden
from wire.catalogue import Procedure
from wire.checks import check_form
from wire.forms import FormDefinition

log = logging.getLogger("kiosk.declarations")

#: Who the audit log says submitted: the citizen at the screen, never named.
CITIZEN_ACTOR = "citizen"
ENTITY_TYPE = "dossier"


class DeclarationService:
    """Declarations on this kiosk: saved by the form wizard, looked up by staff and the CLI."""

    def __init__(
        self,
        db: Database,
        audit: AuditLog,
        clock: Clock,
        settings: Settings,
        *,
        catalog: CatalogService,
        forms: FormLibrary,
        staff: GrantCheck,
        spool: Path | None = None,
    ) -> None:
        """``spool``: where an A4 form waits for Windows' PDF reader (swept by the purge)."""
        self._spool = spool
        self._db = db
        self._audit = audit
        self._clock = clock
        self._settings = settings
        self._catalog = catalog
        self._forms = forms
        self._staff = staff

    def submit(
        self,
        form: FormDefinition,
        procedure_code: str,
        answers: Answers,
        *,
        consent: ConsentRecord | None,
    ) -> SubmittedDeclaration:
        """File ``answers`` to ``form`` for ``procedure_code``; committed before it returns.

        The one call behind "Lưu tờ khai": it checks the answers (the screen need not check
        them first), stores the declaration with its outbox entry, and returns what the
        done page and "Lấy số thứ tự" need. ``consent`` is the citizen's agreement to
        the privacy notice, given before the form opened; it is stored with the
        declaration and uploaded with it. Raises ``ConsentRequiredError`` without one that
        covers preparing the declaration, given to this kiosk's notice, and
        :class:`DeclarationIncompleteError` when ``check_form`` finds anything to fix;
        either way nothing is written. Answers to fields
        hidden by the citizen's other answers are dropped, not submitted. The form's
        definition is kept with its version, so the declaration's PDF can be made again
        after a newer version replaces it. A procedure the catalogue no longer lists
        is no reason to refuse: the counter still takes the declaration.
        """
        agreed = require_consent(consent, self._settings, DECLARATION_PURPOSES)
        now = self._clock()
        local_day = now.astimezone(LOCAL_TZ).date()
        problems = check_form(form, answers, today=local_day)
        if problems:
            raise DeclarationIncompleteError(problems)
        procedure = self._listed_procedure(procedure_code)
        kept = drop_hidden(
            (field for section in form.sections for field in section.fields), answers
        )
        with self._db.transaction() as session:
            declaration = Declaration(
                id=uuid.uuid4(),
                reference=next_reference(session, self._settings.kiosk_number, local_day),
                procedure_code=procedure_code,
                form_id=form.id,
                form_version=form.version,
                answers=kept,
                status="submitted",
                created_at=now,
                consent=agreed.to_json(),
            )
            payload = _create_payload(declaration, self._settings.kiosk_name, agreed)
            # Stored exactly as sent: what staff see is what the server received.
            declaration.answers = payload["answers"]
            self._forms.publish_in(session, form)
            session.add(declaration)
            session.flush()  # the reference's UNIQUE constraint speaks here, not at commit
            add_outbox_entry(session, ENTITY_TYPE, declaration.id, "create", payload, now=now)
            self._audit.record_in(
                session, CITIZEN_ACTOR, "declaration.submit", reference=declaration.reference
            )
        log.info(
            "declaration %s submitted (form %s v%d)", declaration.reference, form.id, form.version
        )
        return SubmittedDeclaration(
            id=declaration.id,
            reference=declaration.reference,
            procedure_code=procedure_code,
            form_id=form.id,
            form_version=form.version,
            submitted_at=now,
            form_title=form.title,
            procedure_name=None if procedure is None else procedure.name,
            queue_service=None if procedure is None else procedure.queue_service,
        )

    def lookup(self, grant: StaffGrant | None, reference: str) -> DeclarationView:
        """Staff find a declaration by its mã tờ khai (spaces and case forgiven; an older
        ``HS-…`` reference as well as a ``TK-…`` one): answers and upload state.

        The thủ tục's name and the tờ khai's title come with it, so the staff screen
        shows the whole declaration from one call. Staff only, and audited ``declaration.show``
        with the reference (never the answers): a reference is printed on paper a
        citizen carries away, so knowing one must not be enough to read the answers at
        the screen.
        """
        actor = self._staff.require(grant)
        declaration = self._find(reference)
        self._audit.record(actor, "declaration.show", reference=declaration.reference)
        procedure = self._listed_procedure(declaration.procedure_code)
        form = self._form_of(declaration)
        return replace(
            declaration,
            procedure_name=None if procedure is None else procedure.name,
            form_title=None if form is None else form.title,
        )

    def receipt(self, reference: str, translate: Translate = source) -> PrintDocument:
        """The phiếu tờ khai to print (``kiosk.declarations.receipt``); Vietnamese by default."""
        declaration = self._find(reference)
        # ``None`` when withdrawn from the catalogue since: the slip still prints.
        procedure = self._listed_procedure(declaration.procedure_code)
        facts = ReceiptFacts(self._settings.centre_name, procedure, self._form_of(declaration))
        return receipt_document(declaration, facts, translate)

    def pdf(self, reference: str) -> bytes:
        """The filled tờ khai as A4 PDF bytes, in the form version it was filled in.

        What both printing calls render; staff and IT who want the file itself ask
        :meth:`form_pdf`. Raises ``DeclarationDiscardedError`` or ``DeclarationPurgedError``
        once the kiosk has deleted the answers, and ``UnknownFormError`` if that
        form version is unknown.
        """
        declaration = self._find(reference)
        if declaration.outbox is not None and declaration.outbox.status == "discarded":
            raise DeclarationDiscardedError(reference=declaration.reference)
        if declaration.purged_at is not None:
            raise DeclarationPurgedError(reference=declaration.reference)
        if is_unreadable(declaration.answers):  # sealed with a data key this kiosk lost
            raise DataUnreadableError(reference=declaration.reference)
        form = self._forms.get(declaration.form_id, declaration.form_version)
        # Imported on first use: fpdf2 takes longer to import than the first screen
        # may wait, and most kiosks print a PDF only when staff ask for one.
        from kiosk.declarations.pdf import render_form_pdf

        return render_form_pdf(
            form,
            declaration.answers,
            reference=declaration.reference,
            submitted_at=declaration.submitted_at,
        )

    def print_form(self, reference: str, printer: str | None = None) -> str:
        """The citizen's own A4 tờ khai, from the done page, on the office printer.

        Sends to ``printer``, else ``office_printer``, and returns the queue once the
        print system has the job; audits ``declaration.print`` by the citizen. Raises
        ``OfficePrinterNotSetError`` when there is no printer to use, another
        ``OfficePrintError`` when the print system refuses the job, and what
        :meth:`pdf` raises. The job is titled with the reference: the queue's job
        list is visible to anyone at the print server.
        """
        return self._print_form(CITIZEN_ACTOR, reference, printer)

    def print_form_for_staff(
        self, grant: StaffGrant | None, reference: str, printer: str | None = None
    ) -> str:
        """Staff print any A4 tờ khai: as :meth:`print_form`, audited by the grant's actor."""
        return self._print_form(self._staff.require(grant), reference, printer)

    def form_pdf(self, grant: StaffGrant | None, reference: str) -> bytes:
        """Staff or IT take the A4 tờ khai as a file (``declaration pdf``); audited
        ``declaration.pdf``."""
        actor = self._staff.require(grant)
        declaration = self._find(reference)
        data = self.pdf(declaration.reference)
        self._audit.record(actor, "declaration.pdf", reference=declaration.reference)
        return data

    def _print_form(self, actor: str, reference: str, printer: str | None) -> str:
        queue = printer or self._settings.office_printer
        if not queue:
            raise OfficePrinterNotSetError()
        declaration = self._find(reference)
        print_pdf(
            self.pdf(declaration.reference), queue, title=declaration.reference, spool=self._spool
        )
        self._audit.record(
            actor, "declaration.print", reference=declaration.reference, printer=queue
        )
        return queue

    def _find(self, reference: str) -> DeclarationView:
        """The declaration with this reference (spaces and case forgiven), and its upload state."""
        key = normalise_reference(reference)
        with self._db.transaction() as session:
            declaration = session.scalar(select(Declaration).where(Declaration.reference == key))
            if declaration is None:
                raise DeclarationNotFoundError(reference=reference.strip())
            return _view(declaration, _outbox_entry(session, declaration.id))

    def _listed_procedure(self, code: str) -> Procedure | None:
        try:
            return self._catalog.procedure(code)
        except ProcedureNotFoundError:
            return None

    def _form_of(self, declaration: DeclarationView) -> FormDefinition | None:
        try:
            return self._forms.get(declaration.form_id, declaration.form_version)
        except UnknownFormError:
            return None


def _create_payload(
    declaration: Declaration, kiosk_name: str, consent: ConsentRecord
) -> dict[str, Any]:
    """The outbox payload as JSON values, refused here if the server would refuse it."""
    message = protocol.DossierCreate(
        id=declaration.id,
        reference=declaration.reference,
        procedure_code=declaration.procedure_code,
        form_id=declaration.form_id,
        form_version=declaration.form_version,
        answers=declaration.answers,
        submitted_at=declaration.created_at,
        kiosk_name=kiosk_name,
        consent=consent.to_wire(),
    )
    payload: dict[str, Any] = msgspec.to_builtins(message)
    # Struct constructors do not validate; decoding does, exactly as the server will.
    protocol.decode(msgspec.json.encode(payload), protocol.DossierCreate)
    return payload


def _outbox_entry(session: Session, declaration_id: uuid.UUID) -> OutboxEntry | None:
    return session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.entity_type == ENTITY_TYPE, OutboxEntry.entity_id == declaration_id)
        .order_by(OutboxEntry.sequence.desc())
        .limit(1)
    ).first()


def _view(declaration: Declaration, entry: OutboxEntry | None) -> DeclarationView:
    return DeclarationView(
        id=declaration.id,
        reference=declaration.reference,
        procedure_code=declaration.procedure_code,
        form_id=declaration.form_id,
        form_version=declaration.form_version,
        # Unreadable answers stay marked as such (``kiosk.db.sealed``), never shown as empty.
        answers=declaration.answers
        if is_unreadable(declaration.answers)
        else dict(declaration.answers),
        status=declaration.status,
        submitted_at=declaration.created_at,
        acknowledged_at=declaration.acknowledged_at,
        purged_at=declaration.purged_at,
        outbox=None if entry is None else _outbox_state(entry),
        consent=None
        if declaration.consent is None
        else ConsentRecord.from_json(declaration.consent),
    )


def _outbox_state(entry: OutboxEntry) -> OutboxState:
    status: OutboxStatus = "pending"
    if entry.discarded_at is not None:
        status = "discarded"
    elif entry.rejected_at is not None:
        status = "rejected"
    elif entry.acknowledged_at is not None:
        status = "sent"
    return OutboxState(
        status=status,
        attempts=entry.attempts,
        last_error=entry.last_error,
        next_attempt_at=entry.next_attempt_at,
        acknowledged_at=entry.acknowledged_at,
        rejected_at=entry.rejected_at,
        discarded_at=entry.discarded_at,
    )
