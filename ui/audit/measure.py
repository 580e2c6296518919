"""How much room a text needs, and how far apart two colours are.

Text is measured as Qt draws it: with the widget's own font (after the style sheet set
its size and weight), wrapped at word boundaries where the widget wraps, line by line.
A line is as tall as the font's ascent and descent, or as the ink of stacked
Vietnamese marks (:data:`TONE_SAMPLE`) where that reaches further: a widget sized
to fit "Ha Noi" must still fit "Hà Nội", whose dot below and circumflex-plus-tone
above reach past many fonts' metrics.

Contrast is WCAG 2's ratio of relative luminances; a translucent text colour is first
blended over its background, as the screen shows it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import cast

from PIL import Image
from PySide6.QtCore import QRect
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QTextLayout,
    QTextOption,
)

from ui.widgets.label import TONE_SAMPLE

#: How far a measurement may exceed the room before it counts: rounding, nothing more.
SLACK_PX = 1.0
#: Pixels read per text, about: a larger area is read every few pixels and rows.
MAX_PIXELS = 3_000
#: A drawn pixel this close to a colour (per channel) shows that colour.
COLOUR_TOLERANCE = 24
#: Fewer pixels than this of a colour are the edges of antialiased glyphs, not ink.
MIN_INK_PIXELS = 3


@dataclass(frozen=True, slots=True)
class LineMetrics:
    """One font's line box: room above and below the baseline, and line to line."""

    ascent: float
    descent: float
    spacing: float

    @property
    def height(self) -> float:
        return self.ascent + self.descent


@dataclass(frozen=True, slots=True)
class TextSize:
    width: float
    height: float
    lines: int


_LINE_METRICS: dict[str, LineMetrics] = {}


def line_metrics(font: QFont) -> LineMetrics:
    """The line box of ``font`` that fits stacked Vietnamese marks."""
    key = font.key()
    found = _LINE_METRICS.get(key)
    if found is None:
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(TONE_SAMPLE)
        found = LineMetrics(
            ascent=max(metrics.ascent(), -ink.top()),
            descent=max(metrics.descent(), ink.bottom()),
            spacing=max(metrics.lineSpacing(), metrics.height()),
        )
        _LINE_METRICS[key] = found
    return found


def text_ink(text: str, font: QFont) -> tuple[float, float]:
    """How far the ink of ``text`` reaches above and below the baseline."""
    ink = QFontMetricsF(font).tightBoundingRect(text)
    return -ink.top(), ink.bottom()


def plain_text_size(text: str, font: QFont, wrap_width: float | None = None) -> TextSize:
    """The room ``text`` takes in ``font``; wrapped at words within ``wrap_width``.

    A word longer than ``wrap_width`` is not broken (Qt's labels do not break it
    either): the width then exceeds ``wrap_width``, which is how such a word is caught.
    """
    widths: list[float] = []
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WordWrap if wrap_width is not None else QTextOption.WrapMode.NoWrap
    )
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(wrap_width if wrap_width is not None else 1e7)
            widths.append(line.naturalTextWidth())
        layout.endLayout()
    lines = max(1, len(widths))
    box = line_metrics(font)
    above, below = text_ink(text, font)
    height = max(box.ascent, above) + max(box.descent, below) + (lines - 1) * box.spacing
    return TextSize(max(widths, default=0.0), height, lines)


def strip_mnemonic(text: str) -> str:
    """A button's text as shown: ``&&`` is a ``&``, a lone ``&`` marks a shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def exceeds(needed: float, available: float) -> bool:
    return needed > available + SLACK_PX


# -- colour ------------------------------------------------------------------------


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""
    r, g, b = colour.red(), colour.green(), colour.blue()
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def blend(front: QColor, back: QColor) -> QColor:
    """``front`` as it shows over the opaque ``back``."""
    alpha = front.alphaF()
    return QColor(
        round(front.red() * alpha + back.red() * (1 - alpha)),
        round(front.green() * alpha + back.green() * (1 - alpha)),
        round(front.blue() * alpha + back.blue() * (1 - alpha)),
    )


def contrast(text: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (same colour) to 21 (black on white)."""
    first, second = luminance(blend(text, background)), luminance(background)
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


class Rendering:
    """The window as drawn (``QWidget.grab``), read pixel by pixel."""

    def __init__(self, image: QImage) -> None:
        if image.format() != QImage.Format.Format_RGB32:
            image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.image = image
        self._pixels = memoryview(image.constBits()).cast("I")
        self._stride = image.bytesPerLine() // 4

    def colours(self, area: QRect, *, every: bool = False) -> Counter[int]:
        """How many pixels of ``area`` show each colour (``0xffRRGGBB``); a large area
        is read on a grid of about :data:`MAX_PIXELS` points unless ``every``."""
        area = area.intersected(self.image.rect())
        if area.isEmpty():
            return Counter()
        step = 1 if every else math.ceil(math.sqrt(area.width() * area.height() / MAX_PIXELS))
        step = max(1, step)
        left, right = area.left(), area.left() + area.width()
        pixels = b"".join(
            self._pixels[y * self._stride + left : y * self._stride + right : step].tobytes()
            for y in range(area.top(), area.bottom() + 1, step)
        )
        # Pillow counts them (in C): a Counter over the pixels as Python integers took
        # a twentieth of the whole audit.
        count = len(pixels) // 4
        points = Image.frombuffer("I", (count, 1), pixels, "raw", "I", 0, 1)
        found = points.getcolors(count) or []
        return Counter({cast(int, value) & 0xFFFFFFFF: n for n, value in found})


@dataclass(frozen=True, slots=True)
class Colours:
    """A text's colour and the colour behind it, as the screen shows them."""

    text: QColor
    background: QColor
    #: ``"palette"``: the widget's palette colour, found in the drawing; ``"rendered"``:
    #: the drawn colour furthest from the background (a style sheet state such as
    #: ``:checked`` painted another colour than the palette's).
    source: str


def _rgb(value: int) -> QColor:
    return QColor((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)


def _near(value: int, colour: QColor) -> bool:
    r, g, b = (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF
    return (
        abs(r - colour.red()) <= COLOUR_TOLERANCE
        and abs(g - colour.green()) <= COLOUR_TOLERANCE
        and abs(b - colour.blue()) <= COLOUR_TOLERANCE
    )


def _shows(counts: Counter[int], paper: int, ink: QColor) -> bool:
    """Whether the pixels show ``ink`` apart from the ``paper`` (ink the paper's colour
    says nothing: the text was drawn in another colour)."""
    if _near(paper, ink):
        return False
    return sum(count for value, count in counts.items() if _near(value, ink)) >= MIN_INK_PIXELS


def text_colours(rendering: Rendering, area: QRect, palette_text: QColor) -> Colours | None:
    """The colours of a text drawn in ``area``: the background is what most of the area
    shows (glyphs cover far less of a text's box than the paper between them); the text
    is ``palette_text`` when the drawing shows it, else the drawn colour that stands out
    most from the background."""
    counts = rendering.colours(area)
    if not counts:
        return None
    most = counts.most_common(1)[0][0]
    behind = _rgb(most)
    ink = blend(palette_text, behind)
    if _shows(counts, most, ink):
        return Colours(ink, behind, "palette")
    # A short text in a wide box may fall between the grid's points: read every pixel.
    counts = rendering.colours(area, every=True)
    if _shows(counts, most, ink):
        return Colours(ink, behind, "palette")
    drawn = [_rgb(value) for value, count in counts.items() if count >= MIN_INK_PIXELS]
    strongest = max(drawn, key=lambda colour: contrast(colour, behind), default=behind)
    return Colours(strongest, behind, "rendered")
