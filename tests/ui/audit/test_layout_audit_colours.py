"""The colours the contrast check reads from the drawn window: how many pixels of an
area show each colour, every pixel or on a grid, as QImage.pixel reads them one by
one."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from pytestqt.qtbot import QtBot

from ui.audit.measure import MAX_PIXELS, Rendering
from ui.fonts import load_bundled_fonts
from ui.theme import FONT_FAMILY


@pytest.fixture
def drawing(qtbot: QtBot) -> QImage:
    """Text over two backgrounds, antialiased: hundreds of colours."""
    load_bundled_fonts()
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#fafafa"))
    painter = QPainter(image)
    painter.fillRect(QRect(200, 0, 200, 300), QColor("#0b3d91"))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(28)
    painter.setFont(font)
    for row in range(8):
        painter.setPen(QColor("#1a1a1a") if row % 2 else QColor("#ffd54f"))
        painter.drawText(5, 30 + row * 36, "Hà Nội — Ỗ Ặ ẫ ự — Đăng ký khai sinh")
    painter.end()
    return image


def one_by_one(image: QImage, area: QRect, step: int) -> Counter[int]:
    area = area.intersected(image.rect())
    return Counter(
        image.pixel(x, y)
        for y in range(area.top(), area.bottom() + 1, step)
        for x in range(area.left(), area.right() + 1, step)
    )


AREAS = [
    QRect(0, 0, 400, 300),  # the whole: read on a grid
    QRect(150, 20, 120, 40),  # across both backgrounds, small enough to read whole
    QRect(350, 250, 200, 200),  # partly past the edge
    QRect(3, 7, 1, 1),
]


@pytest.mark.parametrize("area", AREAS, ids=lambda a: f"{a.x()},{a.y()} {a.width()}x{a.height()}")
def test_colours_are_counted_as_the_pixels_show_them(drawing: QImage, area: QRect) -> None:
    rendering = Rendering(drawing)
    inside = area.intersected(drawing.rect())
    step = max(1, math.ceil(math.sqrt(inside.width() * inside.height() / MAX_PIXELS)))
    assert rendering.colours(area, every=True) == one_by_one(drawing, area, 1)
    assert rendering.colours(area) == one_by_one(drawing, area, step)
    assert len(rendering.colours(area, every=True)) >= (50 if inside.width() > 100 else 1)


def test_an_area_outside_the_drawing_shows_nothing(drawing: QImage) -> None:
    assert Rendering(drawing).colours(QRect(500, 500, 10, 10)) == Counter()
