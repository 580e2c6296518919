"""The lookup journey's shared state: the search index, navigation, and hand-offs.

Three screens (search, browse by field, one procedure) share one catalogue and one
search index. The index is built once, on the database worker, the first time a
citizen opens the journey; until then the search screen says the catalogue is loading.
It is not citizen data, so an idle reset keeps it.

Hand-off to other journeys goes through ``window.session.data`` (dropped whole on idle
reset), under the keys below:

- ``PROCEDURE_KEY``: the code of the procedure the citizen last opened;
- ``QUEUE_SERVICE_KEY``: its counter queue (``Procedure.queue_service``, e.g. ``"A"``),
  set when they tap "Lấy số thứ tự" — the ticket screen issues the number for it;
- ``FORM_ID_KEY``: its guided form (``Procedure.form_id``), set when they tap
  "Điền tờ khai" — the form screen opens that form.

"In danh sách giấy tờ" prints the procedure's checklist on the receipt printer, on the
I/O pool; the outcome comes back as ``checklist_printed`` or ``checklist_failed``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal

from kiosk.catalog.printout import print_checklist
from kiosk.errors import KioskError
from ui.ops import Op, Pool
from ui.screens.lookup.catalogue import Catalogue, ProcedurePage, load_page

if TYPE_CHECKING:
    from kiosk.catalog.schema import Procedure
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.ui")

PROCEDURE_KEY = "lookup.procedure_code"
QUEUE_SERVICE_KEY = "queue.service"
FORM_ID_KEY = "form.form_id"

SEARCH_SCREEN = "lookup"
BROWSE_SCREEN = "lookup.browse"
PROCEDURE_SCREEN = "lookup.procedure"


class LookupFlow(QObject):
    """Owned by the window; the lookup screens ask it for the catalogue and to move on."""

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

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window
        self._ready = False
        self._warming = False
        self._field_names: dict[str, str] = {}
        self._procedure_return = SEARCH_SCREEN

    # -- the catalogue -----------------------------------------------------------

    def catalogue(self) -> Catalogue:
        """The catalogue service; raises ``KioskError`` while the kiosk starts up."""
        return cast(Catalogue, self._window.services().catalog)

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

        Op(build, parent=self._window, pool=Pool.DATABASE).on_success(self._warmed).on_failure(
            self._warm_failed
        ).start()

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
        self._window.show_screen(name)

    def go_home(self) -> None:
        self._window.go_home()

    def hide_keyboard(self) -> None:
        """As the keyboard's own "hide" key: the field keeps focus, a tap brings it back."""
        self._window.keyboard.dismiss()

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._window.show_error(error)

    def open_procedure(self, code: str, return_to: str) -> None:
        """Load ``code`` on the database worker, then show it; back returns to ``return_to``."""
        try:
            catalogue = self.catalogue()
        except KioskError as error:
            self.page_failed.emit(error)
            return
        self._procedure_return = return_to
        Op(
            lambda: load_page(catalogue, code),
            parent=self._window,
            pool=Pool.DATABASE,
            session=self._window.session,
        ).on_success(self._page_loaded).on_failure(self.page_failed.emit).start()

    def _page_loaded(self, page: ProcedurePage) -> None:
        self._window.session.data[PROCEDURE_KEY] = page.procedure.code
        self.page_loaded.emit(page)
        self.show(PROCEDURE_SCREEN)

    def back_from_procedure(self) -> None:
        self.show(self._procedure_return)

    def print_checklist(self, code: str) -> None:
        """Print ``code``'s documents checklist on the printer worker; a failure is
        reported, nothing is kept to print later."""
        try:
            services = self._window.services()
        except KioskError as error:
            self.checklist_failed.emit(code, error)
            return
        catalog, printing = services.catalog, services.printing
        centre_name = services.settings.centre_name
        Op(
            lambda: print_checklist(catalog, printing, code, centre_name),
            parent=self._window,
            pool=Pool.IO,
            session=self._window.session,
        ).on_success(lambda _: self.checklist_printed.emit(code)).on_failure(
            lambda error: self.checklist_failed.emit(code, error)
        ).start()

    # -- hand-offs to the other journeys -----------------------------------------

    def take_ticket(self, procedure: Procedure) -> None:
        """ "Lấy số thứ tự": remember the procedure's queue, open the ticket journey."""
        data = self._window.session.data
        data[PROCEDURE_KEY] = procedure.code
        if procedure.queue_service:
            data[QUEUE_SERVICE_KEY] = procedure.queue_service
        else:
            data.pop(QUEUE_SERVICE_KEY, None)
        self.show("queue")

    def fill_form(self, procedure: Procedure) -> None:
        """ "Điền tờ khai": remember the procedure's form, open the form journey."""
        data = self._window.session.data
        data[PROCEDURE_KEY] = procedure.code
        if procedure.form_id:
            data[FORM_ID_KEY] = procedure.form_id
        self.show("form")
