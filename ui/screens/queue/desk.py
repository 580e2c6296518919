"""What the ticket screens need from the core: the queues and the desk that issues.

Written against these protocols rather than the service classes, so the screens say
exactly which calls they make (``services.tickets`` and ``services.desk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket, QueueServiceView


class Tickets(Protocol):
    """``services.tickets``: the queues with how many are waiting."""

    def services(self) -> list[QueueServiceView]: ...


class Desk(Protocol):
    """``services.desk``: issues, renders and prints a ticket.

    Never raises for a printer fault (the ticket comes back with ``print_status``
    ``"failed"``); raises ``KioskError`` for an unknown or full queue. A priority
    ticket is never linked to ``declaration_reference``.
    """

    def take(
        self,
        service_code: str,
        priority: bool = False,
        declaration_reference: str | None = None,
    ) -> IssuedTicket: ...


def available(service: QueueServiceView) -> bool:
    """A ticket can be taken now: the queue is open and today's numbers are not used up."""
    return service.open_now and not service.full
