"""A card over the whole window that takes every touch until it is answered.

Used for the questions the window asks whatever screen is showing: "are you still
there?" (:mod:`ui.widgets.idle_overlay`) and "end your visit?"
(:mod:`ui.widgets.end_visit_overlay`). It covers its parent entirely and follows its
size, so a touch anywhere lands on it and never on the screen underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget
from typing_extensions import override

CARD_MAX_PX = 960
CARD_MARGIN_PX = 96


class Overlay(QWidget):
    """Dims ``parent`` and shows :attr:`card` in its middle; subclasses fill the card."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._cover = parent
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.card = QFrame(self)
        self.card.setObjectName("OverlayCard")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(56, 40, 56, 40)
        self.card_layout.setSpacing(18)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        """Show over the whole parent, on top of everything in it."""
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        self.setGeometry(self._cover.rect())
        # A fixed width lets the wrapped text claim the height it needs.
        self.card.setFixedWidth(min(CARD_MAX_PX, self._cover.width() - CARD_MARGIN_PX))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._cover and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def retranslate(self) -> None:
        """Set every text; called on each language change."""

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
