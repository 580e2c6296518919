"""Điền tờ khai: the list of forms, one page per section, the review, the receipt.

One screen holds the whole journey, so a căn cước scanned anywhere in it lands in the
same draft, and the header (the form's title and "Bước 2/5") stays put while pages
change under it. "Tiếp tục" checks the page first and refuses to move on while
anything on it needs fixing, bringing the first such question into view. "‹ Quay
lại" never checks and never loses an answer. Leaving a started draft (home, or back
from its first page) asks first, since leaving discards it. Before the first page of
a visit's first form comes the privacy notice (``ui.widgets.consent``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLayout,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.errors import KioskError
from kiosk.forms.draft import REVIEW, Draft
from ui.i18n import translate
from ui.panel import PanelShape, panel_shape
from ui.screens.form import TITLE
from ui.screens.form.chooser import ChooserPage
from ui.screens.form.done import DonePage
from ui.screens.form.flow import FormFlow
from ui.screens.form.inputs import FieldEnv, FieldInput
from ui.screens.form.page import SectionPage
from ui.screens.form.panels import AddressPanel, HolderPanel, LeavePanel
from ui.screens.form.review import ReviewPage
from ui.screens.form.style import form_stylesheet
from ui.screens.form.texts import say
from ui.widgets.consent import ConsentNotice
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, frame_page
from ui.widgets.screen import Screen, big_button
from wire.answers import Answers
from wire.i18n import QT_TRANSLATE_NOOP, TrText

if TYPE_CHECKING:
    from kiosk.consent import Notice
    from kiosk.declarations.api import SubmittedDeclaration
    from kiosk.idcard import Prefill
    from wire.forms import CardHolder, FormDefinition

# Below this height (the docked keyboard is up on a 768 px screen) the header steps
# aside: the citizen is typing, and the field needs the room. On a landscape panel it
# steps aside whenever the keyboard is up, so the question being answered and a
# search list under it fit above the keys at every text size.
COMPACT_BELOW_PX = 560
# The page's margins while the keyboard is up on a landscape panel (left, top, right,
# bottom): the pixels above and below the page go to the question.
Margins = tuple[int, int, int, int]
TYPING_MARGINS: Margins = (40, 8, 40, 4)

CARD_FILLED = QT_TRANSLATE_NOOP(
    "Form", "Đã điền từ thẻ căn cước: {fields}. Vui lòng kiểm tra lại trước khi tiếp tục."
)
# A form with several people: whose details the card filled ("Bên nam", "Người cha").
CARD_FILLED_FOR = QT_TRANSLATE_NOOP(
    "Form",
    "Đã điền thông tin {holder} từ thẻ căn cước: {fields}. Vui lòng kiểm tra lại trước khi "
    "tiếp tục.",
)


class FormScreen(Screen):
    def __init__(self, flow: FormFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.env = FieldEnv(language=flow.language, today=flow.today)
        self.pages: dict[int, SectionPage] = {}
        self._return_to: QWidget | None = None
        self._card_fields: tuple[str, ...] = ()
        self._card_holder: str | None = None
        self._card_address_field: str | None = None
        self._look: tuple[object, object] | None = None
        self._body_cache: tuple[QLayout, Margins] | None = None

        self.header = self._build_header()
        self.stack = QStackedWidget(self)
        self.chooser = ChooserPage(self.stack)
        self.chooser.chosen.connect(self._form_chosen)
        self.consent = ConsentNotice(self.stack)
        self.consent.agreed.connect(self.flow.agree)
        self.consent.declined.connect(self.flow.decline)
        self.review = ReviewPage(self.stack)
        self.review.edit_requested.connect(self.edit_section)
        self.done = DonePage(flow, self.stack)
        self.leave_panel = LeavePanel(self.stack)
        self.leave_panel.stay.connect(self._stay)
        self.leave_panel.leave.connect(self._leave_confirmed)
        self.address_panel = AddressPanel(self.stack)
        self.address_panel.confirmed.connect(self._address_confirmed)
        self.address_panel.change.connect(self._address_change)
        self._build_card_question()
        pages = (self.chooser, self.consent, self.review, self.done)
        for page in (*pages, self.leave_panel, self.address_panel, self.holder_panel):
            self.stack.addWidget(page)

        self.nav = NavBar(self)
        self.nav.back.connect(self.go_back)
        self.nav.home.connect(self.go_home)
        self.next_button = big_button(self.nav, role="action", name="NextButton")
        self.next_button.clicked.connect(self.go_next)
        self.submit_button = big_button(self.nav, role="action", name="SubmitButton")
        self.submit_button.clicked.connect(self.flow.submit)
        self.ticket_button = big_button(self.nav, role="action", name="TicketButton")
        self.ticket_button.clicked.connect(self.flow.take_ticket)
        for button in (self.next_button, self.submit_button, self.ticket_button):
            self.nav.add_action(button)
        frame_page(self, (self.header, self.stack), self.nav, spacing=12)

        flow.forms_loaded.connect(self._forms_loaded)
        flow.forms_failed.connect(self._forms_failed)
        flow.notice_needed.connect(self._notice_needed)
        flow.draft_opened.connect(self._draft_opened)
        flow.draft_closed.connect(self._draft_closed)
        flow.submitting_changed.connect(lambda _: self._update_chrome())
        flow.problems_found.connect(self._problems_found)
        flow.submitted.connect(self._submitted)
        flow.card_read.connect(self._card_read)
        self.retranslate()

    def _build_card_question(self) -> None:
        """ "Thẻ này của ai?", and the flow's news of a card waiting for a form."""
        self.holder_panel = HolderPanel(self.stack)
        self.holder_panel.chosen.connect(self._holder_chosen)
        self.holder_panel.cancelled.connect(self._holder_cancelled)
        self.flow.card_waiting.connect(self._card_waiting)
        self.flow.holder_asked.connect(self._holder_asked)

    def _build_header(self) -> QWidget:
        header = QWidget(self)
        header.setObjectName("FormHeader")
        self.title = Label(header)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        self.step_label = Label(header)
        self.step_label.setObjectName("StepLabel")
        self.progress = QProgressBar(header)
        self.progress.setObjectName("StepBar")
        self.progress.setTextVisible(False)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.title, 1)
        top.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        return header

    # -- where we are --------------------------------------------------------------

    @property
    def draft(self) -> Draft | None:
        return self.flow.draft

    def current_page(self) -> SectionPage | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, SectionPage) else None

    def entered(self) -> None:
        self._apply_look()
        self.flow.entered()
        self.chooser.set_card_waiting(self.draft is None and self.flow.waiting_card)
        waiting = self.flow.pending_form is not None
        if self.draft is None and not waiting and self.stack.currentWidget() is not self.chooser:
            self._show(self.chooser)

    def _show(self, widget: QWidget) -> None:
        self.stack.setCurrentWidget(widget)
        focused = QApplication.focusWidget()
        if focused is not None and focused.window() is self.window():
            focused.clearFocus()  # the keyboard goes until the citizen taps a field
        self._update_chrome()

    def show_section(self, index: int) -> None:
        draft = self.draft
        if draft is None:
            return
        draft.page = index
        page = self.pages[index]
        page.refresh_visibility(draft.answers)
        for other in self.pages.values():
            if other is not page:
                other.show_notice("")
        page.scroll_area.verticalScrollBar().setValue(0)
        self._show(page)

    def show_review(self) -> None:
        draft = self.draft
        if draft is None:
            return
        draft.page = REVIEW
        draft.back_to_review = False
        self.review.show_draft(draft, self.flow.language())
        self.review.scroll_area.verticalScrollBar().setValue(0)
        self._show(self.review)

    # -- moving --------------------------------------------------------------------

    def go_next(self) -> None:
        """ "Tiếp tục": the page must hold first; after "Sửa" it returns to the review."""
        draft, page = self.draft, self.current_page()
        if draft is None or page is None:
            return
        first = page.check(draft.answers, self.flow.today())
        if first is not None:
            page.bring_to(first)
            return
        if draft.back_to_review:
            self.show_review()
            return
        following = draft.next_page()
        if following == REVIEW:
            self.show_review()
        else:
            self.show_section(following)

    def go_back(self) -> None:
        current, draft = self.stack.currentWidget(), self.draft
        if current is self.consent:
            self.flow.cancel_notice()
            return
        if current is self.chooser or draft is None:
            self.flow.go_home()
            return
        previous = draft.previous_page()
        if previous is None:
            self._ask_to_leave()
        else:
            self.show_section(previous)

    def edit_section(self, index: int) -> None:
        """ "Sửa" on the review: that page, then straight back to the review."""
        if self.draft is None:
            return
        self.draft.back_to_review = True
        self.show_section(index)

    def go_home(self) -> None:
        """Home after the declaration is filed ends the visit at once; before, the
        window asks first when there is anything to lose."""
        if self.stack.currentWidget() is self.done:
            self.flow.finish()
        else:
            self.flow.go_home()

    def _ask_to_leave(self) -> None:
        """ "‹ Quay lại" from the first page drops the draft: ask first if it was started."""
        draft = self.draft
        if draft is not None and draft.started:
            self._return_to = self.stack.currentWidget()
            self._show(self.leave_panel)
        else:
            self._leave_confirmed()

    def _stay(self) -> None:
        self._show(self._return_to or self.chooser)
        self._return_to = None

    def _leave_confirmed(self) -> None:
        self._return_to = None
        self.flow.leave()

    # -- the flow's news -------------------------------------------------------------

    def _form_chosen(self, form: FormDefinition) -> None:
        self.flow.open_form(form, self.flow.procedure_code())

    def _forms_loaded(self, forms: list[FormDefinition]) -> None:
        self.chooser.show_forms(forms)
        if self.draft is None and self.flow.pending_form is None:
            self._show(self.chooser)

    def _notice_needed(self, notice: Notice) -> None:
        self.consent.wipe()  # asked afresh each time: never pre-ticked
        self.consent.show_notice(notice)
        self.consent.scroll_area.verticalScrollBar().setValue(0)
        self._show(self.consent)

    def _forms_failed(self, error: KioskError) -> None:
        self.flow.show_error(error)

    def _draft_opened(self, draft: Draft) -> None:
        self._drop_pages()
        for index, section in enumerate(draft.form.sections):
            page = SectionPage(index, section, self.env, self._answers, self.stack)
            page.answered.connect(self._answered)
            page.load(draft.answers)
            self.pages[index] = page
            self.stack.addWidget(page)
        if draft.page == REVIEW:
            self.show_review()
        else:
            self.show_section(draft.page)

    def fill(self, answers: Answers) -> None:
        """Put ``answers`` into the open draft and its pages as if typed (screenshots,
        demonstrations, the benchmark)."""
        draft = self.draft
        if draft is None:
            return
        for field_id, value in answers.items():
            draft.set(field_id, value)
        for page in self.pages.values():
            page.load(draft.answers)
        self._update_chrome()

    def _answers(self) -> dict[str, object]:
        return self.draft.answers if self.draft is not None else {}

    def _answered(self, field_id: str, value: object) -> None:
        draft, page = self.draft, self.current_page()
        if draft is None:
            return
        draft.set(field_id, value)
        if page is not None:
            page.refresh_visibility(draft.answers)
        self._update_chrome()  # a condition may add or drop a page

    def _draft_closed(self) -> None:
        self._drop_pages()
        self.review.wipe()
        self.address_panel.wipe()
        self.holder_panel.wipe()
        self._card_fields = ()
        self._card_holder = None
        self._card_address_field = None
        if self.stack.currentWidget() is not self.done:
            self._show(self.chooser)

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            page.wipe()  # nothing of the citizen lingers until Qt deletes it
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}

    def _problems_found(self, problems: dict[str, TrText]) -> None:
        """Submitting found something to fix (a later answer hid or changed a rule):
        show its page with the messages."""
        draft = self.draft
        if draft is None:
            return
        for index in draft.pages():
            page = self.pages[index]
            first = page.show_problems(problems, draft.answers)
            if first is not None:
                self.show_section(index)
                page.show_problems(problems, draft.answers)
                page.bring_to(first)
                return

    def _submitted(self, declaration: SubmittedDeclaration) -> None:
        self.done.show_reference(declaration.reference)
        self._show(self.done)

    # -- căn cước ------------------------------------------------------------------

    def _card_waiting(self) -> None:
        """A card was read before a form was chosen: the list asks which form it fills."""
        self.chooser.set_card_waiting(True)
        if self.stack.currentWidget() is not self.chooser:
            self._show(self.chooser)
            if not self.chooser.rows:
                self.flow.load_forms()

    def _holder_asked(self, holders: tuple[CardHolder, ...]) -> None:
        """ "Thẻ này của ai?" over the page; the answer fills that person."""
        current = self.stack.currentWidget()
        if current not in (self.holder_panel, self.address_panel):
            self._return_to = current
        self.holder_panel.ask(holders, self.flow.language())
        self._show(self.holder_panel)

    def _holder_chosen(self, holder: str) -> None:
        self._back_from_panel()
        self.flow.fill_for(holder)

    def _holder_cancelled(self) -> None:
        self.flow.drop_card()
        self._back_from_panel()

    def _back_from_panel(self) -> None:
        """Back to the page a question was asked over."""
        self.holder_panel.wipe()
        back, self._return_to = self._return_to, None
        draft = self.draft
        if isinstance(back, SectionPage) and back.index in self.pages:
            self.show_section(back.index)
        elif draft is not None and (back is self.review or draft.page == REVIEW):
            self.show_review()
        elif draft is not None:
            self.show_section(draft.page)
        else:
            self._show(back or self.chooser)

    def _card_read(self, filled: Prefill) -> None:
        draft = self.draft
        if draft is None:
            return
        self.chooser.set_card_waiting(False)
        for field_id in dict.fromkeys((*filled.filled, *filled.to_check)):
            page = self.pages[draft.section_of(field_id)]
            question = page.inputs[field_id]
            if field_id in filled.answers:
                question.set_value(draft.answers.get(field_id))
            question.show_problem(filled.to_check.get(field_id))  # a note to check, or none
        self._card_fields = filled.filled
        self._card_holder = filled.holder
        self._card_address_field = filled.address_field
        current = self.stack.currentWidget()
        if isinstance(current, SectionPage):
            current.refresh_visibility(draft.answers)
        elif current is self.review:
            self.review.show_draft(draft, self.flow.language())
        self._retranslate_card_notice()
        if filled.legacy_address is not None or filled.confirm_permanent:
            self.address_panel.show_address(
                filled.legacy_address,
                original=filled.card_address or "",
                permanent=filled.confirm_permanent,
            )
            if current is not self.address_panel:
                self._return_to = current
            self._show(self.address_panel)
        self._update_chrome()

    def _address_field(self) -> FieldInput | None:
        draft, field_id = self.draft, self._card_address_field
        if draft is None or field_id is None:
            return None
        return self.pages[draft.section_of(field_id)].inputs[field_id]

    def _address_confirmed(self) -> None:
        self.address_panel.wipe()
        back = self._return_to
        self._return_to = None
        if back is self.review and self.draft is not None:
            self.show_review()
        elif isinstance(back, SectionPage):
            self.show_section(back.index)
        else:
            self._show(back or self.chooser)
        self._retranslate_card_notice()

    def _address_change(self) -> None:
        self.address_panel.wipe()
        self._return_to = None
        question = self._address_field()
        if question is None or self.draft is None:
            self._address_confirmed()
            return
        index = self.draft.section_of(question.field.id)
        if self.stack.currentWidget() is self.review or self.draft.page == REVIEW:
            self.draft.back_to_review = True
        self.show_section(index)
        self.pages[index].bring_to(question)

    def _retranslate_card_notice(self) -> None:
        page, draft = self.current_page(), self.draft
        if page is None or draft is None:
            return
        if not self._card_fields:
            page.show_notice("")
            return
        language = self.flow.language()
        names = []
        for field_id in self._card_fields:
            field = self.pages[draft.section_of(field_id)].inputs[field_id].field
            names.append(say(field.label, language))
        holder = next((h for h in draft.form.card_holders if h.id == self._card_holder), None)
        if holder is None:
            notice = CARD_FILLED.with_params(fields=", ".join(names))
        else:
            notice = CARD_FILLED_FOR.with_params(
                holder=say(holder.label, language), fields=", ".join(names)
            )
        page.show_notice(translate(notice))

    # -- chrome ----------------------------------------------------------------------

    def _update_chrome(self) -> None:
        draft, current = self.draft, self.stack.currentWidget()
        language = self.flow.language()
        on_section = isinstance(current, SectionPage)
        on_panel = current in (self.leave_panel, self.address_panel, self.holder_panel)
        on_done = current is self.done
        pending = self.flow.pending_form if current is self.consent else None
        shown = draft.form if draft is not None else pending
        self.title.setText(
            say(shown.title, language)
            if shown is not None
            else (self.done_title() if on_done else translate(TITLE))
        )
        stepping = draft is not None and (on_section or current is self.review)
        if stepping and draft is not None:
            step, total = draft.step()
            self.step_label.setText(
                QCoreApplication.translate("Form", "Bước {step}/{total}").format(
                    step=step, total=total
                )
            )
            self.progress.setRange(0, total)
            self.progress.setValue(step)
        self.step_label.setVisible(stepping)
        self.progress.setVisible(stepping)
        self.nav.setVisible(not on_panel)
        self.nav.back_button.setVisible(not on_done)
        # While the declaration is being saved there is no way out: it is saved either way.
        for button in (self.nav.back_button, self.nav.home_button):
            button.setEnabled(not self.flow.submitting)
        self.next_button.setVisible(on_section)
        self.submit_button.setVisible(current is self.review)
        self.submit_button.setEnabled(not self.flow.submitting)
        self.submit_button.setText(
            QCoreApplication.translate("Form", "Đang lưu…")
            if self.flow.submitting
            else QCoreApplication.translate("Form", "Lưu tờ khai")
        )
        self.ticket_button.setVisible(on_done)

    def done_title(self) -> str:
        filed = self.flow.declaration
        return say(filed.form_title, self.flow.language()) if filed is not None else ""

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        window = self.window()
        # The window's size, not its ``panel`` property: that follows only after the
        # window's layout has resized the screens.
        portrait = panel_shape(window.size()) == PanelShape.PORTRAIT
        typing = window.property("keyboard") == "up" and not portrait
        self.header.setVisible(event.size().height() >= COMPACT_BELOW_PX and not typing)
        body = self._body()
        if body is not None:
            column, margins = body
            column.setContentsMargins(*(TYPING_MARGINS if typing else margins))

    def _body(self) -> tuple[QLayout, Margins] | None:
        """The column above the bottom bar that holds the header and the pages, and
        its margins when the keyboard is down."""
        if self._body_cache is None:
            layout = self.layout()
            for index in range(layout.count() if layout is not None else 0):
                assert layout is not None
                item = layout.itemAt(index)
                column = item.layout() if item is not None else None
                if column is not None and column.indexOf(self.header) >= 0:
                    m = column.contentsMargins()
                    self._body_cache = (column, (m.left(), m.top(), m.right(), m.bottom()))
        return self._body_cache

    # -- look, words, forgetting -----------------------------------------------------

    def _apply_look(self) -> None:
        """The form's own styles for the window's theme and text size.

        Those change only on the home screen, so entering the journey is the moment.
        """
        window = self.window()
        look = (getattr(window, "theme", None), getattr(window, "text_scale", None))
        if look != self._look and all(part is not None for part in look):
            self._look = look
            self.setStyleSheet(form_stylesheet(*look))  # type: ignore[arg-type]

    def retranslate(self) -> None:
        language = self.flow.language()
        self.nav.retranslate()
        self.next_button.setText(QCoreApplication.translate("Form", "Tiếp tục ›"))
        self.ticket_button.setText(QCoreApplication.translate("Form", "Lấy số thứ tự"))
        self.chooser.retranslate(language)
        if self.stack.currentWidget() is self.consent:
            self.consent.show_notice(self.flow.notice())  # the notice's own words, anew
        self.leave_panel.retranslate()
        self.address_panel.retranslate()
        self.holder_panel.retranslate(language)
        self.done.retranslate()
        if self.draft is not None and self.stack.currentWidget() is self.review:
            self.review.show_draft(self.draft, language)
        self._retranslate_card_notice()
        self._update_chrome()
