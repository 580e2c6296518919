"""The ticket journey's shared state: the queues, the one ticket in flight, hand-offs.

Two screens share it: choosing (service tiles, then the priority question) and the
ticket itself. Taking a ticket prints, so it runs on the I/O worker; until it is back
the flow is *busy* and every button that could take another ticket is disabled, so a
double tap never issues two numbers.

Hand-offs in ``window.session.data`` (dropped whole on idle reset):

- ``QUEUE_SERVICE_KEY`` (set by the procedure page's "Lấy số thứ tự"): open straight on
  that queue, each time the journey is entered during the visit;
- ``DOSSIER_REFERENCE_KEY`` (set by a later journey that files a hồ sơ): linked to the
  ticket and carried by its QR code.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from ui.ops import Op, Pool
from ui.screens.lookup.flow import QUEUE_SERVICE_KEY
from ui.screens.queue.desk import Desk, Tickets

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket, PriorityGroup, QueueServiceView
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.ui")

DOSSIER_REFERENCE_KEY = "dossier.reference"

CHOOSE_SCREEN = "queue"
TICKET_SCREEN = "queue.ticket"

# How long the ticket stays on screen before the kiosk returns home by itself. Longer
# when it did not print: the citizen has to photograph it or show it to staff.
PRINTED_RETURN_MS = 20_000
FAILED_RETURN_MS = 60_000


class QueueFlow(QObject):
    """Owned by the window; the ticket screens ask it for the queues and to issue."""

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
        window: KioskWindow,
        *,
        printed_return_ms: int = PRINTED_RETURN_MS,
        failed_return_ms: int = FAILED_RETURN_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._busy = False
        self.printed_return_ms = printed_return_ms
        self.failed_return_ms = failed_return_ms
        window.session_reset.connect(self._forget)

    # -- the core ----------------------------------------------------------------

    def tickets(self) -> Tickets:
        """The queues; raises ``KioskError`` while the kiosk starts up."""
        return cast(Tickets, self._window.services().tickets)

    def desk(self) -> Desk:
        return cast(Desk, self._window.services().desk)

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
        Op(
            tickets.services, parent=self._window, pool=Pool.DATABASE, session=self._window.session
        ).on_success(self.services_loaded.emit).on_failure(self.services_failed.emit).start()

    def preselected(self) -> str | None:
        """The queue the procedure page chose; ``None`` when there is none."""
        code = self._window.session.data.get(QUEUE_SERVICE_KEY)
        return code if isinstance(code, str) else None

    # -- issuing -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def take(self, service: QueueServiceView, priority: PriorityGroup | None) -> None:
        """Issue and print a ticket for ``service``; ignored while one is in flight."""
        if self._busy:
            log.info("ticket tap ignored: one is being issued")
            return
        try:
            desk = self.desk()
        except KioskError as error:
            self._window.show_error(error)
            return
        reference = self._window.session.data.get(DOSSIER_REFERENCE_KEY)
        dossier = reference if isinstance(reference, str) else None
        code = service.code
        self._set_busy(True)
        Op(
            lambda: desk.take(code, priority=priority, dossier_reference=dossier),
            parent=self._window,
            pool=Pool.IO,
            session=self._window.session,
        ).on_success(self._issued).on_failure(self._refused).start()

    def _issued(self, ticket: IssuedTicket) -> None:
        self._set_busy(False)
        log.info("ticket %s issued, print %s", ticket.label, ticket.print_status)
        self.ticket_issued.emit(ticket)
        self._window.show_screen(TICKET_SCREEN)

    def _refused(self, error: KioskError) -> None:
        """Unknown queue or today's numbers used up: say why, show the queues afresh."""
        self._set_busy(False)
        self._window.show_error(error)
        self.load_services()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _forget(self) -> None:
        # An op still in flight belongs to the ended session and is dropped on arrival.
        self._set_busy(False)

    # -- navigation --------------------------------------------------------------

    def finish(self) -> None:
        """The citizen has their number: forget them and greet the next one."""
        self._window.reset_session()

    def go_home(self) -> None:
        self._window.go_home()

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._window.show_error(error)
