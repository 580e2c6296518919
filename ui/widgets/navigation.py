"""What every journey page shares: flick-scrolling, the bottom bar, the page frame."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

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
    and the screen's own actions between them."""

    back = Signal()
    home = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.back_button = big_button(self, role="secondary", name="BackButton")
        self.back_button.clicked.connect(self.back)
        self.home_button = big_button(self, role="home", name="HomeButton")
        self.home_button.clicked.connect(self.home)
        self._actions = QHBoxLayout()
        self._actions.setSpacing(16)
        row = QHBoxLayout(self)
        row.setContentsMargins(40, 12, 40, 12)
        row.setSpacing(16)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addLayout(self._actions)
        row.addStretch(1)
        row.addWidget(self.home_button)

    def add_action(self, button: QPushButton) -> None:
        self._actions.addWidget(button)

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
