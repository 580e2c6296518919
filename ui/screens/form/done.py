"""Đã lưu tờ khai: the mã tờ khai, big, the slip coming out of the printer, and what next.

The kiosk has saved a filled declaration (tờ khai đã điền), not received a dossier:
the page says so, and says what happens at the counter (bring the slip, the counter
checks the declaration, receives the dossier and gives its own receipt), so that nobody
believes the processing time has started.

The slip (phiếu tờ khai) prints by itself. If the printer fails, the page says so
calmly, shows the printer's complaint small for staff, and offers "In lại"; the mã tờ
khai on the screen (and its QR code) is enough to find the declaration at the counter.

Where the centre has set an office printer (``office_printer``), "In tờ khai khổ A4"
sends the filled tờ khai there, to be collected at the counter. Only on a tap: most
citizens need no paper copy, and a form nobody collects is personal data left lying
by the printer. The print runs on the I/O worker; a result that arrives after the
page moved on to another declaration (or none) is dropped.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.errors import KioskError
from ui.i18n import translate
from ui.ops import Pool
from ui.screens.form.flow import FormFlow, Receipt
from ui.screens.form.inputs.base import plain_label, repolish
from ui.screens.form.texts import RECEIPT_PRINTED
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.qr import QrCode
from ui.widgets.reflow import FlowRow, capped
from ui.widgets.screen import big_button
from wire.i18n import TrText

QR_SIDE_PX = 220
CARD_MAX_PX = 1280


class OfficePrint(enum.Enum):
    """Where the A4 tờ khai stands on the done page (``None``: not asked for)."""

    PRINTING = "printing"
    PRINTED = "printed"
    FAILED = "failed"


class DonePage(QWidget):
    def __init__(self, flow: FormFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DonePage")
        self.flow = flow
        # Scrolls rather than squeezes: with large text on a 1366×768 screen the card,
        # the receipt and the A4 offer are taller than the page, and a squeezed card
        # would clip the reference, the one thing the citizen must keep.
        content = QWidget(self)
        self.scroll_area = kinetic_scroll_area(self, content)
        card = QFrame(content)
        card.setObjectName("DoneCard")
        card.setMaximumWidth(CARD_MAX_PX)
        self.heading = plain_label(card, "DoneHeading")
        self.caption = plain_label(card, "DoneCaption")
        self.reference = plain_label(card, "DeclarationReference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.next_steps = plain_label(card, "Body")
        self.qr = QrCode(card, side_px=QR_SIDE_PX)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        for label in (self.heading, self.caption, self.reference, self.next_steps):
            texts.addWidget(label)
        texts.addStretch(1)
        # The QR code beside the words while both fit, under them on a narrow page
        # (portrait at large text), where the mã tờ khai needs the card's width.
        row = FlowRow(card, spacing=40)
        row.setContentsMargins(40, 24, 40, 24)
        row.add(texts, 1, shrinks=True)
        row.add(self.qr)

        self._build_receipt_status(content)

        # The A4 tờ khai on the office printer, where the centre has one.
        self.office = OfficePrintBox(flow, content)
        self.office.setMaximumWidth(CARD_MAX_PX)

        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 0)  # room for the scroll bar, as on the review
        column.setSpacing(20)
        for box in (card, self.status_box, self.office):
            column.addLayout(capped(box, centre=False))
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        flow.receipt_changed.connect(self.retranslate)
        self.retranslate()

    def _build_receipt_status(self, parent: QWidget) -> None:
        """How the phiếu tờ khai printed, with "In lại" when it did not."""
        self.status_box = QFrame(parent)
        self.status_box.setObjectName("PrintStatus")
        self.status_box.setMaximumWidth(CARD_MAX_PX)
        self.status = plain_label(self.status_box, "PrintMessage")
        self.print_error = plain_label(self.status_box, "PrintError")
        self.reprint_button = big_button(self.status_box, role="secondary", name="ReprintButton")
        self.reprint_button.clicked.connect(self.flow.print_receipt)
        status_texts = QVBoxLayout()
        status_texts.setSpacing(4)
        status_texts.addWidget(self.status)
        status_texts.addWidget(self.print_error)
        status_row = QHBoxLayout(self.status_box)
        status_row.setContentsMargins(28, 12, 28, 12)
        status_row.setSpacing(24)
        status_row.addLayout(status_texts, 1)
        status_row.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_reference(self, reference: str) -> None:
        self.qr.set_data(reference)
        self.office.forget()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.retranslate()

    def wipe(self) -> None:
        self.qr.clear_code()
        self.office.forget()
        self.retranslate()

    def retranslate(self) -> None:
        filed = self.flow.declaration
        self.heading.setText(QCoreApplication.translate("Form", "Đã lưu tờ khai"))
        self.caption.setText(QCoreApplication.translate("Form", "Mã tờ khai"))
        self.reference.setText(filed.reference if filed is not None else "")
        self.next_steps.setText(
            QCoreApplication.translate(
                "Form",
                "Vui lòng mang phiếu tờ khai đến quầy để nộp hồ sơ, kèm các giấy tờ ghi trên "
                "phiếu. Tại quầy, cán bộ tìm tờ khai theo mã này, kiểm tra, tiếp nhận hồ sơ "
                "và trao giấy tiếp nhận hồ sơ, hẹn ngày trả kết quả. Hồ sơ chỉ được tính là "
                "đã nộp khi quầy tiếp nhận.",
            )
        )
        self.qr.setAccessibleName(QCoreApplication.translate("Form", "Mã QR của mã tờ khai"))
        self.reprint_button.setText(QCoreApplication.translate("Form", "In lại"))
        state = self.flow.receipt
        failed = state == Receipt.FAILED
        if state == Receipt.PRINTING:
            text = QCoreApplication.translate("Form", "Đang in phiếu tờ khai…")
        elif state == Receipt.PRINTED:
            text = translate(RECEIPT_PRINTED)
        elif failed:
            text = QCoreApplication.translate(
                "Form",
                "Máy in đang gặp sự cố nên chưa in được phiếu tờ khai. Tờ khai đã được lưu; "
                "vui lòng chụp ảnh màn hình này hoặc ghi lại mã tờ khai để đưa cán bộ tại quầy.",
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
        self.office.retranslate()


class OfficePrintBox(QFrame):
    """ "In tờ khai khổ A4" and how it went; shown only when ``office_printer`` is set."""

    def __init__(self, flow: FormFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.state: OfficePrint | None = None
        self.error: TrText | None = None
        # Bumped whenever the page changes declaration: a print's late result is then dropped.
        self._generation = 0
        self.status = plain_label(self, "Body")
        self.detail = plain_label(self, "PrintError")
        self.button = big_button(self, role="secondary", name="OfficePrintButton")
        self.button.clicked.connect(self.print_form)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.status)
        texts.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 12, 28, 12)
        row.setSpacing(24)
        row.addLayout(texts, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    def office_printer(self) -> str | None:
        """The office printer's queue, or ``None`` when this kiosk prints no A4 forms."""
        try:
            return self.flow.services().settings.office_printer
        except KioskError:
            return None

    def print_form(self) -> None:
        """Send the saved declaration's tờ khai to the office printer, on the I/O worker."""
        filed = self.flow.declaration
        if filed is None or self.state == OfficePrint.PRINTING:
            return
        generation = self._generation
        try:
            declarations = self.flow.services().declarations
        except KioskError as error:
            self._done(generation, OfficePrint.FAILED, error.message)
            return
        reference = filed.reference
        self._done(generation, OfficePrint.PRINTING, None)
        self.flow.run(lambda: declarations.print_form(reference), pool=Pool.IO).on_success(
            lambda _: self._done(generation, OfficePrint.PRINTED, None)
        ).on_failure(
            lambda error: self._done(generation, OfficePrint.FAILED, error.message)
        ).start()

    def forget(self) -> None:
        """Another declaration, or none: what was printed for the last one no longer applies."""
        self._generation += 1
        self.state, self.error = None, None

    def _done(self, generation: int, state: OfficePrint, error: TrText | None) -> None:
        if generation != self._generation:
            return  # the citizen who asked has gone, or filled in another declaration
        self.state, self.error = state, error
        self.retranslate()

    def retranslate(self) -> None:
        state = self.state
        failed = state == OfficePrint.FAILED
        if state == OfficePrint.PRINTING:
            text = QCoreApplication.translate("Form", "Đang gửi tờ khai đến máy in…")
        elif state == OfficePrint.PRINTED:
            text = QCoreApplication.translate(
                "Form",
                "Tờ khai đang được in ở máy in của bộ phận một cửa; vui lòng nhận tại quầy.",
            )
        elif failed:
            text = QCoreApplication.translate("Form", "Chưa in được tờ khai khổ A4.")
        else:
            text = QCoreApplication.translate(
                "Form", "Cần bản giấy của tờ khai? Kiosk in được ở máy in của bộ phận một cửa."
            )
        self.status.setText(text)
        error = self.error
        self.detail.setText(translate(error) if failed and error is not None else "")
        self.detail.setVisible(failed and error is not None)
        self.button.setText(
            QCoreApplication.translate("Form", "In lại")
            if failed
            else QCoreApplication.translate("Form", "In tờ khai khổ A4")
        )
        self.button.setEnabled(state != OfficePrint.PRINTING)
        # One copy from the kiosk; the counter prints more with ``declaration print``.
        self.button.setVisible(state != OfficePrint.PRINTED)
        self.setVisible(self.flow.declaration is not None and self.office_printer() is not None)
        # Plain while it is an offer; the receipt's green or amber box once it ran.
        ran = state in (OfficePrint.PRINTED, OfficePrint.FAILED)
        _restyle(self, "PrintStatus" if ran else "OfficePrint", failed)
        _restyle(self.status, "PrintMessage" if ran else "Body", failed)


def _restyle(widget: QFrame | QLabel, name: str, failed: bool) -> None:
    """Give ``widget`` the stylesheet's look for ``name``, failed or not."""
    widget.setObjectName(name)
    widget.setProperty("failed", "true" if failed else "false")
    repolish(widget)
