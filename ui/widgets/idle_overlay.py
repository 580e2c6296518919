"""The "are you still there?" countdown over the whole window."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ui.widgets.label import Label
from ui.widgets.overlay import Overlay
from ui.widgets.screen import big_button


class IdleOverlay(Overlay):
    """Dims the screen and counts down; ``continue_clicked`` when the citizen taps.

    Any touch lands on it and counts as "still here".
    """

    continue_clicked = Signal()

    def __init__(self, parent: QWidget, remaining_ms: Callable[[], int]) -> None:
        super().__init__(parent)
        self._remaining_ms = remaining_ms
        self.title = Label(self.card)
        self.title.setObjectName("ScreenTitle")
        self.countdown = Label(self.card)
        self.countdown.setObjectName("Countdown")
        self.body = Label(self.card)
        self.body.setObjectName("Lead")
        self.continue_button = big_button(self.card, role="home", name="ContinueButton")
        self.continue_button.clicked.connect(self.continue_clicked)
        for label in (self.title, self.countdown, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.card_layout.addWidget(label)
        self.card_layout.addSpacing(8)
        self.card_layout.addWidget(self.continue_button)
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._refresh_countdown)
        self.retranslate()

    def seconds_left(self) -> int:
        return math.ceil(self._remaining_ms() / 1000)

    def start(self) -> None:
        self._refresh_countdown()
        self.cover()
        self.continue_button.setFocus()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def retranslate(self) -> None:
        # Short enough for one line at the largest text size, above the countdown.
        self.title.setText(QCoreApplication.translate("IdleOverlay", "Ông/Bà có tiếp tục không?"))
        self.body.setText(
            QCoreApplication.translate(
                "IdleOverlay",
                "Để bảo vệ thông tin cá nhân, kiosk sẽ xóa những gì đã nhập và trở về trang chủ.",
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
