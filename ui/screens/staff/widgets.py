"""Small parts the staff pages share: the outcome line, labels, a text field, a button grid.

An outcome (printed, refused, voided…) is kept as a function that writes it, not as
a string, so a language switch writes it again in the new language.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from typing_extensions import override

from kiosk.errors import KioskError
from ui.i18n import translate
from ui.widgets.label import Label
from ui.widgets.screen import big_button

#: Writes an outcome in the current language.
Words = Callable[[], str]


class Tone(enum.Enum):
    """How an outcome reads: work in progress, done, or not done."""

    BUSY = "busy"
    OK = "ok"
    FAILED = "failed"


def plain_label(parent: QWidget, name: str) -> QLabel:
    """A wrapping label that shows text as it is (a reason typed by staff is not HTML)."""
    label = Label(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def code_field(parent: QWidget, max_length: int) -> QLineEdit:
    """A field for a code staff type (a ticket number, a reference): Latin letters and
    digits, no Telex (``dd`` must stay ``dd``), no clipboard."""
    field = QLineEdit(parent)
    field.setObjectName("StaffField")
    field.setMaxLength(max_length)
    field.setProperty("telex", False)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return field


class Notice(Label):
    """One outcome line: what the last tap did, or that it is still being done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffNotice")
        self.setWordWrap(True)
        self._words: Words | None = None
        self.tone: Tone | None = None
        self.hide()

    def say(self, tone: Tone, words: Words) -> None:
        self.tone, self._words = tone, words
        self.setProperty("tone", tone.value)
        repolish(self)
        self.retranslate()

    def refused(self, error: KioskError) -> None:
        """A core call said no: its own message, translated."""
        message = error.message
        self.say(Tone.FAILED, lambda: translate(message))

    def clear(self) -> None:
        self.tone, self._words = None, None
        self.setText("")
        self.hide()

    def retranslate(self) -> None:
        words = self._words
        self.setText("" if words is None else words())
        self.setVisible(words is not None)


class ButtonGrid(QWidget):
    """Big buttons in as many equal columns as their widest text allows.

    Four across a 1920 px screen, two on a 1366 px one at 150 % text, one down a
    narrow column: a button's text is never cut, whatever the screen and the language.
    """

    SPACING = 16

    def __init__(self, parent: QWidget | None = None, *, max_columns: int = 4) -> None:
        super().__init__(parent)
        self.setObjectName("ActionGrid")
        self._max_columns = max_columns
        self._columns = 0
        self.buttons: list[QPushButton] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(self.SPACING)
        # The width is the parent's to give; the grid fits its columns to it.
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def add(self, *, role: str | None = None, name: str = "") -> QPushButton:
        button = big_button(self, role=role, name=name)
        self.buttons.append(button)
        self._columns = 0
        return button

    @property
    def columns(self) -> int:
        return self._columns

    def rearrange(self) -> None:
        """Lay the buttons out again (their texts or the text size changed)."""
        self._columns = 0
        self._arrange(self.width())

    def _arrange(self, width: int) -> None:
        shown = [button for button in self.buttons if not button.isHidden()]
        if not shown or width <= 0:
            return
        widest = max(button.sizeHint().width() for button in shown)
        fits = (width + self.SPACING) // (widest + self.SPACING)
        columns = max(1, min(self._max_columns, fits, len(shown)))
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(shown):
            self._grid.addWidget(button, index // columns, index % columns)
        for column in range(self._max_columns):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        self.updateGeometry()

    @override
    def sizeHint(self) -> QSize:
        return self._grid.sizeHint()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.rearrange()

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.rearrange()
