"""Questions the wizard asks over its pages: leave the form? is the card's address
right (its new name, or as the nơi thường trú)? whose card is this?

Each is a card as wide as the page allows (up to :data:`CARD_MAX_PX`), as tall as its
words need at that width, in a scroll area for when the page is shorter than that
(1366×768 at large text). Its two answers stand side by side while their words fit,
one above the other when not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from ui.screens.form.inputs.base import plain_label
from ui.screens.form.texts import FormLanguage, say
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.reflow import FlowRow, capped
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.places import LegacyAddress
    from wire.forms import CardHolder

CARD_MAX_PX = 1200


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    """The panel's card in a scroll area filling ``parent``; the card's layout.

    The card takes the page's width up to its maximum, centred (``capped``), and
    its height for that width: centred by an alignment it would get the width its
    labels guess at and the height of that guess, which cut their lines.
    """
    content = QWidget(parent)
    content.setObjectName("PanelContent")
    card = QFrame(content)
    card.setObjectName("Card")
    card.setMaximumWidth(CARD_MAX_PX)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(48, 36, 48, 36)
    inner.setSpacing(20)
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    column.addLayout(capped(card))
    column.addStretch(1)
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(kinetic_scroll_area(parent, content))
    return card, inner


def _answers(*buttons: QPushButton) -> FlowRow:
    """Two answers side by side while their words fit, else one above the other."""
    row = FlowRow(spacing=20)
    for button in buttons:
        row.add(button, 1)
    return row


class LeavePanel(QWidget):
    """ "Về trang chủ" or "Quay lại" out of a started draft: nothing is lost by accident."""

    stay = Signal()
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LeavePanel")
        card, inner = _card(self)
        self.heading = plain_label(card, "SectionHeading")
        self.body = plain_label(card, "Lead")
        self.stay_button = big_button(card, name="StayButton")
        self.stay_button.clicked.connect(self.stay)
        self.leave_button = big_button(card, role="secondary", name="LeaveButton")
        self.leave_button.clicked.connect(self.leave)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addLayout(_answers(self.stay_button, self.leave_button))
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Form", "Dừng điền tờ khai?"))
        self.body.setText(
            QCoreApplication.translate(
                "Form",
                "Những thông tin Ông/Bà đã nhập sẽ bị xóa khỏi kiosk và không được lưu lại.",
            )
        )
        self.stay_button.setText(QCoreApplication.translate("Form", "Tiếp tục điền"))
        self.leave_button.setText(QCoreApplication.translate("Form", "Bỏ tờ khai"))


class AddressPanel(QWidget):
    """The card's old address beside the ward it lies in today, for the citizen to confirm.

    Since 1 July 2025 wards and provinces were merged; cards printed before still show
    the old three-level address. The conversion is the core's; the citizen decides.
    """

    confirmed = Signal()
    change = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AddressPanel")
        # What is asked: the old address's new name, and/or whether it is thường trú.
        self._converted = True
        self._permanent = False
        card, inner = _card(self)
        self.heading = plain_label(card, "SectionHeading")
        self.lead = plain_label(card, "Body")
        self.old_caption = plain_label(card, "AddressCaption")
        self.old_address = plain_label(card, "OldAddress")
        self.new_caption = plain_label(card, "AddressCaption")
        self.new_address = plain_label(card, "NewAddress")
        self.confirm_button = big_button(card, name="ConfirmAddressButton")
        self.confirm_button.clicked.connect(self.confirmed)
        self.change_button = big_button(card, role="secondary", name="ChangeAddressButton")
        self.change_button.clicked.connect(self.change)
        for widget in (
            self.heading,
            self.lead,
            self.old_caption,
            self.old_address,
            self.new_caption,
            self.new_address,
        ):
            inner.addWidget(widget)
        inner.addLayout(_answers(self.confirm_button, self.change_button))
        self.retranslate()

    def show_address(
        self, legacy: LegacyAddress | None, *, original: str = "", permanent: bool = False
    ) -> None:
        """The card's address (``legacy.original``, else ``original``), its new name when
        ``legacy`` converted it, and, with ``permanent``, the question whether it is the
        nơi thường trú (a thẻ căn cước prints the nơi cư trú, maybe a temporary one)."""
        self._converted, self._permanent = legacy is not None, permanent
        self.old_address.setText(legacy.original if legacy is not None else original)
        if legacy is not None:
            parts = (legacy.detail, legacy.ward.name, legacy.province.name)
            self.new_address.setText(", ".join(part for part in parts if part))
        else:
            self.new_address.clear()
        for widget in (self.new_caption, self.new_address):
            widget.setVisible(legacy is not None)
        self.retranslate()

    def wipe(self) -> None:
        self.old_address.clear()
        self.new_address.clear()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Form", "Xác nhận địa chỉ"))
        lead = []
        if self._converted:
            lead.append(
                QCoreApplication.translate(
                    "Form",
                    "Từ ngày 01/07/2025 nhiều xã, phường và tỉnh đã được sắp xếp lại. Địa chỉ "
                    "trên thẻ của Ông/Bà được đổi sang tên mới như dưới đây. Địa chỉ mới có đúng "
                    "không?",
                )
            )
        if self._permanent:
            lead.append(
                QCoreApplication.translate(
                    "Form",
                    "Thẻ căn cước mới ghi nơi cư trú, có thể là nơi tạm trú. Tờ khai này cần "
                    "nơi thường trú: địa chỉ trên thẻ có phải nơi thường trú của Ông/Bà không?",
                )
            )
        self.lead.setText(" ".join(lead))
        self.old_caption.setText(QCoreApplication.translate("Form", "Địa chỉ trên thẻ"))
        self.new_caption.setText(QCoreApplication.translate("Form", "Địa chỉ mới sau sắp xếp"))
        self.confirm_button.setText(
            QCoreApplication.translate("Form", "Đúng, là nơi thường trú")
            if self._permanent
            else QCoreApplication.translate("Form", "Đúng, dùng địa chỉ mới")
        )
        self.change_button.setText(QCoreApplication.translate("Form", "Sửa địa chỉ"))


class HolderPanel(QWidget):
    """ "Thẻ này của ai?": one big button per person of the form the card may be.

    Asked when the page does not say and the card's gender does not decide (a man's
    card on the birth form may be the requester's or the father's). The card waits in
    the visit until a button is tapped; "Không điền từ thẻ" drops it.
    """

    chosen = Signal(str)  # the card holder's id
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HolderPanel")
        card, inner = _card(self)
        self.heading = plain_label(card, "SectionHeading")
        self.lead = plain_label(card, "Body")
        inner.addWidget(self.heading)
        inner.addWidget(self.lead)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(16)
        inner.addLayout(self._rows)
        self.cancel_button = big_button(card, role="secondary", name="HolderCancelButton")
        self.cancel_button.clicked.connect(self.cancelled)
        inner.addWidget(self.cancel_button)
        self.buttons: dict[str, QPushButton] = {}
        self._holders: tuple[CardHolder, ...] = ()
        self._language: FormLanguage = "vi"
        self.retranslate()

    def ask(self, holders: tuple[CardHolder, ...], language: FormLanguage) -> None:
        self.wipe()
        self._holders, self._language = holders, language
        for holder in holders:
            button = big_button(self, name="HolderButton")
            button.clicked.connect(lambda _=False, h=holder.id: self.chosen.emit(h))
            self._rows.addWidget(button)
            self.buttons[holder.id] = button
        self.retranslate()

    def wipe(self) -> None:
        for button in self.buttons.values():
            self._rows.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self._holders = ()

    def retranslate(self, language: FormLanguage | None = None) -> None:
        self._language = language or self._language
        self.heading.setText(QCoreApplication.translate("Form", "Thẻ này của ai?"))
        self.lead.setText(
            QCoreApplication.translate(
                "Form", "Đã đọc thẻ căn cước. Vui lòng chọn người có tên trên thẻ."
            )
        )
        self.cancel_button.setText(QCoreApplication.translate("Form", "Không điền từ thẻ"))
        for holder in self._holders:
            self.buttons[holder.id].setText(say(holder.label, self._language))
