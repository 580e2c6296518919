"""A push button whose words wrap onto more lines when its width asks for it."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget
from typing_extensions import override

from ui.widgets.label import Label
from ui.widgets.row_button import RowButton

#: Around the words, inside the button's border.
MARGINS_PX = (20, 8)


class WrapButton(RowButton):
    """A touch target whose words are never cut: a form's long answer ("Đã đăng ký kết
    hôn nhưng đã ly hôn, hiện tại chưa đăng ký kết hôn với ai"), a ward's name, a
    placeholder in English at the largest text on a portrait panel.

    A push button draws its text on one line and cuts what does not fit, so the words
    are a word-wrapping :class:`Label` in the button's own layout (``label``), which
    lets presses through; the button itself has no text. It prefers its words on one
    line (``sizeHint``), so a layout with room keeps them there, and grows in height
    for a narrower width (``heightForWidth``).

    The label's ``checked`` property follows the button, for a style sheet to colour
    the words of a chosen answer (``#ChoiceButton > #ButtonText[checked="true"]``):
    a style sheet cannot match a parent's ``:checked``.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        name: str,
        role: str | None = None,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        if role is not None:
            self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.label = Label(self)
        self.label.setObjectName("ButtonText")
        self.label.setWordWrap(True)
        self.label.setAlignment(alignment | Qt.AlignmentFlag.AlignVCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.label.setProperty("checked", "false")
        horizontal, vertical = MARGINS_PX
        row = QHBoxLayout(self)
        row.setContentsMargins(horizontal, vertical, horizontal, vertical)
        row.addWidget(self.label)
        self.toggled.connect(self._restyle_words)

    def set_text(self, text: str) -> None:
        """Show ``text`` (as written: a label shows no markup and hides no ``&``)."""
        self.label.setText(text)
        self.setAccessibleName(text)
        self.updateGeometry()

    def words(self) -> str:
        """The text the button shows."""
        return self.label.text()

    def one_line_width(self) -> int:
        """The width that holds the words on one line, margins included."""
        self.label.ensurePolished()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        around = margins.left() + margins.right() if margins is not None else 0
        text = QFontMetricsF(self.label.font()).horizontalAdvance(self.label.text())
        return math.ceil(text) + 2 * self.label.margin() + around + 1

    def _restyle_words(self, checked: bool) -> None:
        self.label.setProperty("checked", "true" if checked else "false")
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)

    @override
    def sizeHint(self) -> QSize:
        width = max(self.one_line_width(), self.minimumSizeHint().width())
        height = max(self.heightForWidth(width), self.minimumHeight())
        return QSize(width, height)
