"""Lấy số thứ tự, first half: which queue, then whether the citizen has priority.

Page one is a card per queue with its counters and how many are waiting. Tapping one
opens page two: the chosen queue on top, then the answers. "Không thuộc diện ưu tiên"
comes first, full width and tallest, and takes an ordinary ticket at once: most
citizens answer it, and it is where a hurried finger lands. The priority groups
(đối tượng ưu tiên) the queue serves first follow, one button each in their official
wording, so a citizen can tell whether they belong. A group is a claim, so it asks
once more, naming the group, before it prints (:mod:`ui.screens.queue.confirm`).

The group is named on screen only: the ticket records only "ưu tiên" (DESIGN.md,
"Privacy"), nothing keeps which group was chosen, and the page says so. A queue
without priority groups takes the ticket straight from its card.

When the page is too short for everything (1366×768 at 150 % text) the queue's card
and then the screen title step aside, the notice naming the queue instead, so every
answer stays on screen without scrolling. Coming from a procedure's page, the screen
opens on page two for that procedure's queue; "‹ Quay lại" still leads to every queue.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QStackedWidget, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.errors import KioskError
from ui.screens.queue.confirm import ClaimConfirm
from ui.screens.queue.flow import QueueFlow
from ui.screens.queue.texts import priority_name
from ui.screens.queue.widgets import ChoiceButton, ServiceCard, repolish, state_of
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, frame_page, kinetic_scroll_area
from ui.widgets.screen import Screen, big_button

if TYPE_CHECKING:
    from kiosk.queue.api import QueueServiceView
    from wire.vocabulary import PriorityGroup

# Window widths from which cards sit two to a row (when there are many queues).
WIDE_FROM_PX = 1600
# The page's frame (ui.widgets.navigation.frame_page): margins above and below the
# parts, and the spacing between them (given below).
FRAME_TOP_PX = 24
FRAME_BOTTOM_PX = 8
FRAME_SPACING_PX = 12
# The priority page's content: right margin (beside the scroll bar) and spacing.
PRIORITY_RIGHT_PX = 12
PRIORITY_SPACING_PX = 14
# Priority groups sit two to a row when half the page is at least this wide.
CLAIM_TWO_COLUMNS_FROM_PX = 360
# Up to this many queues the cards are one column, easiest to read top to bottom.
ONE_COLUMN_UP_TO = 4


class Notice(Enum):
    """What the line under the title says."""

    LOADING = "loading"
    CHOOSE = "choose"
    UNAVAILABLE = "unavailable"
    CLOSED = "closed"
    FULL = "full"


class ChooseScreen(Screen):
    def __init__(self, flow: QueueFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._services: list[QueueServiceView] = []
        self._notice = Notice.LOADING
        self._notice_service = ""
        self._preselect: str | None = None
        self._wide = False
        self.chosen: QueueServiceView | None = None

        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        self.notice = Label(self)
        self.notice.setObjectName("QueueNotice")
        self.notice.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_services_page())
        self.pages.addWidget(self._build_priority_page())

        self.nav = NavBar(self)
        self.nav.back.connect(self.back)
        self.nav.home.connect(self.flow.go_home)
        frame_page(self, (self.title, self.notice, self.pages), self.nav, spacing=FRAME_SPACING_PX)
        self.confirm = ClaimConfirm(self)
        self.confirm.confirmed.connect(lambda: self._take(True))

        flow.services_loaded.connect(self._show_services)
        flow.services_failed.connect(self._services_failed)
        flow.busy_changed.connect(self._busy_changed)
        self.retranslate()

    def _build_services_page(self) -> QWidget:
        self.cards: list[ServiceCard] = []
        content = QWidget(self)
        content.setObjectName("ServiceCards")
        self._grid = QGridLayout(content)
        self._grid.setContentsMargins(0, 0, 12, 0)
        self._grid.setSpacing(16)
        self.services_page = kinetic_scroll_area(self, content)
        return self.services_page

    def _build_priority_page(self) -> QWidget:
        content = QWidget(self)
        content.setObjectName("PriorityPage")
        self.chosen_card = ServiceCard(content, tappable=False)
        self.question = Label(content)
        self.question.setObjectName("PriorityQuestion")
        self.question.setWordWrap(True)
        # The answers: "no priority" first and biggest, then one button per group.
        self.choices = QWidget(content)
        self.none_button = big_button(self.choices, name="NoPriorityButton")
        self.none_button.clicked.connect(lambda: self._take(False))
        self.claim_buttons: list[ChoiceButton] = []
        self._claims_grid = QGridLayout()
        self._claims_grid.setSpacing(PRIORITY_SPACING_PX)
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.setSpacing(PRIORITY_SPACING_PX)
        choices.addWidget(self.none_button)
        choices.addLayout(self._claims_grid)
        self.priority_hint = Label(content)
        self.priority_hint.setObjectName("Muted")
        self.priority_hint.setWordWrap(True)
        self.issuing = Label(content)
        self.issuing.setObjectName("QueueIssuing")
        self.issuing.setWordWrap(True)
        self.issuing.hide()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, PRIORITY_RIGHT_PX, 12)
        layout.setSpacing(PRIORITY_SPACING_PX)
        layout.addWidget(self.chosen_card)
        layout.addWidget(self.question)
        layout.addWidget(self.choices)
        layout.addWidget(self.issuing)
        layout.addWidget(self.priority_hint)
        layout.addStretch(1)
        self.priority_page = kinetic_scroll_area(self, content)
        return self.priority_page

    # -- page one: the queues ----------------------------------------------------

    @property
    def asking_priority(self) -> bool:
        return self.pages.currentWidget() is self.priority_page

    def entered(self) -> None:
        self._preselect = self.flow.preselected()
        if not self.asking_priority:
            self._set_notice(Notice.LOADING if not self._services else Notice.CHOOSE)
        self.flow.load_services()

    def _show_services(self, services: Sequence[QueueServiceView]) -> None:
        self._services = list(services)
        while len(self.cards) < len(self._services):
            card = ServiceCard(self.services_page.widget())
            card.clicked.connect(lambda _=False, c=card: self.choose(c))
            self.cards.append(card)
        for index, card in enumerate(self.cards):
            card.show_service(self._services[index] if index < len(self._services) else None)
            card.setEnabled(not self.flow.busy)
        self._lay_out_cards()
        if self.chosen is not None:  # refresh the waiting count on page two
            self.chosen = next((s for s in self._services if s.code == self.chosen.code), None)
            self.chosen_card.show_service(self.chosen)
        preselect, self._preselect = self._preselect, None
        found = next((s for s in self._services if s.code == preselect), None)
        if found is not None and state_of(found) == "open":
            self._ask_priority(found)
        elif found is not None:
            self._explain(found)
        elif not self.asking_priority and self._notice in {Notice.LOADING, Notice.UNAVAILABLE}:
            self._set_notice(Notice.CHOOSE if self._services else Notice.UNAVAILABLE)

    def _services_failed(self, error: KioskError) -> None:
        self._preselect = None
        if not self._services:
            self._set_notice(Notice.UNAVAILABLE)
        self.flow.show_error(error)

    def visible_cards(self) -> list[ServiceCard]:
        return [card for card in self.cards if card.service is not None]

    def card(self, code: str) -> ServiceCard:
        return next(
            card for card in self.visible_cards() if card.service and card.service.code == code
        )

    def _lay_out_cards(self) -> None:
        for card in self.cards:
            self._grid.removeWidget(card)
        shown = self.visible_cards()
        columns = 2 if self._wide and len(shown) > ONE_COLUMN_UP_TO else 1
        for index, card in enumerate(shown):
            self._grid.addWidget(card, index // columns, index % columns)
        # After adding: putting a widget into a layout reparents it, which hides it.
        for card in self.cards:
            card.setVisible(card.service is not None)
        self._grid.setRowStretch(self._grid.rowCount(), 1)

    def choose(self, card: ServiceCard) -> None:
        service = card.service
        if service is None or self.flow.busy:
            return
        if not card.available:
            self._explain(service)
        elif service.priority_groups:
            self._ask_priority(service)
        else:
            self.flow.take(service, priority=False)

    def _explain(self, service: QueueServiceView) -> None:
        """A closed or full queue was tapped: say why, calmly, and stay on page one."""
        self._notice_service = service.name
        self._set_notice(Notice.CLOSED if state_of(service) == "closed" else Notice.FULL)
        self.pages.setCurrentWidget(self.services_page)

    # -- page two: priority ------------------------------------------------------

    def _ask_priority(self, service: QueueServiceView) -> None:
        self.chosen = service
        self.chosen_card.show_service(service)
        self._show_claims(service.priority_groups)
        self.pages.setCurrentWidget(self.priority_page)
        self.priority_page.verticalScrollBar().setValue(0)
        self.retranslate()

    def _show_claims(self, groups: Sequence[PriorityGroup]) -> None:
        """One button per group the queue serves first, in the queue's order."""
        while len(self.claim_buttons) < len(groups):
            button = ChoiceButton(self.choices, name="ClaimButton")
            button.clicked.connect(lambda _=False, b=button: self._claim(b))
            button.setEnabled(not self.flow.busy)
            self.claim_buttons.append(button)
        for index, button in enumerate(self.claim_buttons):
            group = groups[index] if index < len(groups) else None
            button.setProperty("group", group)
            button.set_text(priority_name(group) if group is not None else "")
        self._lay_out_priority()

    def visible_claims(self) -> list[ChoiceButton]:
        """The groups' buttons shown for the chosen queue, in order."""
        return [b for b in self.claim_buttons if b.property("group")]

    def claim_button(self, group: PriorityGroup) -> ChoiceButton:
        return next(b for b in self.visible_claims() if b.property("group") == group)

    def _lay_out_priority(self) -> None:
        """The groups two to a row when half the page leaves them room, else one to a
        row (portrait at large text); long names wrap inside their buttons."""
        for button in self.claim_buttons:
            self._claims_grid.removeWidget(button)
        shown = self.visible_claims()
        half = (self._content_width() - self._claims_grid.spacing()) // 2
        columns = 2 if half >= CLAIM_TWO_COLUMNS_FROM_PX else 1
        for index, button in enumerate(shown):
            self._claims_grid.addWidget(button, index // columns, index % columns)
        for column in range(2):
            self._claims_grid.setColumnStretch(column, 1 if column < columns else 0)
        # After adding: putting a widget into a layout reparents it, which hides it.
        for button in self.claim_buttons:
            button.setVisible(button in shown)
        self._fit_priority()

    def _content_width(self) -> int:
        """The width the priority page's content gets, a scroll bar's room kept."""
        scroll_bar = self.priority_page.verticalScrollBar().sizeHint().width()
        return self.pages.width() - PRIORITY_RIGHT_PX - scroll_bar

    def _fit_priority(self) -> None:
        """Keep every answer on screen: drop the queue's card when the page is short, and
        the screen's title too when that is not enough (the notice then names the queue).
        """
        asking = self.asking_priority
        self.ensurePolished()
        width = self._content_width()
        room = (
            self.height()
            - self.nav.sizeHint().height()
            - FRAME_TOP_PX
            - FRAME_BOTTOM_PX
            - 2 * FRAME_SPACING_PX
            - self.notice.heightForWidth(self.notice.width())
        )
        answers = (
            self.question.heightForWidth(width)
            + PRIORITY_SPACING_PX
            + self.choices.heightForWidth(width)
        )
        card = self.chosen_card.sizeHint().height() + PRIORITY_SPACING_PX
        title = self.title.heightForWidth(self.title.width()) + FRAME_SPACING_PX
        show_title = not asking or answers <= room - title
        show_card = not asking or card + answers <= room - title
        self.title.setVisible(show_title)
        self.chosen_card.setVisible(show_card)
        self._retranslate_notice()

    def _claim(self, button: ChoiceButton) -> None:
        """A group was tapped: nothing prints until the citizen confirms it."""
        group = button.property("group")
        if group and not self.flow.busy:
            self.confirm.ask(group)

    def _take(self, priority: bool) -> None:
        if self.chosen is not None:
            self.flow.take(self.chosen, priority=priority)

    def _busy_changed(self, busy: bool) -> None:
        for button in (self.none_button, *self.claim_buttons, *self.cards):
            button.setEnabled(not busy)
        self.confirm.set_enabled(not busy)
        self.issuing.setVisible(busy)

    # -- screen ------------------------------------------------------------------

    def back(self) -> None:
        self.confirm.dismiss()
        if self.asking_priority:
            self.chosen = None
            self.chosen_card.show_service(None)
            self.pages.setCurrentWidget(self.services_page)
            self._set_notice(Notice.CHOOSE if self._services else Notice.UNAVAILABLE)
            self._fit_priority()
            self.retranslate()
        else:
            self.flow.go_home()

    def _set_notice(self, notice: Notice) -> None:
        self._notice = notice
        self._retranslate_notice()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_FROM_PX
        if wide != self._wide:
            self._wide = wide
            self._lay_out_cards()
        self._lay_out_priority()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("Queue", "Lấy số thứ tự"))
        self.question.setText(
            QCoreApplication.translate("Queue", "Ông/Bà có thuộc đối tượng ưu tiên không?")
        )
        self.priority_hint.setText(
            QCoreApplication.translate(
                "Queue",
                "Đối tượng ưu tiên được mời vào quầy trước. "
                "Cán bộ có thể đề nghị xuất trình giấy tờ.",
            )
            + "\n"
            + QCoreApplication.translate(
                "Queue",
                "Phiếu chỉ ghi “Ưu tiên”, không ghi thuộc đối tượng nào; "
                "kiosk không lưu thông tin này.",
            )
        )
        has_groups = bool(self.visible_claims())
        for button in self.visible_claims():
            button.set_text(priority_name(button.property("group")))
        self.question.setVisible(has_groups)
        self.priority_hint.setVisible(has_groups)
        self.none_button.setText(
            QCoreApplication.translate("Queue", "Không thuộc diện ưu tiên")
            if has_groups
            else QCoreApplication.translate("Queue", "In số thứ tự")
        )
        self.issuing.setText(
            QCoreApplication.translate("Queue", "Đang in số thứ tự, vui lòng chờ trong giây lát…")
        )
        for card in (*self.cards, self.chosen_card):
            card.retranslate()
        self.nav.retranslate()
        self._lay_out_priority()  # the words' lengths changed; this also sets the notice

    def _retranslate_notice(self) -> None:
        if self.asking_priority:
            text = QCoreApplication.translate("Queue", "Lấy số thứ tự cho:")
            if self.chosen is not None and self.chosen_card.isHidden():
                # The card stepped aside to keep the answers on screen: name the queue.
                text = f"{text} {self.chosen.name}"
        else:
            texts = {
                Notice.LOADING: QCoreApplication.translate("Queue", "Đang tải danh sách quầy…"),
                Notice.CHOOSE: QCoreApplication.translate(
                    "Queue", "Bấm vào việc cần làm để lấy số thứ tự:"
                ),
                Notice.UNAVAILABLE: QCoreApplication.translate(
                    "Queue",
                    "Chưa lấy được số thứ tự tại kiosk này. Vui lòng hỏi cán bộ tại quầy.",
                ),
                Notice.CLOSED: QCoreApplication.translate(
                    "Queue",
                    "{name}: hiện ngoài giờ làm việc. Vui lòng quay lại trong giờ làm việc "
                    "hoặc hỏi cán bộ tại quầy.",
                ).format(name=self._notice_service),
                Notice.FULL: QCoreApplication.translate(
                    "Queue",
                    "{name}: hôm nay đã hết số thứ tự. Vui lòng quay lại vào ngày làm việc "
                    "tiếp theo hoặc hỏi cán bộ tại quầy.",
                ).format(name=self._notice_service),
            }
            text = texts[self._notice]
        self.notice.setText(text)
        attention = not self.asking_priority and self._notice in {Notice.CLOSED, Notice.FULL}
        self.notice.setProperty("attention", "true" if attention else "false")
        repolish(self.notice)
