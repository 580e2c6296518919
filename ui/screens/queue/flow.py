"""The ticket journey's shared state: the queues, the one ticket in flight, hand-offs.

Two screens share it: choosing (service tiles, then the priority question) and the
ticket itself. Taking a ticket prints, so it runs on the I/O worker; until it is back
the flow is *busy* and every button that could take another ticket is disabled, so a
double tap never issues two numbers.

It reads the citizen's :class:`~kiosk.visit.Visit`: the queue a procedure page or a
declaration chose (the journey opens straight on it), and the declaration just filed,
whose reference an ordinary ticket carries in its QR code (a priority ticket never
does: it would tie the declaration to a priority group). The issued ticket goes back
into the visit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from ui.host import Host, run
from ui.ops import Op, Pool
from ui.screens.queue.desk import Desk, Tickets

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket, QueueServiceView

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")

CHOOSE_SCREEN = "queue"
TICKET_SCREEN = "queue.ticket"

# How long the ticket stays on screen before the kiosk returns home by itself. Longer
# when it did not print: the citizen has to photograph it or show it to staff.
PRINTED_RETURN_MS = 20_000
FAILED_RETURN_MS = 60_000


class QueueFlow(QObject):
    """Made for one visit with the journey's screens; they ask it for the queues and to
    issue."""

    # The queues were read: ``list[QueueServiceView]``.
    services_loaded = Signal(object)
    # Reading them failed with this ``KioskError``.
    services_failed = Signal(object)
    # A ticket is being issued (``True``) or is back (``False``).
    busy_changed = Signal(bool)
    # A ticket exists (printed or not): ``IssuedTicket``.
    ticket_issued = Signal(object)

    def __init__(
        self,
        host: Host,
        parent: QObject | None = None,
        *,
        printed_return_ms: int = PRINTED_RETURN_MS,
        failed_return_ms: int = FAILED_RETURN_MS,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._busy = False
        self.printed_return_ms = printed_return_ms
        self.failed_return_ms = failed_return_ms

    # -- the core ----------------------------------------------------------------

    def tickets(self) -> Tickets:
        """The queues; raises ``KioskError`` while the kiosk starts up."""
        return cast(Tickets, self._host.services().tickets)

    def desk(self) -> Desk:
        return cast(Desk, self._host.services().desk)

    def run(self, fn: Callable[[], T], pool: Pool = Pool.DATABASE) -> Op[T]:
        """Core work for this visit's screens, off the UI thread (``ui.host.run``)."""
        return run(self._host, fn, pool=pool)

    def set_return_delays(self, *, printed_ms: int, failed_ms: int) -> None:
        """How long a ticket stays on screen (tests make it short)."""
        self.printed_return_ms = printed_ms
        self.failed_return_ms = failed_ms

    def return_delay_ms(self, ticket: IssuedTicket) -> int:
        return self.printed_return_ms if ticket.print_status == "printed" else self.failed_return_ms

    # -- the queues --------------------------------------------------------------

    def load_services(self) -> None:
        try:
            tickets = self.tickets()
        except KioskError as error:
            self.services_failed.emit(error)
            return
        self.run(tickets.services).on_success(self.services_loaded.emit).on_failure(
            self.services_failed.emit
        ).start()

    def preselected(self) -> str | None:
        """The queue a procedure page or a declaration chose; ``None`` when there is none."""
        return self._host.visit.queue_service

    # -- issuing -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def take(self, service: QueueServiceView, *, priority: bool) -> None:
        """Issue and print a ticket for ``service``; ignored while one is in flight."""
        if self._busy:
            log.info("ticket tap ignored: one is being issued")
            return
        try:
            desk = self.desk()
        except KioskError as error:
            self._host.show_error(error)
            return
        filed = self._host.visit.declaration
        reference = filed.reference if filed is not None and not priority else None
        code = service.code
        self._set_busy(True)
        self.run(
            lambda: desk.take(code, priority=priority, declaration_reference=reference),
            pool=Pool.IO,
        ).on_success(self._issued).on_failure(self._refused).start()

    def _issued(self, ticket: IssuedTicket) -> None:
        self._set_busy(False)
        log.info("ticket %s issued, print %s", ticket.label, ticket.print_status)
        self._host.visit.ticket = ticket
        self.ticket_issued.emit(ticket)
        self._host.show_screen(TICKET_SCREEN)

    def _refused(self, error: KioskError) -> None:
        """Unknown queue or today's numbers used up: say why, show the queues afresh."""
        self._set_busy(False)
        self._host.show_error(error)
        self.load_services()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    # -- navigation --------------------------------------------------------------

    def finish(self) -> None:
        """The citizen has their number: forget them and greet the next one."""
        self._host.end_visit()

    def go_home(self) -> None:
        self._host.go_home()

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._host.show_error(error)
