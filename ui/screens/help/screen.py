"""How to use the kiosk, in plain words for someone who has never used one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QVBoxLayout, QWidget

from ui.widgets.label import Label
from ui.widgets.screen import Screen, big_button


class HelpScreen(Screen):
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        # The card is as tall as its steps (not the whole page: on a portrait panel a
        # page-high card would hold four short paragraphs and a white void).
        content = QWidget(self)
        card = QFrame(content)
        card.setObjectName("Card")
        self.steps = [Label(card) for _ in range(4)]
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 32, 48, 32)
        inner.setSpacing(18)
        for label in self.steps:
            label.setObjectName("Body")
            label.setWordWrap(True)
            inner.addWidget(label)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(card)
        column.addStretch(1)
        self.home_button = big_button(self, role="home", name="HomeButton")
        self.home_button.clicked.connect(self.home_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 40)
        layout.setSpacing(24)
        layout.addWidget(self.title)
        # Large text may not fit: the card scrolls, by finger as well as by the bar.
        scroll = QScrollArea(self)
        scroll.setObjectName("Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("HelpScreen", "Hướng dẫn sử dụng"))
        texts = (
            QCoreApplication.translate(
                "HelpScreen",
                "1. Bấm vào ô cần làm trên trang chủ: tra cứu thủ tục, điền tờ khai, "
                "hướng dẫn VNeID hoặc lấy số thứ tự.",
            ),
            QCoreApplication.translate(
                "HelpScreen",
                "2. Làm theo từng bước trên màn hình. Có thể bấm «Về trang chủ» bất cứ lúc nào.",
            ),
            QCoreApplication.translate(
                "HelpScreen",
                "3. Chữ nhỏ quá? Bấm «Cỡ chữ» ở cuối trang chủ để phóng to, "
                "hoặc «Nền đen, chữ vàng» để chữ rõ hơn.",
            ),
            QCoreApplication.translate(
                "HelpScreen",
                "4. Khi Ông/Bà rời máy, sau một lúc kiosk sẽ tự xóa thông tin đã nhập và "
                "trở về trang chủ. Cần giúp đỡ? Vui lòng hỏi cán bộ tại quầy.",
            ),
        )
        for label, text in zip(self.steps, texts, strict=True):
            label.setText(text)
        self.home_button.setText(QCoreApplication.translate("HelpScreen", "Về trang chủ"))
