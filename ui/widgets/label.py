"""Labels that show text as text, whatever the catalogue, a form, the database or a
citizen put in it.

QLabel's default format (``AutoText``) renders anything that *looks* like HTML: a
procedure named ``<img src="file:///…">`` would draw a file of the kiosk's disk, a queue
named ``<h1>NGỪNG PHỤC VỤ</h1>…`` a notice the centre never wrote, a field name with
``<a href=…>`` a link. So every label of the kiosk is a :class:`Label`, which shows its
text literally; the text format is set before any text, so nothing is ever parsed as
markup. The one kind of label that shows markup, a search result's name with the
matched words in bold, is a :class:`MarkupLabel`: it takes only :data:`Markup`, made by
:func:`escape` and :func:`bold` here, so data reaches it escaped. A test reads the
sources and fails on any other ``QLabel`` (``tests/ui/test_plain_text.py``).

Push buttons never render markup, but hide a lone ``&`` (a shortcut mark): data shown
on a button goes through :func:`button_text`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import NewType

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget
from typing_extensions import override

#: Rich text the kiosk wrote itself: its tags are the kiosk's, its text escaped.
Markup = NewType("Markup", str)


def escape(text: str) -> Markup:
    """``text`` as markup that shows it literally."""
    return Markup(html.escape(text, quote=True))


def bold(text: str) -> Markup:
    """``text`` escaped, in bold."""
    return Markup(f"<b>{escape(text)}</b>")


def join(parts: Iterable[Markup]) -> Markup:
    return Markup("".join(parts))


def button_text(text: str) -> str:
    """``text`` for a push button, shown as written: a button takes a lone ``&`` as the
    mark of a keyboard shortcut and hides it, so data's ``&`` is doubled."""
    return text.replace("&", "&&")


#: The tallest stacks of Vietnamese marks, above (Ỗ, ẫ) and below (Ặ, ự) the letter.
TONE_SAMPLE = "Ỗ Ặ ẫ ự"


def tone_mark_room(font: QFont) -> int:
    """Pixels a line of ``font`` needs above its ascent, and again below its descent,
    so stacked marks are not sliced: Noto Sans puts the tone over a circumflex ("Ỗ")
    a pixel above its own ascent at the kiosk's small sizes."""
    # The resolved family too: a font asked for before the bundled ones were loaded
    # resolves to a fallback with other metrics.
    key = f"{font.key()}|{QFontInfo(font).family()}"
    room = _TONE_MARK_ROOM.get(key)
    if room is None:
        metrics = QFontMetricsF(font)
        ink = metrics.tightBoundingRect(TONE_SAMPLE)
        above = -ink.top() - metrics.ascent()
        below = ink.bottom() - metrics.descent()
        room = _TONE_MARK_ROOM[key] = max(0, math.ceil(max(above, below)))
    return room


_TONE_MARK_ROOM: dict[str, int] = {}


#: The changes a label hears of (``changeEvent``) that change the room its text needs.
_RESIZING_CHANGES = frozenset(
    {
        QEvent.Type.FontChange,
        QEvent.Type.ApplicationFontChange,
        QEvent.Type.StyleChange,
        QEvent.Type.ContentsRectChange,
        QEvent.Type.LayoutDirectionChange,
    }
)


class _ToneMarkRoom(QLabel):
    """A label one line box taller by :func:`tone_mark_room` above and below: a label
    centres its text, so the room above is where the marks reach.

    Its heights for widths are remembered until its text, font, style, margins or
    minimum size change: layouts ask a label the same question over and over (tens
    of thousands of times in one look of the layout audit), and each answer lays the
    text out again. QLabel's own setters are not virtual, so
    those that change its size are redefined here to forget; Qt itself changes a
    label's font, style and margins only with an event (:data:`_RESIZING_CHANGES`),
    and its minimum size (a style sheet's ``min-height``) is compared on each answer.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._heights: dict[int, int] = {}
        self._heights_minimum: tuple[int, int] = (0, 0)
        super().__init__(parent)

    def _grown(self, size: QSize) -> QSize:
        if size.isValid() and self.pixmap().isNull():
            size.setHeight(size.height() + 2 * tone_mark_room(self.font()))
        return size

    @override
    def sizeHint(self) -> QSize:
        return self._grown(super().sizeHint())

    @override
    def minimumSizeHint(self) -> QSize:
        return self._grown(super().minimumSizeHint())

    @override
    def heightForWidth(self, width: int) -> int:
        minimum = (self.minimumWidth(), self.minimumHeight())
        if minimum != self._heights_minimum:
            self._heights_minimum = minimum
            self._heights.clear()
        height = self._heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            if height >= 0 and self.pixmap().isNull():
                height += 2 * tone_mark_room(self.font())
            if width >= 0:  # a negative width's answer depends on the maximum size too
                self._heights[width] = height
        return height

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _RESIZING_CHANGES:
            self._heights.clear()
        super().changeEvent(event)

    @override
    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    @override
    def setNum(self, number: float) -> None:
        self._heights.clear()
        super().setNum(number)

    @override
    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    @override
    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    @override
    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        self._heights.clear()
        super().setAlignment(alignment)

    @override
    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    @override
    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)

    @override
    def setTextFormat(self, format: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(format)

    @override
    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        self._heights.clear()
        super().setTextInteractionFlags(flags)

    @override
    def setPixmap(self, pixmap: QPixmap | QImage) -> None:
        self._heights.clear()
        super().setPixmap(pixmap)


class Label(_ToneMarkRoom):
    """A label whose text is shown as written (``Qt.TextFormat.PlainText``)."""

    def __init__(
        self, text_or_parent: str | QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        """``Label(parent)`` or ``Label(text, parent)``, as a QLabel is made."""
        if isinstance(text_or_parent, str):
            super().__init__(parent)
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text_or_parent)
        else:
            super().__init__(text_or_parent)
            self.setTextFormat(Qt.TextFormat.PlainText)


class MarkupLabel(_ToneMarkRoom):
    """A label that shows markup the kiosk built (:data:`Markup`); plain text escaped.

    The kiosk's markup has no links or images; were one to slip in, it is not followed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def set_markup(self, markup: Markup) -> None:
        super().setText(markup)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """Plain text given to this label is escaped, never taken as markup."""
        super().setText(escape(text))
