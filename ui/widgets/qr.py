"""A QR code a citizen scans with their phone to carry on at home.

The ``qrcode`` library does the encoding (version, error correction, masking); this
module only paints its module matrix into a :class:`QPixmap`. The code is always dark
on white with the standard quiet zone, even in high contrast: many phone scanners
cannot read an inverted (light on dark) code.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.printing.qr import qr_matrix
from ui.widgets.label import Label


def qr_pixmap(data: str, size_px: int) -> QPixmap:
    """``data`` as a square QR code at most ``size_px`` wide, with whole-pixel modules.

    Modules are drawn with an integer number of pixels each, so edges stay sharp
    (blurred edges are what makes cheap phone cameras fail).
    """
    matrix = qr_matrix(data)
    count = len(matrix)
    module = max(1, size_px // count)
    side = module * count
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                if dark:
                    painter.drawRect(QRect(column * module, row * module, module, module))
    finally:
        painter.end()
    return QPixmap.fromImage(image)


class QrCode(Label):
    """Shows one QR code; :meth:`set_side` redraws it sharp at a new size."""

    def __init__(self, parent: QWidget | None = None, *, side_px: int = 240) -> None:
        super().__init__(parent)
        self.setObjectName("QrCode")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._data = ""
        self._side = side_px
        self.setFixedSize(QSize(side_px, side_px))

    @property
    def data(self) -> str:
        return self._data

    def set_data(self, data: str) -> None:
        self._data = data
        self._redraw()

    def set_side(self, side_px: int) -> None:
        """Resize to ``side_px`` square (e.g. when the text scale grows)."""
        if side_px != self._side:
            self._side = side_px
            self.setFixedSize(QSize(side_px, side_px))
            self._redraw()

    def clear_code(self) -> None:
        self._data = ""
        self.clear()

    def _redraw(self) -> None:
        if self._data:
            self.setPixmap(qr_pixmap(self._data, self._side))
        else:
            self.clear()
