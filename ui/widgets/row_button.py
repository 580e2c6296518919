"""A push button laid out as a row of labels, sized by that layout."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton
from typing_extensions import override


class RowButton(QPushButton):
    """A button whose words are labels in its own layout, not its text.

    A push button sizes itself by its text, which this one has none of: it asks the
    layout of its labels, so a long title wraps and the row grows with it.
    """

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1

    @override
    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalSizeHint() if layout is not None else super().sizeHint()

    @override
    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        return layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()
