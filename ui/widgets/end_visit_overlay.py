"""Before "Về trang chủ" drops what the citizen has done: "end your visit?"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.widgets.label import Label
from ui.widgets.overlay import Overlay
from ui.widgets.screen import big_button


class EndVisitOverlay(Overlay):
    """Asks once; ``stay`` keeps everything as it was, ``end`` ends the visit.

    Staying is the big, first button: a citizen who tapped home by mistake must not
    lose a half-filled tờ khai with one more careless tap.
    """

    stay = Signal()
    end = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = Label(self.card)
        self.title.setObjectName("ScreenTitle")
        self.body = Label(self.card)
        self.body.setObjectName("Lead")
        for label in (self.title, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            self.card_layout.addWidget(label)
        self.stay_button = big_button(self.card, name="StayButton")
        self.stay_button.clicked.connect(self._stay)
        self.end_button = big_button(self.card, role="secondary", name="EndVisitButton")
        self.end_button.clicked.connect(self._end)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.stay_button, 1)
        buttons.addWidget(self.end_button, 1)
        self.card_layout.addSpacing(8)
        self.card_layout.addLayout(buttons)
        self.retranslate()

    def ask(self) -> None:
        self.cover()
        self.stay_button.setFocus()

    def _stay(self) -> None:
        self.hide()
        self.stay.emit()

    def _end(self) -> None:
        self.hide()
        self.end.emit()

    def retranslate(self) -> None:
        self.title.setText(
            QCoreApplication.translate("EndVisitOverlay", "Kết thúc và về trang chủ?")
        )
        self.body.setText(
            QCoreApplication.translate(
                "EndVisitOverlay",
                "Mọi thông tin đã chọn và đã nhập trên kiosk sẽ được xóa để bảo vệ "
                "thông tin cá nhân. Tờ khai đã lưu vẫn được giữ để cán bộ tại quầy tra cứu.",
            )
        )
        self.stay_button.setText(QCoreApplication.translate("EndVisitOverlay", "Ở lại"))
        self.end_button.setText(QCoreApplication.translate("EndVisitOverlay", "Kết thúc"))
