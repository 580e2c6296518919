"""Layouts that follow the width they are given: fewer columns, or another row, when
the words would otherwise be cut or the page scroll sideways.

A kiosk's page is 1366, 1920 or 1080 px wide and its text 100 to 150 %; a grid of
answers or a row of buttons that suits one of these cuts the words at another. These
layouts decide from the width alone (height for width), so one layout serves every
panel without a case for each: :class:`ColumnGrid` for a question's answers (equal
columns, as many as keep each answer on one line), :class:`FlowRow` for a row of
things that moves what does not fit to a row below (a date's field and its buttons,
a question's two answers).

Both take an item's ``sizeHint`` width as the width it likes (a row's item may be
told to like its minimum instead), and its ``heightForWidth`` where it has one (a
:class:`~ui.widgets.wrap_button.WrapButton` wraps its words when it gets less).
:func:`capped` gives a card of limited width its height for the width it really gets.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget
from typing_extensions import override


def capped(widget: QWidget, *, centre: bool = True) -> QHBoxLayout:
    """A row giving ``widget`` the whole width up to its maximum width, centred (or
    at the left), for a column layout to hold.

    A column layout asks a widget its height for the column's whole width, even past
    the widget's maximum: a card of at most 1200 px in a 1840 px column would be told
    the height of its words at 1840 px and cut them at 1200. A row works out the
    widths first (the card's, and the empty room beside it) and then the heights.
    """
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(0)
    if centre:
        row.addItem(_room())
    row.addWidget(widget, 1)
    row.addItem(_room())
    return row


def _room() -> QSpacerItem:
    """Empty room beside a capped widget: it takes what the widget's maximum leaves."""
    return QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)


def _item_height(item: QLayoutItem, width: int) -> int:
    """The height ``item`` needs at ``width``, within its minimum and maximum."""
    hfw = item.hasHeightForWidth()
    height = item.heightForWidth(width) if hfw else item.sizeHint().height()
    return max(item.minimumSize().height(), min(height, item.maximumSize().height()))


class _ReflowLayout(QLayout):
    """What both layouts share: a list of items and a cache of heights by width."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 14) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._heights: dict[int, int] = {}
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

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
    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    @override
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return height

    @override
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    @override
    def minimumSize(self) -> QSize:
        """As narrow as the widest item can be; the height follows the width given."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _inner(self, rect: QRect) -> QRect:
        margins = self.contentsMargins()
        return rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())

    def _outer_height(self, height: int) -> int:
        margins = self.contentsMargins()
        return height + margins.top() + margins.bottom()

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Place the items in ``rect`` (or only measure); the height they take."""
        raise NotImplementedError


class ColumnGrid(_ReflowLayout):
    """Items in equal columns, row after row: up to ``columns`` of them, fewer when an
    item's words would not stay on one line in a column, down to one column (where a
    long item wraps). Never wider than its widest item's minimum."""

    def __init__(
        self, parent: QWidget | None = None, *, columns: int = 2, spacing: int = 14
    ) -> None:
        super().__init__(parent, spacing=spacing)
        self._most = max(1, columns)

    def set_columns(self, columns: int) -> None:
        """At most ``columns`` columns from now on."""
        self._most = max(1, columns)
        self.invalidate()

    def columns_for(self, width: int) -> int:
        """How many columns the items get at ``width`` (the layout's whole width)."""
        shown = self._shown()
        inner = self._inner(QRect(0, 0, width, 0)).width()
        columns = max(1, min(self._most, len(shown)))
        while columns > 1:
            column = self._column_width(inner, columns)
            if all(item.sizeHint().width() <= column for item in shown):
                break
            columns -= 1
        return columns

    def _column_width(self, width: int, columns: int) -> int:
        return max(0, (width - (columns - 1) * self.spacing()) // columns)

    @override
    def sizeHint(self) -> QSize:
        shown = self._shown()
        columns = max(1, min(self._most, len(shown)))
        widest = max((item.sizeHint().width() for item in shown), default=0)
        margins = self.contentsMargins()
        width = columns * widest + (columns - 1) * self.spacing() + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    @override
    def _arrange(self, rect: QRect, *, place: bool) -> int:
        shown = self._shown()
        if not shown:
            return self._outer_height(0)
        inner = self._inner(rect)
        columns = self.columns_for(rect.width())
        column = self._column_width(inner.width(), columns)
        spacing = self.spacing()
        y = inner.y()
        for start in range(0, len(shown), columns):
            row = shown[start : start + columns]
            height = max(_item_height(item, column) for item in row)
            if place:
                for index, item in enumerate(row):
                    x = inner.x() + index * (column + spacing)
                    # The last column takes what integer division left over.
                    width = column if index < columns - 1 else inner.right() + 1 - x
                    item.setGeometry(QRect(x, y, width, height))
            y += height + spacing
        return self._outer_height(y - spacing - inner.y())


class FlowRow(_ReflowLayout):
    """Items side by side while the widths they like fit, the rest on rows below.

    An item likes its ``sizeHint`` width (a :class:`~ui.widgets.wrap_button.WrapButton`
    its words on one line), or, added with ``shrinks``, its minimum width (a column of
    wrapping text, which reads well at any width its longest word allows). Each row's
    spare width goes to its items by their stretch (as in a box layout); an item of
    stretch 0 keeps the width it likes. An item alone on a row narrower than it likes
    gets the row's width (and wraps, if it can).
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 14) -> None:
        super().__init__(parent, spacing=spacing)
        #: Per item (by ``id``): its stretch, and whether it likes its minimum width.
        self._rules: dict[int, tuple[int, bool]] = {}

    def add(self, widget: QWidget | QLayout, stretch: int = 0, *, shrinks: bool = False) -> None:
        """Add ``widget`` (or a layout) with ``stretch``."""
        if isinstance(widget, QLayout):
            self.addChildLayout(widget)
            self.addItem(widget)
        else:
            self.addWidget(widget)
        self._rules[id(self._items[-1])] = (stretch, shrinks)
        self.invalidate()

    @override
    def takeAt(self, index: int) -> QLayoutItem | None:
        item = super().takeAt(index)
        if item is not None:
            self._rules.pop(id(item), None)
        return item

    def _stretch(self, item: QLayoutItem) -> int:
        return self._rules.get(id(item), (0, False))[0]

    def _liked(self, item: QLayoutItem) -> int:
        if self._rules.get(id(item), (0, False))[1]:
            return item.minimumSize().width()
        return item.sizeHint().width()

    def rows_for(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at ``width`` (the layout's whole width)."""
        inner = self._inner(QRect(0, 0, width, 0)).width()
        rows: list[list[QLayoutItem]] = []
        used = 0
        for item in self._shown():
            liked = self._liked(item)
            if rows and used + self.spacing() + liked <= inner:
                rows[-1].append(item)
                used += self.spacing() + liked
            else:
                rows.append([item])
                used = liked
        return rows

    def _widths(self, row: list[QLayoutItem], width: int) -> list[int]:
        """Widths by stretch, none below what its item likes while the row has room."""
        liked = [self._liked(item) for item in row]
        room = width - (len(row) - 1) * self.spacing()
        stretched = [i for i, item in enumerate(row) if self._stretch(item) > 0]
        if len(row) == 1:
            return [room if stretched or liked[0] > room else liked[0]]
        widths = list(liked)
        growing = list(stretched)
        # Share the room by stretch; an item whose share is below what it likes keeps
        # what it likes, and the others share the rest.
        while growing:
            total = sum(self._stretch(row[i]) for i in growing)
            left = room - sum(widths[i] for i in range(len(row)) if i not in growing)
            shares = {i: left * self._stretch(row[i]) // total for i in growing}
            short = [i for i in growing if shares[i] < liked[i]]
            if not short:
                for i in growing:
                    widths[i] = shares[i]
                break
            growing = [i for i in growing if i not in short]
        # What integer division left over goes to the last stretched item, or nowhere.
        spare = room - sum(widths)
        if stretched and spare > 0:
            widths[stretched[-1]] += spare
        return widths

    @override
    def sizeHint(self) -> QSize:
        shown = self._shown()
        liked = sum(item.sizeHint().width() for item in shown)
        margins = self.contentsMargins()
        width = liked + max(0, len(shown) - 1) * self.spacing() + margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    @override
    def _arrange(self, rect: QRect, *, place: bool) -> int:
        inner = self._inner(rect)
        spacing = self.spacing()
        y = inner.y()
        rows = self.rows_for(rect.width())
        for row in rows:
            widths = self._widths(row, inner.width())
            height = max(_item_height(item, w) for item, w in zip(row, widths, strict=True))
            if place:
                x = inner.x()
                for item, width in zip(row, widths, strict=True):
                    item.setGeometry(QRect(x, y, width, height))
                    x += width + spacing
            y += height + spacing
        return self._outer_height(max(0, y - spacing - inner.y()))
