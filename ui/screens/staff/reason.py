"""The reason panel: what an action that cannot be undone does, and why staff do it.

"Hủy số" and "Hủy gửi" ask here first. The reason goes to the audit log, where the
centre reads it months later, so the panel says what will happen in plain words and
takes the reason on the on-screen keyboard (Telex on: a reason is Vietnamese). The
core decides whether the reason will do (``kiosk.staff.reason``): an empty one comes
back as the core's message under the field, and nothing has changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from kiosk.staff.reason import MAX_REASON_LENGTH
from ui.i18n import translate
from ui.screens.staff.page import keep_in_view
from ui.screens.staff.widgets import Words, plain_label
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.placeholder import PlaceholderFit
from ui.widgets.screen import big_button
from wire.i18n import TrText


class ReasonPanel(QWidget):
    """Emits ``confirmed(reason)`` or ``cancelled``; the page makes the core call."""

    confirmed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonPanel")
        self._heading: Words = str
        self._body: Words = str
        self._confirm: Words = str
        self._refusal: TrText | None = None
        content = QWidget(self)
        content.setObjectName("StaffContent")
        self.scroll_area = kinetic_scroll_area(self, content)
        # The whole width: a narrower, centred card would wrap its texts into more lines
        # than the scroll area measured, and squeeze the field it must keep in view.
        card = QFrame(content)
        card.setObjectName("Card")
        self.heading = plain_label(card, "SectionTitle")
        self.body = plain_label(card, "Body")
        self._build_field(card)
        self.confirm_button = big_button(card, role="danger", name="ConfirmButton")
        self.confirm_button.clicked.connect(self._confirm_tapped)
        self.cancel_button = big_button(card, role="secondary", name="CancelButton")
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 28, 40, 28)
        inner.setSpacing(16)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addWidget(self.field_box)
        inner.addLayout(buttons)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 16)
        column.addWidget(card)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.retranslate()

    def _build_field(self, card: QWidget) -> None:
        """The reason with its label and the core's message: kept in view together."""
        self.field_box = keep_in_view(QWidget(card))
        self.field_label = plain_label(self.field_box, "FieldCaption")
        self.field = QLineEdit(self.field_box)
        self.field.setObjectName("StaffField")
        self.field.setMaxLength(MAX_REASON_LENGTH)
        self.field.returnPressed.connect(self._confirm_tapped)
        # With its example where it fits whole; the bare request where it does not.
        self._placeholder = PlaceholderFit(
            self.field,
            lambda: (
                QCoreApplication.translate("Staff", "Ghi ngắn gọn, ví dụ: in trùng số"),
                QCoreApplication.translate("Staff", "Ghi ngắn gọn"),
            ),
        )
        self.message = plain_label(self.field_box, "Message")
        self.message.hide()
        box = QVBoxLayout(self.field_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(self.field_label)
        box.addWidget(self.field)
        box.addWidget(self.message)

    def ask(self, heading: Words, body: Words, confirm: Words) -> None:
        """Start afresh for one action: its question, what it does, its button."""
        self._heading, self._body, self._confirm = heading, body, confirm
        self.field.setText("")
        self.set_busy(False)
        self.show_refusal(None)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.retranslate()

    def show_refusal(self, error: KioskError | None) -> None:
        """The core refused (no reason, too long a one): say why under the field."""
        self._refusal = None if error is None else error.message
        self._show_refusal()
        if error is not None:
            # Back to the field, keyboard up: its box, message included, comes into view.
            self.field.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While the core works, a second tap must not act twice."""
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def reason(self) -> str:
        return self.field.text()

    def _confirm_tapped(self) -> None:
        if self.confirm_button.isEnabled():
            self.confirmed.emit(self.field.text())

    def _show_refusal(self) -> None:
        refusal = self._refusal
        self.message.setText("" if refusal is None else translate(refusal))
        self.message.setVisible(refusal is not None)

    def retranslate(self) -> None:
        self.heading.setText(self._heading())
        self.body.setText(self._body())
        self.confirm_button.setText(self._confirm())
        self.field_label.setText(QCoreApplication.translate("Staff", "Lý do"))
        self._placeholder.refit()
        self.cancel_button.setText(QCoreApplication.translate("Staff", "Không, quay lại"))
        self._show_refusal()
