"""The "are you still there?" countdown over the whole window."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from ui.screens.base import big_button


class IdleOverlay(QWidget):
    """Dims the screen and counts down; ``continue_clicked`` when the citizen taps.

    It covers its parent entirely (it follows the parent's size), so any touch lands
    on it and counts as "still here".
    """

    continue_clicked = Signal()

    def __init__(self, parent: QWidget, remaining_ms: Callable[[], int]) -> None:
        super().__init__(parent)
        self._cover = parent
        self.setObjectName("Overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._remaining_ms = remaining_ms
        card = QFrame(self)
        card.setObjectName("OverlayCard")
        self._card = card
        self.title = QLabel(card)
        self.title.setObjectName("ScreenTitle")
        self.countdown = QLabel(card)
        self.countdown.setObjectName("Countdown")
        self.body = QLabel(card)
        self.body.setObjectName("Lead")
        self.continue_button = big_button(card, role="home", name="ContinueButton")
        self.continue_button.clicked.connect(self.continue_clicked)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(56, 40, 56, 40)
        inner.setSpacing(18)
        for label in (self.title, self.countdown, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            inner.addWidget(label)
        inner.addSpacing(8)
        inner.addWidget(self.continue_button)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch(1)
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._refresh_countdown)
        parent.installEventFilter(self)
        self.hide()
        self.retranslate()

    def seconds_left(self) -> int:
        return math.ceil(self._remaining_ms() / 1000)

    def start(self) -> None:
        self.setGeometry(self._cover.rect())
        # A fixed width lets the wrapped text claim the height it needs.
        self._card.setFixedWidth(min(960, self._cover.width() - 96))
        self._refresh_countdown()
        self.show()
        self.raise_()
        self.continue_button.setFocus()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("IdleOverlay", "Bạn vẫn đang sử dụng chứ?"))
        self.body.setText(
            QCoreApplication.translate(
                "IdleOverlay",
                "Để bảo vệ thông tin của bạn, kiosk sẽ xoá những gì đã nhập và trở về trang chủ.",
            )
        )
        self.continue_button.setText(QCoreApplication.translate("IdleOverlay", "Tiếp tục"))
        self._refresh_countdown()

    def _refresh_countdown(self) -> None:
        self.countdown.setText(
            QCoreApplication.translate("IdleOverlay", "{seconds} giây").format(
                seconds=self.seconds_left()
            )
        )

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._cover and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._cover.rect())
            self._card.setFixedWidth(min(960, self._cover.width() - 96))
        return False

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
