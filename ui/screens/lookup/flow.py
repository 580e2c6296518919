"""The lookup journey's shared state: the search index, navigation, and hand-offs.

Three screens (search, browse by field, one procedure) share one catalogue and one
search index. The index is built once, on the database worker, the first time a
citizen opens the journey; until then the search screen says the catalogue is loading.
It is not citizen data: it lives in the core's catalogue service and outlives visits.

What the citizen chooses goes into their :class:`~kiosk.visit.Visit`: the procedure
they opened (with its counter queue and form), the queue when they tap "Lấy số thứ
tự", the form when they tap "Điền tờ khai"; the ticket and form journeys read it from
there.

"In danh sách giấy tờ" prints the procedure's checklist on the receipt printer with one
core call, on the I/O pool; the outcome comes back as ``checklist_printed`` or
``checklist_failed``.

The documents a citizen ticks on a procedure's page ("I have this with me") are kept
here, per procedure, so they survive going back to the results and a language switch;
they belong to the visit and go with its screens. They are never stored or printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from kiosk.visit import ProcedureChoice
from ui.host import Host, run
from ui.ops import Op, Pool
from ui.screens.lookup.catalogue import Catalogue, ProcedurePage, load_page

if TYPE_CHECKING:
    from wire.catalogue import Procedure

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")

SEARCH_SCREEN = "lookup"
BROWSE_SCREEN = "lookup.browse"
PROCEDURE_SCREEN = "lookup.procedure"
# The other journeys' screens the procedure page leads to.
QUEUE_SCREEN = "queue"
FORM_SCREEN = "form"


class LookupFlow(QObject):
    """Made for one visit with the journey's screens; they ask it for the catalogue and
    to move on."""

    # The search index is built: searching on the UI thread is now fast.
    index_ready = Signal()
    # Building the index failed with this expected error (``KioskError``).
    index_failed = Signal(object)
    # A procedure page was loaded and should be shown.
    page_loaded = Signal(object)
    # Loading a procedure failed (e.g. it is no longer in the catalogue).
    page_failed = Signal(object)
    # The checklist of the procedure with this code came out of the printer.
    checklist_printed = Signal(str)
    # Printing the checklist of this code failed with this ``KioskError``.
    checklist_failed = Signal(str, object)

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._ready = False
        self._warming = False
        self._field_names: dict[str, str] = {}
        self._procedure_return = SEARCH_SCREEN
        # Procedure code → the keys of the documents ticked on its page.
        self._ticked: dict[str, set[str]] = {}

    # -- the catalogue -----------------------------------------------------------

    def catalogue(self) -> Catalogue:
        """The catalogue service; raises ``KioskError`` while the kiosk starts up."""
        return cast(Catalogue, self._host.services().catalog)

    def run(self, fn: Callable[[], T], pool: Pool = Pool.DATABASE) -> Op[T]:
        """Core work for this visit's screens, off the UI thread (``ui.host.run``)."""
        return run(self._host, fn, pool=pool)

    @property
    def index_is_ready(self) -> bool:
        return self._ready

    def warm_up(self) -> None:
        """Build the search index once, off the UI thread (idempotent)."""
        if self._ready or self._warming:
            return
        try:
            catalogue = self.catalogue()
        except KioskError as error:
            self.index_failed.emit(error)
            return
        self._warming = True

        def build() -> dict[str, str]:
            catalogue.warm_up()
            return {field.code: field.name for field in catalogue.fields()}

        run(self._host, build).on_success(self._warmed).on_failure(self._warm_failed).start()

    def _warmed(self, field_names: dict[str, str]) -> None:
        self._warming = False
        self._ready = True
        self._field_names = field_names
        self.index_ready.emit()

    def field_name(self, code: str) -> str:
        """A field's name from memory (read with the index), so rows never query."""
        return self._field_names.get(code, "")

    def _warm_failed(self, error: KioskError) -> None:
        self._warming = False
        log.warning("catalogue search index not built: %s", type(error).__name__)
        self.index_failed.emit(error)

    # -- navigation --------------------------------------------------------------

    def show(self, name: str) -> None:
        self._host.show_screen(name)

    def go_home(self) -> None:
        self._host.go_home()

    def hide_keyboard(self) -> None:
        """As the keyboard's own "hide" key: the field keeps focus, a tap brings it back."""
        self._host.hide_keyboard()

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._host.show_error(error)

    def remember_query(self, query: str) -> None:
        """What the citizen typed belongs to their visit (and is dropped with it)."""
        self._host.visit.search_query = query

    def open_procedure(self, code: str, return_to: str) -> None:
        """Load ``code`` on the database worker, then show it; back returns to ``return_to``."""
        try:
            catalogue = self.catalogue()
        except KioskError as error:
            self.page_failed.emit(error)
            return
        self._procedure_return = return_to
        run(self._host, lambda: load_page(catalogue, code)).on_success(
            self._page_loaded
        ).on_failure(self.page_failed.emit).start()

    def _page_loaded(self, page: ProcedurePage) -> None:
        self._host.visit.choose_procedure(_choice(page.procedure))
        self.page_loaded.emit(page)
        self.show(PROCEDURE_SCREEN)

    def back_from_procedure(self) -> None:
        self.show(self._procedure_return)

    def print_checklist(self, code: str) -> None:
        """Print ``code``'s documents checklist on the printer worker; a failure is
        reported, nothing is kept to print later."""
        try:
            slips = self._host.services().slips
        except KioskError as error:
            self.checklist_failed.emit(code, error)
            return
        run(self._host, lambda: slips.checklist(code), pool=Pool.IO).on_success(
            lambda _: self.checklist_printed.emit(code)
        ).on_failure(lambda error: self.checklist_failed.emit(code, error)).start()

    # -- the citizen's own checklist ---------------------------------------------

    def ticked_documents(self, code: str) -> frozenset[str]:
        """The documents ticked on ``code``'s page in this visit (keys the page chose)."""
        return frozenset(self._ticked.get(code, ()))

    def tick_document(self, code: str, key: str, ticked: bool) -> None:
        keys = self._ticked.setdefault(code, set())
        if ticked:
            keys.add(key)
        else:
            keys.discard(key)

    # -- hand-offs to the other journeys -----------------------------------------

    def take_ticket(self, procedure: Procedure) -> None:
        """ "Lấy số thứ tự": the ticket is for the procedure's queue (the citizen chooses
        when the catalogue names none)."""
        visit = self._host.visit
        visit.choose_procedure(_choice(procedure))
        visit.ask_for_ticket(procedure.queue_service or None)
        self.show(QUEUE_SCREEN)

    def fill_form(self, procedure: Procedure) -> None:
        """ "Điền tờ khai": the form journey opens the procedure's form."""
        visit = self._host.visit
        visit.choose_procedure(_choice(procedure))
        visit.ask_for_form(procedure.form_id or None)
        self.show(FORM_SCREEN)


def _choice(procedure: Procedure) -> ProcedureChoice:
    return ProcedureChoice(
        procedure.code, procedure.queue_service or None, procedure.form_id or None
    )
