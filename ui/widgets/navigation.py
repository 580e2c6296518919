"""What every journey page shares: flick-scrolling, the bottom bar, the page frame."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ui.widgets.screen import big_button


def kinetic_scroll_area(parent: QWidget, content: QWidget) -> QScrollArea:
    """A frameless scroll area a finger can flick, as on a phone (no bar needed)."""
    scroll = QScrollArea(parent)
    scroll.setObjectName("Scroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return scroll


class NavBar(QWidget):
    """The bottom bar of every journey page: "‹ Quay lại" left, "Về trang chủ" right,
    and the screen's own actions between them.

    When they do not all fit one line (a portrait panel, large text, English), the
    actions take a line of their own above, sharing its width, and "‹ Quay lại" and
    "Về trang chủ" keep the bottom corners where a citizen has learnt to find them: no
    button's words are ever cut. The bar never widens the window for its one line.
    """

    back = Signal()
    home = Signal()

    SPACING = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # The width is the page's to give; the bar fits its buttons to it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self._one_line = True
        self._actions_list: list[QPushButton] = []
        self.back_button = big_button(self, role="secondary", name="BackButton")
        self.back_button.clicked.connect(self.back)
        self.home_button = big_button(self, role="home", name="HomeButton")
        self.home_button.clicked.connect(self.home)
        self._actions = QHBoxLayout()
        self._actions.setSpacing(self.SPACING)
        self._top = QHBoxLayout()
        self._row = QHBoxLayout()
        self._row.setSpacing(self.SPACING)
        self._row.addWidget(self.back_button)
        self._row.addStretch(1)
        self._row.addLayout(self._actions)
        self._row.addStretch(1)
        self._row.addWidget(self.home_button)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(40, 12, 40, 12)
        self._column.setSpacing(12)
        self._column.addLayout(self._top)
        self._column.addLayout(self._row)

    def add_action(self, button: QPushButton) -> None:
        self._actions.addWidget(button)
        self._actions_list.append(button)

    @property
    def one_line(self) -> bool:
        """Whether every button is on one line (``False``: the actions are above)."""
        return self._one_line

    def one_line_width(self) -> int:
        """The width the bar needs to hold all its shown buttons on one line."""
        shown = [
            button
            for button in (self.back_button, *self._actions_list, self.home_button)
            if not button.isHidden()
        ]
        margins = self._column.contentsMargins()
        buttons = sum(button.sizeHint().width() for button in shown)
        return buttons + max(0, len(shown) - 1) * self.SPACING + margins.left() + margins.right()

    def needed_height(self) -> int:
        """The bar's height for its buttons as they are styled now.

        Measured from the buttons themselves, which a screen may ask while the bar is
        hidden: its layouts keep the sizes from before a restyle until shown again.
        """

        def tallest(buttons: list[QPushButton]) -> int:
            return max((b.sizeHint().height() for b in buttons if not b.isHidden()), default=0)

        margins = self._column.contentsMargins()
        ends = tallest([self.back_button, self.home_button])
        actions = tallest(self._actions_list)
        lines = max(ends, actions) if self._one_line else ends + self._column.spacing() + actions
        return lines + margins.top() + margins.bottom()

    def _arrange(self) -> None:
        actions = any(not button.isHidden() for button in self._actions_list)
        one_line = not actions or self.one_line_width() <= self.width()
        if one_line == self._one_line:
            return
        self._one_line = one_line
        # The actions' own layout moves between the bottom line and the line above.
        (self._top if one_line else self._row).removeItem(self._actions)
        self._actions.setParent(None)
        if one_line:
            self._row.insertLayout(2, self._actions)
        else:
            self._top.addLayout(self._actions)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    @override
    def event(self, event: QEvent) -> bool:
        # A button's words, font or visibility changed: they may fit one line now, or
        # no longer.
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().event(event)

    def retranslate(self) -> None:
        self.back_button.setText(QCoreApplication.translate("Navigation", "‹ Quay lại"))
        self.home_button.setText(QCoreApplication.translate("Navigation", "Về trang chủ"))


def frame_page(page: QWidget, parts: Sequence[QWidget], nav: NavBar, *, spacing: int = 14) -> None:
    """Lay ``page`` out as a padded column of ``parts``, the last one stretching, with the
    bottom bar across the foot."""
    body = QVBoxLayout()
    body.setContentsMargins(40, 24, 40, 8)
    body.setSpacing(spacing)
    for part in parts[:-1]:
        body.addWidget(part)
    body.addWidget(parts[-1], 1)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(body, 1)
    layout.addWidget(nav)
