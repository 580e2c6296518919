"""A column of blocks in the middle of a page, each as tall as its words need there.

A card placed with ``addWidget(card, 0, AlignCenter)`` in a box layout is measured at
the layout's whole width (an aligned item claims no maximum width) and then drawn
narrower: its wrapped texts take more lines than it was given room for, and are cut.
A card held at a fixed width is measured right, but pins the window's minimum width
to it: a portrait panel narrower than the card can then not be filled. This layout
gives each block the width it will have — the page's, at most ``max_width`` — and
asks each block its height *for that width* (height for width), so a card of any
text size and language is as tall as its words, and nothing is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget
from typing_extensions import override


def item_height(item: QLayoutItem, width: int) -> int:
    """What ``item`` needs at ``width``, within its minimum and maximum height."""
    height = item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()
    return max(item.minimumSize().height(), min(height, item.maximumSize().height()))


class CentredColumn(QLayout):
    """Blocks one under another, all of one width (``max_width`` at most, less when the
    page is narrower), centred across the page and, as a group, down it.

    When the blocks need more height than the page has, they start at its top (the
    page is short: what does not fit goes below, never above, the top edge).
    """

    def __init__(
        self, parent: QWidget | None = None, *, max_width: int = 1280, spacing: int = 16
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._max_width = max_width
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def set_max_width(self, width: int) -> None:
        """Blocks at most ``width`` wide from now on."""
        if width != self._max_width:
            self._max_width = width
            self.invalidate()

    def max_width(self) -> int:
        return self._max_width

    # -- QLayout ---------------------------------------------------------------------

    @override
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self.invalidate()

    @override
    def count(self) -> int:
        return len(self._items)

    @override
    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    @override
    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self.invalidate()
        return item

    @override
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    @override
    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        widest = max((item.sizeHint().width() for item in self._shown()), default=0)
        width = min(self._max_width, widest) + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    @override
    def minimumSize(self) -> QSize:
        """As narrow as the widest block can be; the height follows the width given."""
        margins = self.contentsMargins()
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = sum(item.minimumSize().height() for item in shown)
        height += max(0, len(shown) - 1) * self.spacing()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    @override
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing ---------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def block_width(self, width: int) -> int:
        """The blocks' width on a page ``width`` wide (margins included)."""
        margins = self.contentsMargins()
        return max(0, min(self._max_width, width - margins.left() - margins.right()))

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Place the blocks in ``rect`` (or only measure them); the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        width = self.block_width(rect.width())
        shown = self._shown()
        heights = [item_height(item, width) for item in shown]
        total = sum(heights) + max(0, len(shown) - 1) * self.spacing()
        if place:
            x = inner.x() + (inner.width() - width) // 2
            y = inner.y() + max(0, (inner.height() - total) // 2)
            for item, height in zip(shown, heights, strict=True):
                item.setGeometry(QRect(x, y, width, height))
                y += height + self.spacing()
        return total + margins.top() + margins.bottom()
