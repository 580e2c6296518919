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

from ui.widgets.centred import CentredColumn

CARD_MAX_PX = 960
#: Around the card: the dimmed window shows on every side, so it reads as "over" it.
CARD_MARGIN_PX = 48


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
        # The card is as tall as its words at the width it is given (height for width).
        self._outer = CentredColumn(self, max_width=CARD_MAX_PX)
        self._outer.setContentsMargins(*(CARD_MARGIN_PX,) * 4)
        self._outer.addWidget(self.card)
        parent.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        """Show over the whole parent, on top of everything in it."""
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        """Cover the parent; on a short panel with large text, where the card at its
        usual width would be taller than the window, it takes the whole width instead
        (more words on a line, fewer lines)."""
        self.setGeometry(self._cover.rect())
        self.card.ensurePolished()  # the style sheet's fonts, before measuring
        whole = self._cover.width() - 2 * CARD_MARGIN_PX
        room = self._cover.height() - 2 * CARD_MARGIN_PX
        usual = min(CARD_MAX_PX, whole)
        too_tall = self.card_layout.totalHeightForWidth(usual) > room
        self._outer.set_max_width(whole if too_tall else usual)

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
