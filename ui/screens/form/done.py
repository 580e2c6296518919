"""Đã nộp hồ sơ: the reference, big, and the receipt coming out of the printer.

The receipt prints by itself. If the printer fails, the page says so calmly, shows
the printer's complaint small for staff, and offers "In lại"; the reference on the
screen (and its QR code) is enough to find the hồ sơ at the counter anyway.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.screens.base import big_button
from ui.screens.form.flow import FormFlow, Receipt
from ui.screens.form.inputs.base import plain_label, repolish
from ui.screens.form.texts import RECEIPT_PRINTED
from ui.widgets.qr import QrCode

QR_SIDE_PX = 220
CARD_MAX_PX = 1280


class DonePage(QWidget):
    def __init__(self, flow: FormFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DonePage")
        self.flow = flow
        card = QFrame(self)
        card.setObjectName("DoneCard")
        card.setMaximumWidth(CARD_MAX_PX)
        self.heading = plain_label(card, "DoneHeading")
        self.caption = plain_label(card, "DoneCaption")
        self.reference = plain_label(card, "DossierReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.next_steps = plain_label(card, "Body")
        self.qr = QrCode(card, side_px=QR_SIDE_PX)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        for label in (self.heading, self.caption, self.reference, self.next_steps):
            texts.addWidget(label)
        texts.addStretch(1)
        row = QHBoxLayout(card)
        row.setContentsMargins(40, 24, 40, 24)
        row.setSpacing(40)
        row.addLayout(texts, 1)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignVCenter)

        self.status_box = QFrame(self)
        self.status_box.setObjectName("PrintStatus")
        self.status_box.setMaximumWidth(CARD_MAX_PX)
        self.status = plain_label(self.status_box, "PrintMessage")
        self.print_error = plain_label(self.status_box, "PrintError")
        self.reprint_button = big_button(self.status_box, role="secondary", name="ReprintButton")
        self.reprint_button.clicked.connect(flow.print_receipt)
        status_texts = QVBoxLayout()
        status_texts.setSpacing(4)
        status_texts.addWidget(self.status)
        status_texts.addWidget(self.print_error)
        status_row = QHBoxLayout(self.status_box)
        status_row.setContentsMargins(28, 12, 28, 12)
        status_row.setSpacing(24)
        status_row.addLayout(status_texts, 1)
        status_row.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(card)
        layout.addWidget(self.status_box)
        layout.addStretch(1)
        flow.receipt_changed.connect(self.retranslate)
        self.retranslate()

    def show_reference(self, reference: str) -> None:
        self.qr.set_data(reference)
        self.retranslate()

    def wipe(self) -> None:
        self.qr.clear_code()
        self.retranslate()

    def retranslate(self) -> None:
        filed = self.flow.filed
        self.heading.setText(QCoreApplication.translate("Form", "Đã nộp hồ sơ"))
        self.caption.setText(QCoreApplication.translate("Form", "Mã hồ sơ của bạn"))
        self.reference.setText(filed.dossier.reference if filed is not None else "")
        self.next_steps.setText(
            QCoreApplication.translate(
                "Form",
                "Hồ sơ đã được lưu tại kiosk và sẽ được gửi đến bộ phận một cửa. Mang biên "
                "nhận và giấy tờ cần thiết đến quầy; cán bộ tìm hồ sơ theo mã này.",
            )
        )
        self.qr.setAccessibleName(QCoreApplication.translate("Form", "Mã QR của mã hồ sơ"))
        self.reprint_button.setText(QCoreApplication.translate("Form", "In lại"))
        state = self.flow.receipt
        failed = state == Receipt.FAILED
        if state == Receipt.PRINTING:
            text = QCoreApplication.translate("Form", "Đang in biên nhận…")
        elif state == Receipt.PRINTED:
            text = translate(RECEIPT_PRINTED)
        elif failed:
            text = QCoreApplication.translate(
                "Form",
                "Máy in đang gặp sự cố nên chưa in được biên nhận. Vui lòng chụp ảnh màn hình "
                "này hoặc ghi lại mã hồ sơ; hồ sơ của bạn đã được lưu.",
            )
        else:
            text = ""
        self.status.setText(text)
        error = self.flow.receipt_error
        self.print_error.setText(
            QCoreApplication.translate("Form", "Lỗi máy in: {error}").format(error=translate(error))
            if failed and error is not None
            else ""
        )
        self.print_error.setVisible(failed and error is not None)
        self.reprint_button.setVisible(failed)
        self.status_box.setVisible(state is not None)
        for widget in (self.status_box, self.status):
            widget.setProperty("failed", "true" if failed else "false")
            repolish(widget)
