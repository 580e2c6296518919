"""A big home-screen tile: a whole card is one touch target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.label import Label
from wire.i18n import TrText


class Tile(QPushButton):
    """A card with a title, a one-line explanation and an arrow; the labels let
    presses through so anywhere on the card works."""

    def __init__(self, title: TrText, subtitle: TrText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._title_text = title
        self._subtitle_text = subtitle
        self.title = Label(self)
        self.title.setObjectName("TileTitle")
        self.title.setWordWrap(True)
        self.subtitle = Label(self)
        self.subtitle.setObjectName("TileSubtitle")
        self.subtitle.setWordWrap(True)
        arrow = Label("›", self)
        arrow.setObjectName("TileArrow")
        stripe = QFrame(self)
        stripe.setObjectName("TileStripe")
        stripe.setFixedWidth(10)
        for label in (self.title, self.subtitle, arrow, stripe):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addStretch(1)
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        texts.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 20, 24, 20)
        row.setSpacing(24)
        row.addWidget(stripe)
        row.addLayout(texts, 1)
        row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)

    def retranslate(self) -> None:
        self.title.setText(translate(self._title_text))
        self.subtitle.setText(translate(self._subtitle_text))
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.subtitle.text())
