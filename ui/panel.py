"""Which of the centres' panels the kiosk fills: the layout follows the screen.

Centres use three kinds of panel: the common 1366×768 landscape kiosk (short: the
on-screen keyboard takes half its height), full-HD landscape, and the standing
portrait kiosk (1080×1920). The window's own size decides, as the kiosk fills its
screen; it is never a setting, so a kiosk moved to another panel lays out for it.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QSize

#: A landscape panel below this height is short: chrome steps aside while typing.
SHORT_HEIGHT_PX = 900


class PanelShape(enum.StrEnum):
    """The layout family a screen uses; the value is the window's ``panel`` property."""

    #: Landscape, at least :data:`SHORT_HEIGHT_PX` high (1920×1080).
    LANDSCAPE = "landscape"
    #: Landscape and short (1366×768): every pixel of height counts.
    SHORT = "short"
    #: Taller than wide (1080×1920): one column, room below.
    PORTRAIT = "portrait"


def panel_shape(size: QSize) -> PanelShape:
    """The shape of a window of ``size``."""
    if size.height() > size.width():
        return PanelShape.PORTRAIT
    if size.height() < SHORT_HEIGHT_PX:
        return PanelShape.SHORT
    return PanelShape.LANDSCAPE
