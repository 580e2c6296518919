"""A row of buttons that becomes a grid when its words would not fit one line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget
from typing_extensions import override


class ButtonRow(QWidget):
    """Buttons side by side at their own widths, towards ``align``, while they fit the
    width given; otherwise in equal columns, as many as the widest button allows (two
    by two for four on a portrait panel at the largest text). No word is ever cut,
    and the row never widens the window for its one line.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 14,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignRight,
    ) -> None:
        super().__init__(parent)
        self.buttons: list[QPushButton] = []
        self._align = align
        self._columns = 0  # 0: one line at their own widths
        self._arranged: tuple[int, tuple[QPushButton, ...]] | None = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        # The width is the parent's to give; the buttons fit themselves to it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def add(self, button: QPushButton) -> QPushButton:
        button.setParent(self)
        self.buttons.append(button)
        self._arranged = None
        self._arrange()
        return button

    @property
    def columns(self) -> int:
        """Columns of the grid; 0 while the buttons are on one line."""
        return self._columns

    def one_line_width(self) -> int:
        shown = self._shown()
        widths = sum(button.sizeHint().width() for button in shown)
        return widths + max(0, len(shown) - 1) * self._grid.spacing()

    def _shown(self) -> list[QPushButton]:
        return [button for button in self.buttons if not button.isHidden()]

    def _columns_for(self, width: int) -> int:
        shown = self._shown()
        if not shown or self.one_line_width() <= width:
            return 0
        spacing = self._grid.spacing()
        widest = max(button.sizeHint().width() for button in shown)
        return max(1, min(len(shown), (width + spacing) // (widest + spacing)))

    def _arrange(self) -> None:
        shown = tuple(self._shown())
        columns = self._columns_for(self.width())
        if self._arranged == (columns, shown):
            return
        self._arranged = (columns, shown)
        self._columns = columns
        for button in self.buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        if columns == 0:
            # One line: a stretch on the side away from ``align`` takes the spare width.
            first = 1 if self._align & Qt.AlignmentFlag.AlignRight else 0
            for index, button in enumerate(shown):
                self._grid.addWidget(button, 0, first + index)
            spare = 0 if first else len(shown)
            self._grid.setColumnStretch(spare, 1)
        else:
            for index, button in enumerate(shown):
                self._grid.addWidget(button, index // columns, index % columns)
            for column in range(columns):
                self._grid.setColumnStretch(column, 1)
        self.updateGeometry()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    @override
    def event(self, event: QEvent) -> bool:
        # A button's words, font or visibility changed: the arrangement may too.
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().event(event)
