"""Tra cứu tờ khai (``staff.declaration``): a declaration by its mã tờ khai, how far its
upload got, and its A4 tờ khai on the office printer.

Staff type the mã tờ khai from the citizen's phiếu tờ khai (``TK-…``, or ``HS-…`` on a
slip printed before the kiosk's record was called a declaration; case and spaces
forgiven) and see what they need to find the citizen's paper and answer "has it
reached the centre?": the reference, the thủ tục, the tờ khai, when it was submitted,
its status and its upload in words. Never the answers: the screen faces the hall, and
the counter has the paper (or prints it here, "In tờ khai A4", where the centre set
``office_printer``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.config import Language
from kiosk.errors import KioskError
from ui.ops import Pool
from ui.screens.staff.flow import StaffFlow
from ui.screens.staff.page import StaffPage, keep_in_view
from ui.screens.staff.texts import day_and_time
from ui.screens.staff.widgets import Tone, code_field, plain_label
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.declarations.api import DeclarationView

#: ``TK-12-250310-0001`` with room for spaces.
REFERENCE_MAX_CHARS = 32


class DeclarationPage(StaffPage):
    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.declaration: DeclarationView | None = None
        self._busy = False
        self._build_finder()
        self._build_card()
        self.main.addWidget(self.finder)
        self.main.addWidget(self.card)
        self.main.addStretch(1)
        self.retranslate()

    def _build_finder(self) -> None:
        self.finder = keep_in_view(QFrame(self.content))
        self.finder.setObjectName("Card")
        self.reference_label = plain_label(self.finder, "FieldCaption")
        self.reference_field = code_field(self.finder, REFERENCE_MAX_CHARS)
        self.reference_field.returnPressed.connect(self.look_up)
        self.find_button = big_button(self.finder, name="FindButton")
        self.find_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.reference_field, 1)
        row.addWidget(self.find_button)
        column = QVBoxLayout(self.finder)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        column.addWidget(self.reference_label)
        column.addLayout(row)

    def _build_card(self) -> None:
        """What staff need of the declaration, one line each; the answers are not among them."""
        self.card = QFrame(self.content)
        self.card.setObjectName("Card")
        self.reference = plain_label(self.card, "RowTitle")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self._names: list[QLabel] = []
        self.procedure = self._line(grid)
        self.form = self._line(grid)
        self.submitted = self._line(grid)
        self.status = self._line(grid)
        self.upload = self._line(grid)
        self.print_button = big_button(self.card, name="PrintA4Button")
        self.print_button.clicked.connect(self.print_form)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(24, 16, 24, 20)
        column.setSpacing(12)
        column.addWidget(self.reference)
        column.addLayout(grid)
        column.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.card.hide()

    def _line(self, grid: QGridLayout) -> QLabel:
        name = plain_label(self.card, "DetailName")
        value = plain_label(self.card, "DetailValue")
        row = grid.rowCount()
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1)
        self._names.append(name)
        return value

    # -- finding -----------------------------------------------------------------

    def enter_page(self) -> None:
        self.notice.clear()
        if self.declaration is None:
            self.reference_field.setFocus()

    def look_up(self) -> None:
        """ "Tìm": one look-up (audited by the core as ``declaration.show``)."""
        reference = self.reference_field.text().strip()
        if self._busy:
            return
        if not reference:
            self.notice.say(
                Tone.FAILED,
                lambda: QCoreApplication.translate(
                    "Staff", "Vui lòng nhập mã tờ khai in trên phiếu, ví dụ TK-1-250310-0001."
                ),
            )
            return
        self._set_busy(True)
        self.flow.call(
            lambda services, grant: services.declarations.lookup(grant, reference),
            self._found,
            self._not_found,
        )

    def _found(self, declaration: DeclarationView) -> None:
        self._set_busy(False)
        self.declaration = declaration
        self.notice.clear()
        self.flow.hide_keyboard()  # the declaration is what staff look at now
        self._show_declaration()
        self.card.show()
        self.scroll_area.ensureWidgetVisible(self.card, 0, 8)

    def _not_found(self, error: KioskError) -> None:
        self._set_busy(False)
        self.declaration = None
        self.card.hide()
        self.notice.refused(error)

    # -- the A4 tờ khai ----------------------------------------------------------

    def can_print(self) -> bool:
        """The office printer is set and the kiosk still holds the answers to print."""
        declaration = self.declaration
        if declaration is None or self.flow.office_printer() is None:
            return False
        discarded = declaration.outbox is not None and declaration.outbox.status == "discarded"
        return declaration.purged_at is None and not discarded

    def print_form(self) -> None:
        declaration = self.declaration
        if declaration is None or self._busy:
            return
        reference = declaration.reference
        self._set_busy(True)
        self.notice.say(
            Tone.BUSY,
            lambda: QCoreApplication.translate("Staff", "Đang gửi tờ khai đến máy in A4…"),
        )
        self.flow.call(
            lambda services, grant: services.declarations.print_form_for_staff(grant, reference),
            lambda queue: self._printed(reference, queue),
            self._refused,
            pool=Pool.IO,
        )

    def _printed(self, reference: str, queue: str) -> None:
        self._set_busy(False)
        self.notice.say(
            Tone.OK,
            lambda: QCoreApplication.translate(
                "Staff", "Đã gửi tờ khai {reference} đến máy in {printer}."
            ).format(reference=reference, printer=queue),
        )

    def _refused(self, error: KioskError) -> None:
        self._set_busy(False)
        self.notice.refused(error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.find_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    # -- texts -------------------------------------------------------------------

    def retranslate_page(self) -> None:
        self.title.setText(QCoreApplication.translate("Staff", "Tra cứu tờ khai"))
        self.reference_label.setText(
            QCoreApplication.translate("Staff", "Mã tờ khai in trên phiếu (ví dụ TK-1-250310-0001)")
        )
        self.reference_field.setPlaceholderText("TK-…")
        self.find_button.setText(QCoreApplication.translate("Staff", "Tìm"))
        self.print_button.setText(QCoreApplication.translate("Staff", "In tờ khai A4"))
        names = (
            QCoreApplication.translate("Staff", "Thủ tục"),
            QCoreApplication.translate("Staff", "Tờ khai"),
            QCoreApplication.translate("Staff", "Lưu lúc"),
            QCoreApplication.translate("Staff", "Trạng thái"),
            QCoreApplication.translate("Staff", "Gửi lên máy chủ"),
        )
        for label, name in zip(self._names, names, strict=True):
            label.setText(name)
        self._show_declaration()

    def _show_declaration(self) -> None:
        declaration = self.declaration
        if declaration is None:
            return
        self.reference.setText(declaration.reference)
        self.procedure.setText(
            f"{declaration.procedure_code} · {declaration.procedure_name}"
            if declaration.procedure_name
            else declaration.procedure_code
        )
        title = declaration.form_title
        english = self.flow.language() == Language.ENGLISH
        name = "" if title is None else (title.en if english else title.vi)
        self.form.setText(
            QCoreApplication.translate("Staff", "{title} (mẫu {form}, phiên bản {version})").format(
                title=name or declaration.form_id,
                form=declaration.form_id,
                version=declaration.form_version,
            )
        )
        self.submitted.setText(day_and_time(declaration.submitted_at))
        self.status.setText(status_text(declaration))
        self.upload.setText(upload_text(declaration))
        self.print_button.setVisible(self.can_print())


def status_text(declaration: DeclarationView) -> str:
    """Where the declaration stands, and whether the kiosk still holds the citizen's answers."""
    if declaration.status == "received":
        text = QCoreApplication.translate("Staff", "Trung tâm đã nhận tờ khai")
    elif declaration.status == "submitted":
        text = QCoreApplication.translate("Staff", "Đã lưu tại kiosk")
    else:
        text = declaration.status
    if declaration.purged_at is not None:
        text += ". " + QCoreApplication.translate(
            "Staff", "Dữ liệu cá nhân đã được xóa khỏi kiosk lúc {time}."
        ).format(time=day_and_time(declaration.purged_at))
    return text


def upload_text(declaration: DeclarationView) -> str:
    """The upload in words: waiting (tries, last error), sent, refused (why), discarded."""
    outbox = declaration.outbox
    if outbox is None:
        return QCoreApplication.translate("Staff", "Không còn thông tin gửi")
    if outbox.status == "sent" and outbox.acknowledged_at is not None:
        return QCoreApplication.translate("Staff", "Máy chủ đã nhận lúc {time}").format(
            time=day_and_time(outbox.acknowledged_at)
        )
    if outbox.status == "rejected" and outbox.rejected_at is not None:
        return QCoreApplication.translate(
            "Staff",
            "Máy chủ từ chối lúc {time}. Lý do: {reason}. Xử lý ở trang “Mục bị từ chối”.",
        ).format(time=day_and_time(outbox.rejected_at), reason=outbox.last_error or "–")
    if outbox.status == "discarded" and outbox.discarded_at is not None:
        return QCoreApplication.translate(
            "Staff", "Cán bộ đã hủy gửi lúc {time}; tờ khai sẽ không được gửi nữa"
        ).format(time=day_and_time(outbox.discarded_at))
    if outbox.attempts == 0:
        return QCoreApplication.translate("Staff", "Đang chờ gửi (chưa gửi lần nào)")
    return QCoreApplication.translate(
        "Staff", "Đang chờ gửi lại: đã thử {attempts} lần, lỗi gần nhất: {error}"
    ).format(attempts=outbox.attempts, error=outbox.last_error or "–")
