"""The form journey's state: the forms on offer, the one draft, submitting, the receipt.

The draft (:class:`~ui.screens.form.draft.Draft`) lives here, in memory only, for one
citizen: the window's session reset discards it, as does leaving the form. Core
calls that touch the database (the list of forms, submitting) run on the database
worker, printing on the I/O worker, each through :class:`ui.ops.Op` with the
session, so a late result never reaches the next citizen.

Hand-offs in ``window.session.data`` (dropped whole on idle reset):

- in: ``FORM_ID_KEY`` and ``PROCEDURE_KEY``, set by the procedure page's "Điền tờ
  khai": the journey opens that form for that thủ tục, each time it is entered during
  the visit (as the ticket journey does with its queue), unless its draft is open;
- out: ``DOSSIER_REFERENCE_KEY`` and ``QUEUE_SERVICE_KEY``, set on "Lấy số thứ tự"
  after submitting: the ticket is for the procedure's counter queue and carries the
  hồ sơ's reference.

Căn cước scans (:mod:`ui.idcard_scanner`) count only while the form screen is shown;
anywhere else they are typing like any other and reach the focused widget as typed
(a card means nothing on the home or lookup screens, and a staff member's field must
never second-guess a keyboard). On the list of forms a scan asks to choose a form first.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from kiosk.catalog.errors import ProcedureNotFoundError
from kiosk.clock import LOCAL_TZ
from kiosk.errors import KioskError
from kiosk.forms.checks import check_form
from kiosk.i18n import TrText
from kiosk.idcard import IdCardError, Prefill, looks_like_payload, parse, prefill
from ui.idcard_scanner import IdCardScanner
from ui.ops import Op, Pool
from ui.screens.form.draft import Draft
from ui.screens.form.texts import CHOOSE_FORM_FIRST, FormLanguage, form_language
from ui.screens.lookup.flow import FORM_ID_KEY, PROCEDURE_KEY, QUEUE_SERVICE_KEY
from ui.screens.queue.flow import DOSSIER_REFERENCE_KEY

if TYPE_CHECKING:
    from kiosk.dossiers.api import SubmittedDossier
    from kiosk.forms.library import FormLibrary
    from kiosk.forms.schema import FormDefinition, Wording
    from kiosk.services import KioskServices
    from ui.main_window import KioskWindow

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")

FORM_SCREEN = "form"
# Where "‹ Quay lại" on the first page leads when the form was opened from a procedure.
PROCEDURE_SCREEN = "lookup.procedure"


class Receipt(enum.Enum):
    """Where the biên nhận stands on the done page."""

    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Filed:
    """A submitted hồ sơ, the title of its form, and the counter queue of its thủ tục
    (``None``: none known)."""

    dossier: SubmittedDossier
    title: Wording
    queue_service: str | None


class FormFlow(QObject):
    """Owned by the window; the form screen asks it to open, submit, print and leave."""

    # The forms on offer were read: ``list[FormDefinition]``.
    forms_loaded = Signal(object)
    # Reading them, or opening one, failed with this ``KioskError``.
    forms_failed = Signal(object)
    # A new draft is open (``Draft``): the screen builds its pages.
    draft_opened = Signal(object)
    # The draft is gone (left, submitted or reset): the screen forgets its pages.
    draft_closed = Signal()
    # Submitting started (``True``) or ended (``False``).
    submitting_changed = Signal(bool)
    # The core refused the answers: ``dict[str, TrText]`` by answer key.
    problems_found = Signal(object)
    # The hồ sơ is on disk: ``SubmittedDossier``.
    submitted = Signal(object)
    # The receipt's state changed (see :attr:`receipt` and :attr:`receipt_error`).
    receipt_changed = Signal()
    # A card was read into the draft: ``Prefill``.
    card_read = Signal(object)

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window
        self.draft: Draft | None = None
        # Where "‹ Quay lại" from the first page goes: a screen name, or ``None`` for
        # the list of forms.
        self.origin: str | None = None
        self.filed: Filed | None = None
        self.receipt: Receipt | None = None
        self.receipt_error: TrText | None = None
        self._submitting = False
        self.scanner = IdCardScanner(window, active=self._scanning, looks_like=looks_like_payload)
        self.scanner.scanned.connect(self._scanned)
        window.screen_changed.connect(self._screen_changed)

    # -- the core ----------------------------------------------------------------

    def services(self) -> KioskServices:
        """The core services; raises ``KioskError`` while the kiosk starts up."""
        return self._window.services()

    def language(self) -> FormLanguage:
        return form_language(self._window.languages.language)

    def today(self) -> date:
        """The kiosk's local day (the services' clock, which tests fix)."""
        try:
            now = self.services().clock()
        except KioskError:
            return date.today()
        return now.astimezone(LOCAL_TZ).date()

    # -- choosing a form -----------------------------------------------------------

    def entered(self) -> None:
        """The journey was opened: the form the procedure page chose, the draft in
        progress, or the list of forms."""
        # Listening only here keeps every other screen's events off this filter, and
        # installing now puts it ahead of the Telex filter, which is installed later.
        self.scanner.listen()
        form_id = self._window.session.data.get(FORM_ID_KEY)
        if self.draft is not None and self.draft.form.id == form_id:
            return  # back to the draft in progress
        if isinstance(form_id, str):
            self.open_form_id(form_id, self.procedure_from_session())
        elif self.draft is None and self.filed is None:
            self.load_forms()

    def procedure_from_session(self) -> str | None:
        """The thủ tục the citizen last looked up, if any."""
        code = self._window.session.data.get(PROCEDURE_KEY)
        return code if isinstance(code, str) else None

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._window.show_error(error)

    def load_forms(self) -> None:
        self._read_forms(lambda forms: forms.all(), self.forms_loaded.emit, self.forms_failed.emit)

    def open_form_id(self, form_id: str, procedure_code: str | None) -> None:
        self._read_forms(
            lambda forms: forms.get(form_id), self._opened(procedure_code), self._open_failed
        )

    def _read_forms(
        self,
        read: Callable[[FormLibrary], T],
        done: Callable[[T], None],
        failed: Callable[[KioskError], None],
    ) -> None:
        """``read`` the form library on the database worker; when the services cannot
        be had at all, the chooser hears it through ``forms_failed``."""
        try:
            forms = self.services().forms
        except KioskError as error:
            self.forms_failed.emit(error)
            return
        Op(
            lambda: read(forms),
            parent=self._window,
            pool=Pool.DATABASE,
            session=self._window.session,
        ).on_success(done).on_failure(failed).start()

    def _opened(self, procedure_code: str | None) -> Callable[[FormDefinition], None]:
        def opened(form: FormDefinition) -> None:
            self.open_form(form, procedure_code, origin=PROCEDURE_SCREEN)

        return opened

    def _open_failed(self, error: KioskError) -> None:
        self.forms_failed.emit(error)
        self.load_forms()

    def open_form(
        self, form: FormDefinition, procedure_code: str | None = None, *, origin: str | None = None
    ) -> Draft:
        """Start a new draft of ``form`` for ``procedure_code`` (its first thủ tục when
        the form does not list that one)."""
        self.discard()
        code = procedure_code if procedure_code in form.procedures else form.procedures[0]
        self.origin = origin
        self.draft = Draft.start(form, code)
        self._warm_places()
        self.draft_opened.emit(self.draft)
        return self.draft

    def _warm_places(self) -> None:
        """Load the map of wards before the first address page or card needs it."""
        from kiosk import places

        Op(places.warm_up, parent=self._window, pool=Pool.IO).start()

    # -- submitting ----------------------------------------------------------------

    @property
    def submitting(self) -> bool:
        return self._submitting

    def submit(self) -> None:
        """File the draft; ignored while a submission is in flight (double taps)."""
        draft = self.draft
        if draft is None or self._submitting:
            return
        problems = check_form(draft.form, draft.answers, today=self.today())
        if problems:
            self.problems_found.emit(problems)
            return
        try:
            services = self.services()
        except KioskError as error:
            self._window.show_error(error)
            return
        form, code, answers = draft.form, draft.procedure_code, draft.to_submit()

        def file() -> Filed:
            dossier = services.dossiers.submit(form, code, answers)
            try:
                queue = services.catalog.procedure(code).queue_service
            except ProcedureNotFoundError:
                queue = None
            return Filed(dossier, form.title, queue)

        self._set_submitting(True)
        Op(file, parent=self._window, pool=Pool.DATABASE, session=self._window.session).on_success(
            self._filed
        ).on_failure(self._refused).start()

    def _filed(self, filed: Filed) -> None:
        self._set_submitting(False)
        log.info("dossier %s filed from the form screen", filed.dossier.reference)
        self.filed = filed
        self._window.session.data[DOSSIER_REFERENCE_KEY] = filed.dossier.reference
        self._close_draft()
        self.submitted.emit(filed.dossier)
        self.print_receipt()

    def _refused(self, error: KioskError) -> None:
        self._set_submitting(False)
        problems = getattr(error, "problems", None)
        if isinstance(problems, dict) and problems:
            self.problems_found.emit(problems)
        self._window.show_error(error)

    def _set_submitting(self, busy: bool) -> None:
        if busy != self._submitting:
            self._submitting = busy
            self.submitting_changed.emit(busy)

    # -- the receipt -----------------------------------------------------------------

    def print_receipt(self) -> None:
        """Print the biên nhận on the I/O worker; "In lại" calls this again."""
        if self.filed is None or self.receipt == Receipt.PRINTING:
            return
        try:
            services = self.services()
        except KioskError as error:
            self._receipt_done(Receipt.FAILED, error.message)
            return
        reference = self.filed.dossier.reference
        dossiers, printing = services.dossiers, services.printing

        def print_it() -> None:
            printing.send(printing.job(dossiers.receipt(reference)))

        self._receipt_done(Receipt.PRINTING, None)
        Op(print_it, parent=self._window, pool=Pool.IO, session=self._window.session).on_success(
            lambda _: self._receipt_done(Receipt.PRINTED, None)
        ).on_failure(lambda error: self._receipt_done(Receipt.FAILED, error.message)).start()

    def _receipt_done(self, state: Receipt, error: TrText | None) -> None:
        self.receipt, self.receipt_error = state, error
        self.receipt_changed.emit()

    # -- leaving ---------------------------------------------------------------------

    def take_ticket(self) -> None:
        """ "Lấy số thứ tự" after submitting: the procedure's queue, with the reference."""
        data = self._window.session.data
        if self.filed is not None:
            data[DOSSIER_REFERENCE_KEY] = self.filed.dossier.reference
            data[PROCEDURE_KEY] = self.filed.dossier.procedure_code
            if self.filed.queue_service:
                data[QUEUE_SERVICE_KEY] = self.filed.queue_service
        self._window.show_screen("queue")

    def finish(self) -> None:
        """The citizen is done: forget them and greet the next one."""
        self._window.reset_session()

    def leave(self) -> None:
        """Drop the draft and go back where the form was opened from."""
        origin = self.origin
        self.discard()
        if origin is not None:
            self._window.show_screen(origin)
        else:
            self.load_forms()

    def go_home(self) -> None:
        self.discard()
        self._window.go_home()

    def _screen_changed(self, name: str) -> None:
        """Away from the form, the scanner stands aside. Home by any road (staff's PIN
        pad, a crash screen's return) ends the draft: an untouched home screen is never
        reset for idleness, so a draft left behind would wait there for the next citizen."""
        if name != FORM_SCREEN:
            self.scanner.stop_listening()
        if name == "home" and (self.draft is not None or self.filed is not None):
            self.discard()

    def discard(self) -> None:
        """Forget the draft, the filed hồ sơ and any half-read scan."""
        self.scanner.reset()
        self.filed = None
        self.receipt = None
        self.receipt_error = None
        self.origin = None
        self._set_submitting(False)
        self._close_draft()

    def _close_draft(self) -> None:
        draft, self.draft = self.draft, None
        if draft is not None:
            draft.wipe()
        self.draft_closed.emit()

    # -- căn cước --------------------------------------------------------------------

    def _scanning(self) -> bool:
        return self._window.current_screen_name() == FORM_SCREEN

    def _scanned(self, payload: str) -> None:
        self._window.idle.poke()  # the scanner's keys never reached the idle watchdog
        draft = self.draft
        if draft is None:
            self._window.show_error(KioskError(CHOOSE_FORM_FIRST))
            return
        try:
            card = parse(payload)
        except IdCardError as error:
            log.info("a scanned code was not a readable căn cước")
            self._window.show_error(error)
            return
        filled: Prefill = prefill(draft.form, card)
        for field_id, value in filled.answers.items():
            draft.set(field_id, value)
        log.info("căn cước read into %d fields", len(filled.filled))
        self.card_read.emit(filled)
