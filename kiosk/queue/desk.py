"""The one code path from a tap to paper: issue, lay out, render, send.

The screen, ``python -m kiosk ticket`` and ``bench ticket`` all call
:meth:`TicketDesk.take`. The ticket is committed *before* anything is printed, so a
crash or a printer fault mid-job leaves a valid ``pending``/``failed`` ticket that
the screen shows and staff can reprint, never a number printed without a record.

No backlog: a ticket whose print failed is never printed later by itself; only an
explicit :meth:`reprint` prints it again. Printer faults are recorded and returned,
never raised: the citizen still gets the number on screen.
"""

from __future__ import annotations

import logging
import uuid
from typing import Protocol

from kiosk.config import Settings
from kiosk.printing.api import PaperProfile, PrintDocument, PrintJob
from kiosk.printing.errors import PrinterError
from kiosk.queue.api import IssuedTicket, PriorityGroup
from kiosk.queue.layout import ticket_document
from kiosk.queue.tickets import TicketService

log = logging.getLogger("kiosk.queue")


class PrintPort(Protocol):
    """What the desk needs of ``kiosk.printing.service.PrintService``."""

    def job(self, document: PrintDocument, profile: PaperProfile | None = None) -> PrintJob: ...

    def send(self, job: PrintJob) -> None: ...


class TicketDesk:
    """Issues and prints tickets; the screen's, the CLI's and the benchmark's entry point."""

    def __init__(
        self, tickets: TicketService, print_service: PrintPort, settings: Settings
    ) -> None:
        self.tickets = tickets
        self._printer = print_service
        self._centre_name = settings.centre_name

    def take(
        self,
        service_code: str,
        priority: PriorityGroup | None = None,
        dossier_reference: str | None = None,
    ) -> IssuedTicket:
        """A new ticket, printed if the printer can; raises ``KioskError`` only if not issued."""
        ticket = self.tickets.issue(service_code, priority, dossier_reference)
        return self._print(ticket)

    def reprint(self, ticket_id: uuid.UUID, actor: str = "staff") -> IssuedTicket:
        """Print an existing ticket again (audited as ``ticket.reprint``)."""
        return self._print(self.tickets.reprint(ticket_id, actor))

    def _print(self, ticket: IssuedTicket) -> IssuedTicket:
        document = ticket_document(ticket, self._centre_name)
        try:
            self._printer.send(self._printer.job(document))
        except PrinterError as exc:
            log.warning("ticket %s not printed: %s", ticket.label, exc.describe())
            return self.tickets.mark_failed(ticket.id, exc.message)
        return self.tickets.mark_printed(ticket.id)
