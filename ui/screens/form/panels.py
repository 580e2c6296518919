"""Two questions the wizard asks over its pages: leave the form? and is the new
address right?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.screens.form.inputs.base import plain_label
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.places import LegacyAddress

CARD_MAX_PX = 1200


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame(parent)
    card.setObjectName("Card")
    card.setMaximumWidth(CARD_MAX_PX)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(48, 36, 48, 36)
    inner.setSpacing(20)
    outer = QVBoxLayout(parent)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(1)
    return card, inner


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
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.stay_button, 1)
        buttons.addWidget(self.leave_button, 1)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Form", "Dừng điền tờ khai?"))
        self.body.setText(
            QCoreApplication.translate(
                "Form",
                "Những thông tin bạn đã nhập sẽ bị xoá khỏi kiosk và không được lưu lại.",
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
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.confirm_button, 1)
        buttons.addWidget(self.change_button, 1)
        for widget in (
            self.heading,
            self.lead,
            self.old_caption,
            self.old_address,
            self.new_caption,
            self.new_address,
        ):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        self.retranslate()

    def show_address(self, legacy: LegacyAddress) -> None:
        self.old_address.setText(legacy.original)
        parts = (legacy.detail, legacy.ward.name, legacy.province.name)
        self.new_address.setText(", ".join(part for part in parts if part))

    def wipe(self) -> None:
        self.old_address.clear()
        self.new_address.clear()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("Form", "Xác nhận địa chỉ"))
        self.lead.setText(
            QCoreApplication.translate(
                "Form",
                "Từ ngày 01/07/2025 nhiều xã, phường và tỉnh đã được sắp xếp lại. Địa chỉ "
                "trên thẻ của bạn được đổi sang tên mới như dưới đây. Địa chỉ mới có đúng không?",
            )
        )
        self.old_caption.setText(QCoreApplication.translate("Form", "Địa chỉ trên thẻ"))
        self.new_caption.setText(QCoreApplication.translate("Form", "Địa chỉ mới sau sắp xếp"))
        self.confirm_button.setText(QCoreApplication.translate("Form", "Đúng, dùng địa chỉ mới"))
        self.change_button.setText(QCoreApplication.translate("Form", "Sửa địa chỉ"))
