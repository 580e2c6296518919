"""The calm screen shown when something unexpected broke (a bug, not the citizen)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from ui.widgets.centred import CentredColumn
from ui.widgets.label import Label
from ui.widgets.screen import Screen

#: The card's width at most: the message stays a compact block on a wide panel.
CARD_MAX_PX = 1000


class ErrorScreen(Screen):
    """No technical detail here: the log has it. The window returns home by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = QFrame(self)
        card.setObjectName("Card")
        self.title = Label(card)
        self.title.setObjectName("ErrorTitle")
        self.body = Label(card)
        self.body.setObjectName("Lead")
        self.note = Label(card)
        self.note.setObjectName("Muted")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(64, 56, 64, 56)
        inner.setSpacing(24)
        for label in (self.title, self.body, self.note):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        # As tall as its words at the width it has, on any panel and at any text size.
        layout = CentredColumn(self, max_width=CARD_MAX_PX)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addWidget(card)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("ErrorScreen", "Xin lỗi, đã có sự cố."))
        self.body.setText(
            QCoreApplication.translate("ErrorScreen", "Vui lòng liên hệ cán bộ tại quầy.")
        )
        self.note.setText(
            QCoreApplication.translate(
                "ErrorScreen", "Kiosk sẽ tự trở về trang chủ trong giây lát."
            )
        )
