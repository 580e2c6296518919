"""Xem lại: every page's answers as the paper will say them, each with "Sửa".

Answers are written by the core (``kiosk.forms.format.format_answer``), so the
review says exactly what the receipt and the PDF will. Only questions the answers
leave shown are listed; an unanswered optional one says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.forms.format import format_answer
from ui.screens.form.inputs.base import plain_label
from ui.screens.form.texts import FormLanguage, say
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.forms.draft import Draft


class ReviewPage(QWidget):
    # "Sửa" on a section: its index in the form.
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReviewPage")
        self.edit_buttons: dict[int, QPushButton] = {}
        self.scroll_area = kinetic_scroll_area(self, QWidget(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.wipe()

    def show_draft(self, draft: Draft, language: FormLanguage) -> None:
        """Write the draft out afresh (the old content goes with its widget)."""
        position = self.scroll_area.verticalScrollBar().value()
        content = QWidget(self)
        content.setObjectName("ReviewContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 24)
        column.setSpacing(18)
        heading = plain_label(content, "SectionHeading")
        heading.setText(QCoreApplication.translate("Form", "Xem lại trước khi lưu"))
        lead = plain_label(content, "SectionIntro")
        lead.setText(
            QCoreApplication.translate(
                "Form",
                "Kiểm tra từng mục. Bấm “Sửa” để thay đổi; khi mọi thứ đã đúng, bấm “Lưu tờ khai”.",
            )
        )
        column.addWidget(heading)
        column.addWidget(lead)
        self.edit_buttons = {}
        for index in draft.pages():
            column.addWidget(self._section_card(content, draft, index, language))
        column.addStretch(1)
        self.scroll_area.setWidget(content)  # the previous content is deleted
        self.scroll_area.verticalScrollBar().setValue(position)

    def _section_card(
        self, parent: QWidget, draft: Draft, index: int, language: FormLanguage
    ) -> QWidget:
        section = draft.form.sections[index]
        card = QFrame(parent)
        card.setObjectName("ReviewSection")
        title = plain_label(card, "ReviewTitle")
        title.setText(say(section.title, language))
        edit = big_button(card, role="secondary", name="EditSectionButton")
        edit.setText(QCoreApplication.translate("Form", "Sửa"))
        edit.setAccessibleName(
            QCoreApplication.translate("Form", "Sửa: {section}").format(section=title.text())
        )
        edit.clicked.connect(lambda _=False, i=index: self.edit_requested.emit(i))
        self.edit_buttons[index] = edit
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(title, 1)
        header.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        for row, field in enumerate(draft.shown(section)):
            label = plain_label(card, "ReviewLabel")
            label.setText(say(field.label, language))
            answer = format_answer(field, draft.answers.get(field.id), language)
            value = plain_label(card, "ReviewValue" if answer else "ReviewEmpty")
            value.setText(answer or QCoreApplication.translate("Form", "(chưa điền)"))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 18, 28, 22)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(grid)
        return card

    def wipe(self) -> None:
        """Nothing of a citizen stays in the widgets."""
        self.edit_buttons = {}
        self.scroll_area.setWidget(QWidget(self))
