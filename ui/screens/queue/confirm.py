"""Before a priority ticket prints: "Ông/Bà thuộc diện: …?", asked once more.

Claiming priority is a statement to the centre, and a tap that missed "Không thuộc diện
ưu tiên" by a finger's width must not make it for the citizen. So a claim names the
group back and waits for "Đúng, in phiếu ưu tiên"; "Không, quay lại" returns to the
choices with nothing printed. The group is named here and nowhere else: the ticket
says only "Ưu tiên", and nothing keeps which group was chosen (DESIGN.md, "Privacy").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget
from typing_extensions import override

from ui.screens.queue.texts import priority_name
from ui.widgets.label import Label
from ui.widgets.overlay import Overlay
from ui.widgets.screen import big_button
from wire.vocabulary import PriorityGroup


class ClaimConfirm(Overlay):
    """Covers the choose screen until the citizen confirms or takes the claim back."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        #: The group being confirmed; ``None`` when not asking.
        self.group: PriorityGroup | None = None
        self.question = Label(self.card)
        self.question.setObjectName("PriorityQuestion")
        self.body = Label(self.card)
        self.body.setObjectName("Lead")
        for label in (self.question, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.card_layout.addWidget(label)
        self.confirm_button = big_button(self.card, name="ConfirmClaimButton")
        self.confirm_button.clicked.connect(self._confirm)
        self.decline_button = big_button(self.card, role="secondary", name="DeclineClaimButton")
        self.decline_button.clicked.connect(self._decline)
        self._buttons = QGridLayout()
        self._buttons.setSpacing(20)
        self.card_layout.addSpacing(8)
        self.card_layout.addLayout(self._buttons)
        self._lay_out_buttons()
        self.retranslate()

    @property
    def asking(self) -> bool:
        return self.group is not None and not self.isHidden()

    def ask(self, group: PriorityGroup) -> None:
        self.group = group
        self.retranslate()
        self.cover()
        self._lay_out_buttons()

    def dismiss(self) -> None:
        """Gone without an answer (the screen is left): the group is forgotten."""
        self.group = None
        self.hide()

    def set_enabled(self, enabled: bool) -> None:
        """Disabled while a ticket is being issued, so a second tap issues nothing."""
        for button in (self.confirm_button, self.decline_button):
            button.setEnabled(enabled)

    def _confirm(self) -> None:
        if self.group is None:
            return
        self.dismiss()
        self.confirmed.emit()

    def _decline(self) -> None:
        self.dismiss()
        self.declined.emit()

    def _lay_out_buttons(self) -> None:
        """Side by side when both answers fit half the card, else the confirmation above
        the way back (English at the largest text): no answer is ever cut short."""
        buttons = (self.confirm_button, self.decline_button)
        for button in buttons:
            self._buttons.removeWidget(button)
        margins = self.card_layout.contentsMargins()
        inner = self.card.width() - margins.left() - margins.right()
        half = (inner - self._buttons.spacing()) // 2
        columns = 2 if max(b.sizeHint().width() for b in buttons) <= half else 1
        for index, button in enumerate(buttons):
            self._buttons.addWidget(button, index // columns, index % columns)
        for column in range(2):
            self._buttons.setColumnStretch(column, 1 if column < columns else 0)
        # The overlay centres the card at its size hint, which guesses how its wrapped
        # words break; at the card's real width they may need more lines.
        self.card_layout.invalidate()
        self.card.setMinimumHeight(max(0, self.card.heightForWidth(self.card.width())))

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out_buttons()

    def retranslate(self) -> None:
        group = priority_name(self.group) if self.group is not None else ""
        self.question.setText(
            QCoreApplication.translate("Queue", "Ông/Bà thuộc diện: {group}?").format(group=group)
        )
        self.body.setText(
            QCoreApplication.translate("Queue", "Cán bộ có thể đề nghị xuất trình giấy tờ.")
        )
        self.confirm_button.setText(QCoreApplication.translate("Queue", "Đúng, in phiếu ưu tiên"))
        self.decline_button.setText(QCoreApplication.translate("Queue", "Không, quay lại"))
        self._lay_out_buttons()
