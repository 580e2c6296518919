"""The centre's emblem, which is also the hidden press-and-hold door to staff mode."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHideEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget
from typing_extensions import override

LONG_PRESS_MS = 2000


class CentreLogo(QWidget):
    """A round emblem; holding it for :data:`LONG_PRESS_MS` emits ``long_pressed``.

    Staff must be able to unlock a touch-only kiosk without a keyboard, yet a citizen
    tapping the logo must not stumble on it: only a deliberate press-and-hold counts.
    Touches reach it as synthesised mouse events, so mouse handling covers both.
    """

    long_pressed = Signal()

    def __init__(self, parent: QWidget | None = None, *, hold_ms: int = LONG_PRESS_MS) -> None:
        super().__init__(parent)
        self.setObjectName("CentreLogo")
        self.setFixedSize(84, 84)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self.long_pressed)

    def set_hold_ms(self, hold_ms: int) -> None:
        self._hold.setInterval(hold_ms)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._hold.start()
        event.accept()

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._hold.stop()
        event.accept()

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        self._hold.stop()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 6
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.setPen(QPen(QColor("#f0b400"), 4))
        painter.setBrush(QColor("#c8102e"))
        painter.drawEllipse(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffd500"))
        painter.drawPolygon(_star(rect.center(), side * 0.34, side * 0.14))
        painter.end()


def _star(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    import math

    points = QPolygonF()
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(
            QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle))
        )
    return points
