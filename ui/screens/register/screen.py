"""Placeholder for a journey this kiosk cannot do yet: say so plainly, offer home."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.widgets.label import Label
from ui.widgets.screen import Screen, big_button
from wire.i18n import TrText


class UnavailableScreen(Screen):
    home_requested = Signal()

    def __init__(self, title: TrText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        card = QFrame(self)
        card.setObjectName("Card")
        self.lead = Label(card)
        self.lead.setObjectName("Lead")
        self.body = Label(card)
        self.body.setObjectName("Body")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(20)
        for label in (self.lead, self.body):
            label.setWordWrap(True)
            inner.addWidget(label)
        self.home_button = big_button(self, role="home", name="HomeButton")
        self.home_button.clicked.connect(self.home_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 48, 64, 48)
        layout.setSpacing(32)
        layout.addWidget(self.title)
        layout.addWidget(card)
        layout.addStretch(1)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate(self._title))
        self.lead.setText(
            QCoreApplication.translate("UnavailableScreen", "Chức năng này chưa có trên máy.")
        )
        self.body.setText(
            QCoreApplication.translate(
                "UnavailableScreen",
                "Vui lòng liên hệ cán bộ tại quầy tiếp nhận hồ sơ để được hướng dẫn, "
                "hoặc quay lại trang chủ để chọn việc khác.",
            )
        )
        self.home_button.setText(QCoreApplication.translate("UnavailableScreen", "Về trang chủ"))
