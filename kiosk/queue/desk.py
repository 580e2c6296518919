"""The one code path from a tap to paper: issue, then print through the slip service.

The screen, ``python -m kiosk ticket`` and ``bench ticket`` all call
:meth:`TicketDesk.take`. The ticket is committed *before* anything is printed, so a
crash or a printer fault mid-job leaves a valid ``pending``/``failed`` ticket that
the screen shows and staff can reprint, never a number printed without a record.

No backlog: a ticket whose print failed is never printed later by itself; only an
explicit :meth:`reprint` prints it again. Printer faults are recorded and returned,
never raised: the citizen still gets the number on screen.

Laying the ticket out and printing it is the slip service's (``kiosk.slips``), which
sits above this package: the desk knows it only as :class:`TicketPrinter`.
"""

from __future__ import annotations

import logging
import uuid
from typing import Protocol

from kiosk.printing.errors import PrinterError
from kiosk.queue.api import IssuedTicket
from kiosk.queue.tickets import TicketService
from kiosk.staff.grant import StaffGrant

log = logging.getLogger("kiosk.queue")


class TicketPrinter(Protocol):
    """What the desk needs of ``kiosk.slips.SlipService``."""

    def ticket(self, ticket: IssuedTicket) -> None:
        """Print ``ticket`` now or raise a ``PrinterError``."""
        ...


class TicketDesk:
    """Issues and prints tickets; the screen's, the CLI's and the benchmark's entry point."""

    def __init__(self, tickets: TicketService, slips: TicketPrinter) -> None:
        self.tickets = tickets
        self._slips = slips

    def take(
        self,
        service_code: str,
        priority: bool = False,
        declaration_reference: str | None = None,
    ) -> IssuedTicket:
        """A new ticket, printed if the printer can; raises ``KioskError`` only if not issued.

        A priority ticket is never linked to a declaration (see ``TicketService.issue``).
        """
        ticket = self.tickets.issue(service_code, priority, declaration_reference)
        return self._print(ticket)

    def reprint(self, grant: StaffGrant | None, key: str | uuid.UUID) -> IssuedTicket:
        """Print ticket ``key`` (its id, or today's label) again, through the same path.

        Staff only: audited as ``ticket.reprint`` by the grant's actor before printing;
        raises what ``TicketService.reprint`` raises, never a printer fault.
        """
        return self._print(self.tickets.reprint(grant, key))

    def _print(self, ticket: IssuedTicket) -> IssuedTicket:
        try:
            self._slips.ticket(ticket)
        except PrinterError as exc:
            log.warning("ticket %s not printed: %s", ticket.label, exc.describe())
            return self.tickets.mark_failed(ticket.id, exc.message)
        return self.tickets.mark_printed(ticket.id)
