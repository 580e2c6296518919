"""Choosing one of many: dân tộc (54), quốc tịch (Việt Nam first), tỉnh/thành phố,
xã/phường.

Closed, the question shows the choice on one big button, whose words wrap where a
long placeholder or name needs it (read them with ``current.words()``). Tapped, it opens a search
line (Telex works, accents optional) over a flickable list; a tap on a row chooses it
and closes the list. The rows come from a function of the search text, so the lists
stay in the core (``kiosk.forms.choices``, ``kiosk.places``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from kiosk.forms.choices import find_choices, nationalities
from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope, repolish
from ui.screens.form.texts import FormLanguage
from ui.widgets.screen import big_button
from ui.widgets.wrap_button import WrapButton
from wire.forms import FieldDefinition
from wire.vocabulary import ETHNICITIES, Choice

# A row: the stored code and the words shown.
Row = tuple[str, str]
# Rows the list shows without flicking; more scroll.
VISIBLE_ROWS = 5
ROW_PX = 64


def choice_label(choice: Choice, language: FormLanguage) -> str:
    return choice.en if language == "en" else choice.vi


def choice_rows(choices: Sequence[Choice], query: str, language: FormLanguage) -> list[Row]:
    """The rows for what was typed: ``kiosk.forms.choices.find_choices`` finds them."""
    return [(c.code, choice_label(c, language)) for c in find_choices(choices, query)]


class SearchPicker(QWidget):
    """A big button showing the choice; tapped, a search line and a list of rows."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget, rows: Callable[[str], Sequence[Row]]) -> None:
        super().__init__(parent)
        self.setObjectName("SearchPicker")
        self._rows = rows
        self._placeholder = ""
        self.code: str | None = None
        self.current = WrapButton(
            self, role="secondary", name="PickerCurrent", alignment=Qt.AlignmentFlag.AlignLeft
        )
        self.current.clicked.connect(self.toggle)
        self.panel = QWidget(self)
        self.panel.setObjectName("PickerPanel")
        self.search = QLineEdit(self.panel)
        self.search.setObjectName("PickerSearch")
        self.search.setMaxLength(60)
        self.search.textChanged.connect(lambda _: self.refresh())
        self.search.returnPressed.connect(self._search_done)
        self.close_button = big_button(self.panel, role="secondary", name="PickerClose")
        self.close_button.clicked.connect(self.close_list)
        self.list = QListWidget(self.panel)
        self.list.setObjectName("PickerList")
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFixedHeight(VISIBLE_ROWS * ROW_PX + 8)
        self.list.itemClicked.connect(self._row_tapped)
        QScroller.grabGesture(
            self.list.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        search_row = QHBoxLayout()
        search_row.setSpacing(12)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.close_button)
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.setSpacing(8)
        panel_layout.addLayout(search_row)
        panel_layout.addWidget(self.list)
        self.panel.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.current)
        layout.addWidget(self.panel)
        self.retranslate()

    @property
    def is_open(self) -> bool:
        return not self.panel.isHidden()

    def toggle(self) -> None:
        if self.is_open:
            self.close_list()
        else:
            self.open_list()

    def open_list(self) -> None:
        self.search.setText("")
        self.refresh()
        self.panel.show()

    def close_list(self) -> None:
        self.panel.hide()
        self.search.setText("")

    def refresh(self) -> None:
        self.list.clear()
        for code, label in self._rows(self.search.text()):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list.addItem(item)
            if code == self.code:
                item.setSelected(True)
        self.list.scrollToTop()

    def rows_shown(self) -> list[Row]:
        return [
            (self.list.item(i).data(Qt.ItemDataRole.UserRole), self.list.item(i).text())
            for i in range(self.list.count())
        ]

    def _search_done(self) -> None:
        """ "Xong ↵" after typing: one match is the choice; otherwise the keyboard goes
        so the whole list is in view."""
        if self.list.count() == 1:
            self._row_tapped(self.list.item(0))
        else:
            self.search.clearFocus()

    def _row_tapped(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self.show_choice(code, item.text())
        self.close_list()
        self.chosen.emit(code)

    def show_choice(self, code: str | None, label: str) -> None:
        self.code = code
        self.current.set_text(label if code is not None else self._placeholder)
        for widget in (self.current, self.current.label):
            widget.setProperty("empty", "false" if code is not None else "true")
            repolish(widget)

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        if self.code is None:
            self.current.set_text(text)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            QCoreApplication.translate("Form", "Gõ vài chữ để tìm, không cần dấu")
        )
        self.close_button.setText(QCoreApplication.translate("Form", "Đóng"))
        if self.is_open:
            self.refresh()

    def wipe(self) -> None:
        self.close_list()
        self.list.clear()
        self.show_choice(None, "")


class ListChoiceInput(FieldInput):
    """Dân tộc and quốc tịch: a code from ``kiosk.forms.choices``."""

    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        self.choices: tuple[Choice, ...] = (
            ETHNICITIES if field.kind == "ethnicity" else nationalities()
        )
        self.picker = SearchPicker(
            self, lambda q: choice_rows(self.choices, q, self.env.language())
        )
        self.picker.chosen.connect(lambda _: self._picked())
        self.body.addWidget(self.picker)

    def _picked(self) -> None:
        self._edited()
        self.left.emit()

    def value(self) -> Any:
        return self.picker.code

    def _label(self, code: str | None) -> str:
        found = next((c for c in self.choices if c.code == code), None)
        return choice_label(found, self.env.language()) if found is not None else ""

    def _show_value(self, value: Any) -> None:
        known = isinstance(value, str) and any(c.code == value for c in self.choices)
        self.picker.show_choice(value if known else None, self._label(value) if known else "")

    def focus_input(self) -> None:
        self.picker.current.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        super().wipe()
        self.picker.wipe()

    def retranslate(self) -> None:
        super().retranslate()
        self.picker.set_placeholder(QCoreApplication.translate("Form", "Bấm để chọn"))
        self.picker.show_choice(self.picker.code, self._label(self.picker.code))
        self.picker.retranslate()
