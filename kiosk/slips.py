"""Every slip the kiosk prints, one call each: số thứ tự, phiếu tờ khai, checklist, test page.

A screen asks for a slip by what it is about (a ticket, a declaration's reference, a
procedure's code) and gets it on paper or a typed ``PrinterError``: laying it out,
rendering and sending are one call here, never assembled by the caller. Nothing is
kept to print later: a slip that failed is reported, and printed again only when
someone asks again (a ticket printed an hour late, for a citizen long gone, is worse
than none).

This module sits above the packages whose documents it prints (queue, declarations,
catalogue) and above printing. The ticket desk, which prints as it issues, knows it
only as :class:`kiosk.queue.desk.TicketPrinter`, so the queue never imports it.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from kiosk.audit import AuditLog
from kiosk.catalog.printout import checklist_document
from kiosk.catalog.service import CatalogService
from kiosk.catalog.wording import Translate, source
from kiosk.declarations import DeclarationService
from kiosk.printing.api import PaperProfile, PrintDocument, PrintJob
from kiosk.printing.errors import PrinterError
from kiosk.queue.api import IssuedTicket
from kiosk.queue.layout import ticket_document
from kiosk.staff.grant import GrantCheck, StaffGrant


class PrintPort(Protocol):
    """What the slips need of ``kiosk.printing.service.PrintService``."""

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob: ...

    def send(self, job: PrintJob) -> None: ...

    def test_page(self, today: date | None = None) -> PrintDocument: ...


class SlipService:
    """Lays out, renders and prints one slip per call; raises ``PrinterError`` on a fault."""

    def __init__(
        self,
        printing: PrintPort,
        centre_name: str,
        *,
        catalog: CatalogService,
        declarations: DeclarationService,
        audit: AuditLog,
        staff: GrantCheck,
    ) -> None:
        self._printing = printing
        self._centre_name = centre_name
        self._catalog = catalog
        self._declarations = declarations
        self._audit = audit
        self._staff = staff

    def ticket(self, ticket: IssuedTicket) -> None:
        """The số thứ tự as issued; recording how it went is the desk's part."""
        self._print(ticket_document(ticket, self._centre_name))

    def receipt(self, reference: str, translate: Translate = source) -> None:
        """The phiếu tờ khai of the declaration ``reference`` (Vietnamese by default).

        Raises ``DeclarationNotFoundError`` for an unknown reference, before any printing.
        """
        self._print(self._declarations.receipt(reference, translate))

    def checklist(self, code: str, translate: Translate = source) -> None:
        """Procedure ``code``'s documents checklist (Vietnamese by default).

        Raises ``ProcedureNotFoundError`` when the catalogue has no such procedure,
        before any printing.
        """
        procedure = self._catalog.procedure(code)
        agencies = self._catalog.agency_names(procedure.agencies)
        link = self._catalog.portal_link(procedure)
        self._print(
            checklist_document(procedure, self._centre_name, agencies, translate, portal_link=link)
        )

    def test_page(self, today: date | None = None) -> None:
        """Every Vietnamese vowel with every tone: staff's check of paper, font and raster."""
        self._print(self._printing.test_page(today))

    def test_page_for_staff(self, grant: StaffGrant | None) -> None:
        """Staff's "In thử" at the kiosk: the test page, audited ``printer.test_page`` in
        the grant's name with whether it printed.

        Refused (``StaffAccessError``) without a live grant, before anything is sent: a
        citizen at the screen must not be able to run the printer. A fault is audited,
        then raised as the ``PrinterError`` it is, so the log shows the failed tests too.
        """
        actor = self._staff.require(grant)
        try:
            self.test_page()
        except PrinterError:
            self._audit.record(actor, "printer.test_page", printed=False)
            raise
        self._audit.record(actor, "printer.test_page", printed=True)

    def _print(self, document: PrintDocument) -> None:
        self._printing.send(self._printing.job(document))
