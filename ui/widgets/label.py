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

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
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


class _ToneMarkRoom(QLabel):
    """A label one line box taller by :func:`tone_mark_room` above and below: a label
    centres its text, so the room above is where the marks reach."""

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
        height = super().heightForWidth(width)
        if height < 0 or not self.pixmap().isNull():
            return height
        return height + 2 * tone_mark_room(self.font())


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
