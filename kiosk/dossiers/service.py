"""Submitting a citizen's hồ sơ, and finding it again for its receipt, PDF and staff.

A dossier must never be lost nor sent twice. :meth:`DossierService.submit` therefore
writes everything in one ``BEGIN IMMEDIATE`` transaction: the reference, the dossier
row, its outbox entry for the server and the audit record. When ``submit`` returns,
SQLite (``synchronous=FULL``) has all of it on disk; when it raises, none of it
exists. The dossier's id is made here (uuid4), so the server keeps one copy however
often the sync worker retries the upload. Submitting the same answers twice is two
dossiers, as when a citizen hands in two forms: the screen stops double taps.

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
from kiosk.db.models import Dossier, OutboxEntry
from kiosk.db.outbox import add_outbox_entry
from kiosk.db.sealed import is_unreadable
from kiosk.dossiers.api import DossierView, OutboxState, OutboxStatus, SubmittedDossier
from kiosk.dossiers.errors import (
    DossierDiscardedError,
    DossierIncompleteError,
    DossierNotFoundError,
    DossierPurgedError,
)
from kiosk.dossiers.receipt import ReceiptFacts, receipt_document
from kiosk.dossiers.reference import next_reference, normalise_reference
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

log = logging.getLogger("kiosk.dossiers")

#: Who the audit log says submitted: the citizen at the screen, never named.
CITIZEN_ACTOR = "citizen"
ENTITY_TYPE = "dossier"


class DossierService:
    """Hồ sơ on this kiosk: submitted by the form wizard, looked up by staff and the CLI."""

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
    ) -> SubmittedDossier:
        """File ``answers`` to ``form`` for ``procedure_code``; committed before it returns.

        The one call behind "Nộp": it checks the answers (the screen need not check
        them first), stores the dossier with its outbox entry, and returns what the
        done page and "Lấy số thứ tự" need. ``consent`` is the citizen's agreement to
        the privacy notice, given before the form opened; it is stored with the
        dossier and uploaded with it. Raises ``ConsentRequiredError`` without one that
        covers preparing the declaration, given to this kiosk's notice, and
        :class:`DossierIncompleteError` when ``check_form`` finds anything to fix;
        either way nothing is written. Answers to fields
        hidden by the citizen's other answers are dropped, not submitted. The form's
        definition is kept with its version, so the dossier's PDF can be made again
        after a newer version replaces it. A procedure the catalogue no longer lists
        is no reason to refuse: the counter still takes the dossier.
        """
        agreed = require_consent(consent, self._settings, DECLARATION_PURPOSES)
        now = self._clock()
        local_day = now.astimezone(LOCAL_TZ).date()
        problems = check_form(form, answers, today=local_day)
        if problems:
            raise DossierIncompleteError(problems)
        procedure = self._listed_procedure(procedure_code)
        kept = drop_hidden(
            (field for section in form.sections for field in section.fields), answers
        )
        with self._db.transaction() as session:
            dossier = Dossier(
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
            payload = _create_payload(dossier, self._settings.kiosk_name, agreed)
            # Stored exactly as sent: what staff see is what the server received.
            dossier.answers = payload["answers"]
            self._forms.publish_in(session, form)
            session.add(dossier)
            session.flush()  # the reference's UNIQUE constraint speaks here, not at commit
            add_outbox_entry(session, ENTITY_TYPE, dossier.id, "create", payload, now=now)
            self._audit.record_in(
                session, CITIZEN_ACTOR, "dossier.submit", reference=dossier.reference
            )
        log.info("dossier %s submitted (form %s v%d)", dossier.reference, form.id, form.version)
        return SubmittedDossier(
            id=dossier.id,
            reference=dossier.reference,
            procedure_code=procedure_code,
            form_id=form.id,
            form_version=form.version,
            submitted_at=now,
            form_title=form.title,
            procedure_name=None if procedure is None else procedure.name,
            queue_service=None if procedure is None else procedure.queue_service,
        )

    def lookup(self, grant: StaffGrant | None, reference: str) -> DossierView:
        """Staff find a hồ sơ by reference (spaces and case forgiven): answers and upload state.

        The thủ tục's name and the tờ khai's title come with it, so the staff screen
        shows the whole hồ sơ from one call. Staff only, and audited ``dossier.show``
        with the reference (never the answers): a reference is printed on paper a
        citizen carries away, so knowing one must not be enough to read the answers at
        the screen.
        """
        actor = self._staff.require(grant)
        dossier = self._find(reference)
        self._audit.record(actor, "dossier.show", reference=dossier.reference)
        procedure = self._listed_procedure(dossier.procedure_code)
        form = self._form_of(dossier)
        return replace(
            dossier,
            procedure_name=None if procedure is None else procedure.name,
            form_title=None if form is None else form.title,
        )

    def receipt(self, reference: str, translate: Translate = source) -> PrintDocument:
        """The biên nhận to print (see ``kiosk.dossiers.receipt``); Vietnamese by default."""
        dossier = self._find(reference)
        # ``None`` when withdrawn from the catalogue since: the slip still prints.
        procedure = self._listed_procedure(dossier.procedure_code)
        facts = ReceiptFacts(self._settings.centre_name, procedure, self._form_of(dossier))
        return receipt_document(dossier, facts, translate)

    def pdf(self, reference: str) -> bytes:
        """The filled tờ khai as A4 PDF bytes, in the form version it was filled in.

        What both printing calls render; staff and IT who want the file itself ask
        :meth:`form_pdf`. Raises ``DossierDiscardedError`` or ``DossierPurgedError``
        once the kiosk has deleted the answers, and ``UnknownFormError`` if that
        form version is unknown.
        """
        dossier = self._find(reference)
        if dossier.outbox is not None and dossier.outbox.status == "discarded":
            raise DossierDiscardedError(reference=dossier.reference)
        if dossier.purged_at is not None:
            raise DossierPurgedError(reference=dossier.reference)
        if is_unreadable(dossier.answers):  # sealed with a data key this kiosk lost
            raise DataUnreadableError(reference=dossier.reference)
        form = self._forms.get(dossier.form_id, dossier.form_version)
        # Imported on first use: fpdf2 takes longer to import than the first screen
        # may wait, and most kiosks print a PDF only when staff ask for one.
        from kiosk.dossiers.pdf import render_form_pdf

        return render_form_pdf(
            form, dossier.answers, reference=dossier.reference, submitted_at=dossier.submitted_at
        )

    def print_form(self, reference: str, printer: str | None = None) -> str:
        """The citizen's own A4 tờ khai, from the done page, on the office printer.

        Sends to ``printer``, else ``office_printer``, and returns the queue once the
        print system has the job; audits ``dossier.print`` by the citizen. Raises
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
        """Staff or IT take the A4 tờ khai as a file (``dossier pdf``); audited ``dossier.pdf``."""
        actor = self._staff.require(grant)
        dossier = self._find(reference)
        data = self.pdf(dossier.reference)
        self._audit.record(actor, "dossier.pdf", reference=dossier.reference)
        return data

    def _print_form(self, actor: str, reference: str, printer: str | None) -> str:
        queue = printer or self._settings.office_printer
        if not queue:
            raise OfficePrinterNotSetError()
        dossier = self._find(reference)
        print_pdf(self.pdf(dossier.reference), queue, title=dossier.reference, spool=self._spool)
        self._audit.record(actor, "dossier.print", reference=dossier.reference, printer=queue)
        return queue

    def _find(self, reference: str) -> DossierView:
        """The dossier with this reference (spaces and case forgiven), and its upload state."""
        key = normalise_reference(reference)
        with self._db.transaction() as session:
            dossier = session.scalar(select(Dossier).where(Dossier.reference == key))
            if dossier is None:
                raise DossierNotFoundError(reference=reference.strip())
            return _view(dossier, _outbox_entry(session, dossier.id))

    def _listed_procedure(self, code: str) -> Procedure | None:
        try:
            return self._catalog.procedure(code)
        except ProcedureNotFoundError:
            return None

    def _form_of(self, dossier: DossierView) -> FormDefinition | None:
        try:
            return self._forms.get(dossier.form_id, dossier.form_version)
        except UnknownFormError:
            return None


def _create_payload(dossier: Dossier, kiosk_name: str, consent: ConsentRecord) -> dict[str, Any]:
    """The outbox payload as JSON values, refused here if the server would refuse it."""
    message = protocol.DossierCreate(
        id=dossier.id,
        reference=dossier.reference,
        procedure_code=dossier.procedure_code,
        form_id=dossier.form_id,
        form_version=dossier.form_version,
        answers=dossier.answers,
        submitted_at=dossier.created_at,
        kiosk_name=kiosk_name,
        consent=consent.to_wire(),
    )
    payload: dict[str, Any] = msgspec.to_builtins(message)
    # Struct constructors do not validate; decoding does, exactly as the server will.
    protocol.decode(msgspec.json.encode(payload), protocol.DossierCreate)
    return payload


def _outbox_entry(session: Session, dossier_id: uuid.UUID) -> OutboxEntry | None:
    return session.scalars(
        select(OutboxEntry)
        .where(OutboxEntry.entity_type == ENTITY_TYPE, OutboxEntry.entity_id == dossier_id)
        .order_by(OutboxEntry.sequence.desc())
        .limit(1)
    ).first()


def _view(dossier: Dossier, entry: OutboxEntry | None) -> DossierView:
    return DossierView(
        id=dossier.id,
        reference=dossier.reference,
        procedure_code=dossier.procedure_code,
        form_id=dossier.form_id,
        form_version=dossier.form_version,
        # Unreadable answers stay marked as such (``kiosk.db.sealed``), never shown as empty.
        answers=dossier.answers if is_unreadable(dossier.answers) else dict(dossier.answers),
        status=dossier.status,
        submitted_at=dossier.created_at,
        acknowledged_at=dossier.acknowledged_at,
        purged_at=dossier.purged_at,
        outbox=None if entry is None else _outbox_state(entry),
        consent=None if dossier.consent is None else ConsentRecord.from_json(dossier.consent),
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
