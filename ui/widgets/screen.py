"""What every screen has: one place for all its texts, and a hook for being shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from typing_extensions import override

from ui.panel import PanelShape, panel_shape


class Screen(QWidget):
    """A page of the kiosk.

    ``retranslate()`` sets *every* text of the screen and runs on each language change,
    so switching language never leaves a stale string. A journey's screens are made for
    one visit and deleted when it ends, so a screen never has to forget a citizen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def retranslate(self) -> None:
        raise NotImplementedError

    def entered(self) -> None:
        """Called each time the window shows this screen."""

    def panel(self) -> PanelShape:
        """The shape of the panel the window fills now, for a screen that lays out
        differently on each.

        Read from the window's size, which is set before its screens are resized: in
        a screen's ``resizeEvent`` the window's own ``panel`` property still names the
        panel it had, as the window learns the new one after its children.
        """
        return panel_shape(self.window().size())

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def big_button(parent: QWidget, *, role: str | None = None, name: str = "") -> QPushButton:
    """A touch-sized push button; ``role`` picks its look in the stylesheet."""
    button = QPushButton(parent)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    if role is not None:
        button.setProperty("role", role)
    if name:
        button.setObjectName(name)
    return button
