"""Điền tờ khai from the home screen: which tờ khai? One big row per bundled form.

Coming from a procedure's page the form is already chosen and this list is skipped.
After a căn cước was scanned (here, or anywhere outside the form screens) the list
says so and asks which form the card should fill.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.screens.form.inputs.base import plain_label
from ui.screens.form.texts import CARD_WAITING, FormLanguage, say
from ui.widgets.label import Label
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.row_button import RowButton

if TYPE_CHECKING:
    from wire.forms import FormDefinition


class FormRow(RowButton):
    """A form as one touch target: its title and the official template it follows."""

    def __init__(self, form: FormDefinition, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("FormRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.form = form
        self.name = plain_label(self, "FormRowName")
        self.template = plain_label(self, "FormRowTemplate")
        arrow = Label("›", self)
        arrow.setObjectName("RowArrow")
        for label in (self.name, self.template, arrow):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.name)
        texts.addWidget(self.template)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 20, 14)
        row.setSpacing(16)
        row.addLayout(texts, 1)
        row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)

    def retranslate(self, language: FormLanguage) -> None:
        self.name.setText(say(self.form.title, language))
        self.template.setText(self.form.template)
        self.setAccessibleName(self.name.text())


class ChooserPage(QWidget):
    chosen = Signal(object)  # FormDefinition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChooserPage")
        self._language: FormLanguage = "vi"
        self.rows: list[FormRow] = []
        self.lead = plain_label(self, "Lead")
        self.status = plain_label(self, "Muted")
        content = QWidget(self)
        content.setObjectName("ChooserContent")
        self._content = content
        self._rows_layout = QVBoxLayout(content)
        self._rows_layout.setContentsMargins(0, 0, 16, 16)
        self._rows_layout.setSpacing(14)
        self._rows_layout.addStretch(1)
        self.scroll_area = kinetic_scroll_area(self, content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.lead)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self._loaded = False
        #: A card read before a form was chosen waits to fill the one chosen.
        self.card_waiting = False

    def set_card_waiting(self, waiting: bool) -> None:
        self.card_waiting = waiting
        self.retranslate(self._language)

    def show_forms(self, forms: Sequence[FormDefinition]) -> None:
        for row in self.rows:
            self._rows_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for form in forms:
            row = FormRow(form, self._content)
            row.clicked.connect(lambda _=False, f=form: self.chosen.emit(f))
            row.retranslate(self._language)
            self._rows_layout.insertWidget(len(self.rows), row)
            row.show()  # added to a shown parent: hidden until told otherwise
            self.rows.append(row)
        self._loaded = True
        self.retranslate(self._language)

    def row(self, form_id: str) -> FormRow:
        return next(row for row in self.rows if row.form.id == form_id)

    def retranslate(self, language: FormLanguage) -> None:
        self._language = language
        self.lead.setText(
            QCoreApplication.translate(
                "Form",
                "Chọn tờ khai cần điền. Khai từng bước, xem lại, rồi lưu và nhận phiếu tờ khai "
                "để mang đến quầy nộp hồ sơ.",
            )
        )
        if self.card_waiting:
            self.lead.setText(translate(CARD_WAITING))
        if not self._loaded:
            self.status.setText(QCoreApplication.translate("Form", "Đang tải danh sách tờ khai…"))
        elif not self.rows:
            self.status.setText(
                QCoreApplication.translate(
                    "Form", "Kiosk này chưa có tờ khai nào. Vui lòng hỏi cán bộ tại quầy."
                )
            )
        else:
            self.status.setText(
                QCoreApplication.translate(
                    "Form", "Có thể quét mã QR trên thẻ căn cước để điền sẵn thông tin."
                )
            )
        for row in self.rows:
            row.retranslate(language)
