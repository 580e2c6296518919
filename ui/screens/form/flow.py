"""The form journey's state: the forms on offer, the one draft, submitting, the receipt.

The draft (:class:`~kiosk.forms.draft.Draft`) is kept in the citizen's
:class:`~kiosk.visit.Visit`, in memory only: ending the visit drops it, as does leaving
the form. The visit also says which form to open (the procedure page's "Điền tờ
khai"), and takes the filed declaration back, so "Lấy số thứ tự" can give its
reference and counter queue to the ticket journey.

Before a form opens, the citizen reads the privacy notice and ticks one box per
purpose (``kiosk.consent``): nothing can be typed or scanned into a tờ khai until they
agreed to what the service needs. The record goes into the visit and is handed to
``DeclarationService.submit`` with the answers; it is asked once a visit. "Không đồng ý"
ends the visit: nothing was typed, nothing is stored.

Each tap is one core call, run off the UI thread through :func:`ui.host.run` with the
visit, so a late result never reaches the next citizen: the list of forms, submitting
(``DeclarationService.submit`` checks, stores and returns all the done page shows), and
printing the phiếu tờ khai (``SlipService.receipt``).

Căn cước scans reach the flow from the window's scanner (``host.card_scanned``) while
the form screen is shown. In a draft the card fills the person it belongs to
(:func:`kiosk.idcard.whose_card`): the one the page is about, or the one its gender
implies (bên nữ, bên nam), or the one the citizen names when asked "Thẻ này của ai?".
On the list of forms (or the done page) the card waits in the visit (``Visit.card``)
for a form to be chosen, as it does when scanned outside the form screens; choosing a
form fills it. A card read while the privacy notice is up is not read.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from kiosk.clock import LOCAL_TZ
from kiosk.errors import KioskError
from kiosk.forms.draft import REVIEW, Draft
from kiosk.idcard import IdCard, IdCardError, Prefill, parse, prefill, whose_card
from ui.host import Host, run
from ui.ops import Op, Pool
from ui.screens.form.texts import AGREE_FIRST, FormLanguage, form_language
from wire.i18n import TrText

if TYPE_CHECKING:
    from kiosk.consent import Notice
    from kiosk.declarations.api import SubmittedDeclaration
    from kiosk.forms.library import FormLibrary
    from kiosk.services import KioskServices
    from wire.forms import FormDefinition

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")

FORM_SCREEN = "form"
# Where "‹ Quay lại" on the first page leads when the form was opened from a procedure.
PROCEDURE_SCREEN = "lookup.procedure"
QUEUE_SCREEN = "queue"
HOME_SCREEN = "home"


class Receipt(enum.Enum):
    """Where the phiếu tờ khai stands on the done page."""

    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


class FormFlow(QObject):
    """Made for one visit with the form screen; it asks the flow to open, submit, print
    and leave."""

    # The forms on offer were read: ``list[FormDefinition]``.
    forms_loaded = Signal(object)
    # Reading them, or opening one, failed with this ``KioskError``.
    forms_failed = Signal(object)
    # A form was chosen and the privacy notice must be agreed to first: ``Notice``.
    notice_needed = Signal(object)
    # A new draft is open (``Draft``): the screen builds its pages.
    draft_opened = Signal(object)
    # The draft is gone (left, or submitted): the screen forgets its pages.
    draft_closed = Signal()
    # Submitting started (``True``) or ended (``False``).
    submitting_changed = Signal(bool)
    # The core refused the answers: ``dict[str, TrText]`` by answer key.
    problems_found = Signal(object)
    # The declaration is on disk: ``SubmittedDeclaration``.
    submitted = Signal(object)
    # The receipt's state changed (see :attr:`receipt` and :attr:`receipt_error`).
    receipt_changed = Signal()
    # A card was read into the draft: ``Prefill``.
    card_read = Signal(object)
    # A card was read and waits for a form to be chosen (the list of forms says so).
    card_waiting = Signal()
    # Whose card is it? The card holders to ask about: ``tuple[CardHolder, ...]``.
    holder_asked = Signal(object)

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        # Where "‹ Quay lại" from the first page goes: a screen name, or ``None`` for
        # the list of forms.
        self.origin: str | None = None
        self.receipt: Receipt | None = None
        self.receipt_error: TrText | None = None
        # The form chosen while the notice is shown: (form, procedure code, origin).
        self._pending: tuple[FormDefinition, str | None, str | None] | None = None
        self._submitting = False
        host.card_scanned.connect(self._scanned)

    # -- the core ----------------------------------------------------------------

    def services(self) -> KioskServices:
        """The core services; raises ``KioskError`` while the kiosk starts up."""
        return self._host.services()

    def run(self, fn: Callable[[], T], pool: Pool = Pool.DATABASE) -> Op[T]:
        """Core work for this visit's screen, off the UI thread (``ui.host.run``)."""
        return run(self._host, fn, pool=pool)

    def language(self) -> FormLanguage:
        return form_language(self._host.language)

    def today(self) -> date:
        """The kiosk's local day (the services' clock, which tests fix)."""
        try:
            now = self.services().clock()
        except KioskError:
            return date.today()
        return now.astimezone(LOCAL_TZ).date()

    @property
    def draft(self) -> Draft | None:
        return self._host.visit.draft

    @property
    def declaration(self) -> SubmittedDeclaration | None:
        """The declaration this visit filed last, shown on the done page."""
        return self._host.visit.declaration

    # -- choosing a form -----------------------------------------------------------

    def entered(self) -> None:
        """The journey was opened: the form the procedure page chose, the draft in
        progress, or the list of forms."""
        visit = self._host.visit
        form_id = visit.form_id
        if self.draft is not None and (form_id is None or self.draft.form.id == form_id):
            return  # back to the draft in progress
        if form_id is not None:
            self.open_form_id(form_id, self.procedure_code())
        elif self.draft is None:
            self.load_forms()

    def procedure_code(self) -> str | None:
        """The thủ tục the citizen last looked up, if any."""
        procedure = self._host.visit.procedure
        return procedure.code if procedure is not None else None

    def show_error(self, error: KioskError) -> None:
        """An expected failure, as the window shows them: a message above the screen."""
        self._host.show_error(error)

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
        self.run(lambda: read(forms)).on_success(done).on_failure(failed).start()

    def _opened(self, procedure_code: str | None) -> Callable[[FormDefinition], None]:
        def opened(form: FormDefinition) -> None:
            self.open_form(form, procedure_code, origin=PROCEDURE_SCREEN)

        return opened

    def _open_failed(self, error: KioskError) -> None:
        self._host.visit.form_id = None
        self.forms_failed.emit(error)
        self.load_forms()

    def open_form(
        self, form: FormDefinition, procedure_code: str | None = None, *, origin: str | None = None
    ) -> Draft | None:
        """Start a new draft of ``form`` for ``procedure_code`` (its first thủ tục when
        the form does not list that one) once the citizen has agreed to the privacy
        notice in this visit; until then ask (``notice_needed``) and return ``None``."""
        if self._host.visit.consent is None:
            self._pending = (form, procedure_code, origin)
            try:
                notice = self.notice()
            except KioskError as error:
                self._pending = None
                self._host.show_error(error)
                return None
            self.notice_needed.emit(notice)
            return None
        return self._start(form, procedure_code, origin)

    # -- the privacy notice --------------------------------------------------------

    @property
    def pending_form(self) -> FormDefinition | None:
        """The form waiting behind the notice."""
        return self._pending[0] if self._pending is not None else None

    def notice(self) -> Notice:
        """The notice in the kiosk's current language; raises ``KioskError`` at start-up."""
        return self.services().consent.notice(self._host.language)

    def agree(self, ticked: frozenset[str]) -> Draft | None:
        """ "Đồng ý và tiếp tục": record the consent in the visit, then open the form."""
        pending, self._pending = self._pending, None
        try:
            consent = self.services().consent.agree(self._host.language, ticked)
        except KioskError as error:
            self._pending = pending
            self._host.show_error(error)
            return None
        self._host.visit.consent = consent
        log.info("privacy notice agreed to (%s)", ", ".join(consent.purposes))
        return None if pending is None else self._start(*pending)

    def decline(self) -> None:
        """ "Không đồng ý": nothing was typed and nothing is kept; the visit ends."""
        self._pending = None
        log.info("privacy notice declined: visit ended")
        self._host.end_visit()

    def cancel_notice(self) -> None:
        """ "‹ Quay lại" from the notice: back where the form was chosen, nothing kept."""
        origin = self._pending[2] if self._pending is not None else None
        self._pending = None
        self._host.visit.form_id = None
        if origin is not None:
            self._host.show_screen(origin)
        else:
            self.load_forms()

    def _start(self, form: FormDefinition, procedure_code: str | None, origin: str | None) -> Draft:
        self._close_draft()
        code = procedure_code if procedure_code in form.procedures else form.procedures[0]
        self.origin = origin
        visit = self._host.visit
        visit.form_id = form.id
        visit.draft = Draft.start(form, code)
        self._warm_places()
        self.draft_opened.emit(visit.draft)
        card = visit.card
        if card is not None:  # read before the form was chosen: the page has no say
            self.read_card(card, on_page=False)
        return visit.draft

    def _warm_places(self) -> None:
        """Load the map of wards before the first address page or card needs it."""
        from kiosk import places

        self.run(places.warm_up, pool=Pool.IO).start()

    # -- submitting ----------------------------------------------------------------

    @property
    def submitting(self) -> bool:
        return self._submitting

    def submit(self) -> None:
        """File the draft with one core call; ignored while one is in flight (double taps)."""
        draft = self.draft
        if draft is None or self._submitting:
            return
        try:
            declarations = self.services().declarations
        except KioskError as error:
            self._host.show_error(error)
            return
        form, code, answers = draft.form, draft.procedure_code, draft.to_submit()
        consent = self._host.visit.consent
        self._set_submitting(True)
        self.run(lambda: declarations.submit(form, code, answers, consent=consent)).on_success(
            self._filed
        ).on_failure(self._refused).start()

    def _filed(self, declaration: SubmittedDeclaration) -> None:
        self._set_submitting(False)
        log.info("declaration %s filed from the form screen", declaration.reference)
        visit = self._host.visit
        visit.declaration = declaration
        visit.form_id = None
        self.receipt, self.receipt_error = None, None
        self._close_draft()
        self.submitted.emit(declaration)
        self.print_receipt()

    def _refused(self, error: KioskError) -> None:
        self._set_submitting(False)
        problems = getattr(error, "problems", None)
        if isinstance(problems, dict) and problems:
            self.problems_found.emit(problems)
        self._host.show_error(error)

    def _set_submitting(self, busy: bool) -> None:
        if busy != self._submitting:
            self._submitting = busy
            self.submitting_changed.emit(busy)

    # -- the receipt -----------------------------------------------------------------

    def print_receipt(self) -> None:
        """Print the phiếu tờ khai on the I/O worker; "In lại" calls this again."""
        filed = self.declaration
        if filed is None or self.receipt == Receipt.PRINTING:
            return
        try:
            slips = self.services().slips
        except KioskError as error:
            self._receipt_done(Receipt.FAILED, error.message)
            return
        reference = filed.reference
        self._receipt_done(Receipt.PRINTING, None)
        self.run(lambda: slips.receipt(reference), pool=Pool.IO).on_success(
            lambda _: self._receipt_done(Receipt.PRINTED, None)
        ).on_failure(lambda error: self._receipt_done(Receipt.FAILED, error.message)).start()

    def _receipt_done(self, state: Receipt, error: TrText | None) -> None:
        self.receipt, self.receipt_error = state, error
        self.receipt_changed.emit()

    # -- leaving ---------------------------------------------------------------------

    def take_ticket(self) -> None:
        """ "Lấy số thứ tự" after submitting: the procedure's queue; the ticket carries
        the reference (the queue journey reads both from the visit)."""
        filed = self.declaration
        if filed is not None:
            self._host.visit.ask_for_ticket(filed.queue_service)
        self._host.show_screen(QUEUE_SCREEN)

    def finish(self) -> None:
        """The citizen is done: forget them and greet the next one."""
        self._host.end_visit()

    def leave(self) -> None:
        """Drop the draft and go back where the form was opened from."""
        origin = self.origin
        self.discard()
        if origin is not None:
            self._host.show_screen(origin)
        else:
            self.load_forms()

    def go_home(self) -> None:
        """Home ends the visit (the window asks first when there is a draft)."""
        self._host.go_home()

    def discard(self) -> None:
        """Forget the draft, the form the procedure asked for and a card still waiting
        to be told whose it is."""
        self._host.visit.card = None
        self.origin = None
        self._pending = None
        self._host.visit.form_id = None
        self._set_submitting(False)
        self._close_draft()

    def _close_draft(self) -> None:
        visit = self._host.visit
        draft, visit.draft = visit.draft, None
        if draft is not None:
            draft.wipe()
            self.draft_closed.emit()

    # -- căn cước --------------------------------------------------------------------

    @property
    def waiting_card(self) -> bool:
        """A card was read and waits for a form to be chosen, or for whose it is."""
        return self._host.visit.card is not None

    def _scanned(self, payload: str) -> None:
        draft = self.draft
        if draft is None and self._pending is not None:
            self._host.show_error(KioskError(AGREE_FIRST))  # nothing is read before consent
            return
        try:
            card = parse(payload, today=self.today())
        except IdCardError as error:
            log.info("a scanned code was not a usable căn cước")
            self._host.show_error(error)
            return
        if draft is None:
            log.info("căn cước read: it waits for a form to be chosen")
            self._host.visit.card = card
            self.card_waiting.emit()
            return
        self.read_card(card)

    def read_card(self, card: IdCard, *, on_page: bool = True) -> None:
        """Fill the person the card belongs to, or ask whose it is (the card waits in
        the visit for the answer). ``on_page``: the page shown may decide."""
        draft = self.draft
        if draft is None:
            return
        page = None
        if on_page and draft.page != REVIEW:
            page = draft.form.sections[draft.page].id
        holders = whose_card(draft.form, card, draft.answers, page)
        if len(holders) > 1:
            self._host.visit.card = card
            self.holder_asked.emit(holders)
            return
        self._fill(card, holders[0].id if holders else None)

    def fill_for(self, holder: str) -> None:
        """ "Thẻ này của ai?" answered: the waiting card fills that person."""
        card, self._host.visit.card = self._host.visit.card, None
        if card is not None:
            self._fill(card, holder)

    def drop_card(self) -> None:
        """The citizen did not say whose the card is: it fills nothing."""
        self._host.visit.card = None

    def _fill(self, card: IdCard, holder: str | None) -> None:
        draft = self.draft
        self._host.visit.card = None
        if draft is None:
            return
        filled: Prefill = prefill(draft.form, card, holder)
        for field_id, value in filled.answers.items():
            draft.set(field_id, value)
        log.info("căn cước read into %d fields", len(filled.filled))
        self.card_read.emit(filled)
