"""A field's hint that is shown whole or not at all.

A line edit cuts a placeholder that is wider than its text line ("Type the
procedure's name, e.g. birth re"), and it is an empty field's placeholder a citizen
reads first. A field given a few hints, longest first, shows the longest that fits
its width now: the example on a wide panel, the bare request on a narrow one or at
the largest text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame
from typing_extensions import override

#: QLineEdit keeps this much room left and right of its text line (its own margin).
LINE_EDIT_MARGIN_PX = 2


def text_line(field: QLineEdit) -> QRect:
    """Where ``field`` draws its text: inside its border, padding and margins."""
    style = field.style()
    option = QStyleOptionFrame()
    option.initFrom(field)
    option.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, field)
    area = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return area.adjusted(
        margins.left() + LINE_EDIT_MARGIN_PX,
        margins.top(),
        -margins.right() - LINE_EDIT_MARGIN_PX,
        -margins.bottom(),
    )


class PlaceholderFit(QObject):
    """Keeps ``field``'s placeholder the longest of ``hints()`` that fits it whole.

    ``hints`` writes them in the current language, longest first; the last is shown
    when none fits. Call :meth:`refit` after a language change; a change of size, font
    or style refits by itself.
    """

    def __init__(self, field: QLineEdit, hints: Callable[[], Sequence[str]]) -> None:
        super().__init__(field)
        self._field = field
        self._hints = hints
        field.installEventFilter(self)

    def refit(self) -> None:
        hints = list(self._hints())
        if not hints:
            return
        field = self._field
        field.ensurePolished()
        room = text_line(field).width()
        metrics = QFontMetricsF(field.font())
        chosen = next(
            (hint for hint in hints if math.ceil(metrics.horizontalAdvance(hint)) <= room),
            hints[-1],
        )
        if field.placeholderText() != chosen:
            field.setPlaceholderText(chosen)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.Polish,
        ):
            self.refit()
        return False
