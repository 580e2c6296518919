"""A big home-screen tile: a whole card is one touch target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.widgets.label import Label
from ui.widgets.row_button import RowButton
from wire.i18n import TrText

#: Around the stripe, the words and the arrow (left, top, right, bottom).
MARGINS = (20, 20, 24, 20)
#: A card of its words' height (portrait) has more room above and below them.
TALL_MARGINS = (20, 36, 24, 36)


class Tile(RowButton):
    """A card with a title, a one-line explanation and an arrow; the labels let
    presses through so anywhere on the card works.

    It is as tall as its words need at its width (height for width), and grows to
    share the room a landscape page gives its tiles (:meth:`set_fills`).
    """

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
        row.setContentsMargins(*MARGINS)
        row.setSpacing(24)
        row.addWidget(stripe)
        row.addLayout(texts, 1)
        row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_fills(self, fills: bool) -> None:
        """Grow into the height the page gives (landscape), or keep the height of the
        words (portrait: one column, no card with its words floating in the middle)."""
        vertical = QSizePolicy.Policy.Expanding if fills else QSizePolicy.Policy.Preferred
        self.setSizePolicy(QSizePolicy.Policy.Expanding, vertical)
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(*(MARGINS if fills else TALL_MARGINS))

    def retranslate(self) -> None:
        self.title.setText(translate(self._title_text))
        self.subtitle.setText(translate(self._subtitle_text))
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(self.subtitle.text())
