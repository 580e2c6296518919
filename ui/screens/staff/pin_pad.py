"""The staff PIN pad: big digits for a touch screen, masked entry, a clear message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ui.i18n import translate
from ui.panel import PanelShape
from ui.widgets.label import Label
from ui.widgets.screen import Screen, big_button
from wire.i18n import QT_TRANSLATE_NOOP, TrText

MAX_PIN_DIGITS = 12
EMPTY_PIN = QT_TRANSLATE_NOOP("PinPadScreen", "Vui lòng nhập mã PIN.")


class PinPadScreen(Screen):
    """Emits ``submitted(pin)``; the staff-mode controller checks it off the UI thread
    and calls :meth:`show_message` with what went wrong (a lock-out says how long, and
    until when).

    No name is asked: each member's PIN is their own, so the PIN says who unlocks, and
    a citizen at the screen sees no list of staff."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message: TrText | None = None
        # Titles wrap: beside the pad, one line of large text is wider than a 1366 px
        # screen leaves (150 % text, or a longer translation).
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        self.prompt = Label(self)
        self.prompt.setObjectName("Lead")
        self.prompt.setWordWrap(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("PinField")
        self.field.setProperty("keyboard", False)  # it has its own digit pad
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_DIGITS)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,12}"), self.field)
        )
        self.field.returnPressed.connect(self.submit)
        self.message = Label(self)
        self.message.setObjectName("Message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.keypad = self._build_pad()
        self.cancel_button = big_button(self, role="secondary", name="CancelButton")
        self.cancel_button.clicked.connect(self.cancelled)
        self._shape: PanelShape | None = None
        # The panel sizes the screen: beside the pad it is too wide for a portrait
        # panel, under it too tall for a landscape one.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._left = QVBoxLayout()
        self._left.setSpacing(16)
        self._left.addStretch(1)
        self._left.addWidget(self.title)
        self._left.addWidget(self.prompt)
        self._left.addWidget(self.field)
        self._left.addWidget(self.message)
        self._left.addStretch(1)
        self._left.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._row = QHBoxLayout(self)
        # Little room above and below: at the largest text the column beside the pad
        # (a two-line title, the prompt, the field, a message) needs most of 768 px.
        self._row.setContentsMargins(64, 24, 64, 24)
        self._row.setSpacing(56)
        self._row.addLayout(self._left, 1)
        self._lay_out(PanelShape.SHORT)
        self.retranslate()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._lay_out(self.panel())

    def _lay_out(self, shape: PanelShape) -> None:
        """The pad beside the words (landscape), or under them (portrait)."""
        if shape == self._shape:
            return
        self._shape = shape
        self._row.removeWidget(self.keypad)
        self._left.removeWidget(self.keypad)
        if shape == PanelShape.PORTRAIT:
            below_message = self._left.indexOf(self.message) + 1
            self._left.insertWidget(below_message, self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            self._row.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignVCenter)

    def _build_pad(self) -> QFrame:
        pad = QFrame(self)
        pad.setObjectName("Card")
        grid = QGridLayout(pad)
        grid.setContentsMargins(24, 24, 24, 24)
        grid.setSpacing(14)
        self.digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = big_button(pad, name="PinKey")
            button.setText(digit)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=digit: self.press_digit(d))
            self.digit_buttons[digit] = button
            row, col = (3, 1) if digit == "0" else divmod(index, 3)
            grid.addWidget(button, row, col)
        self.erase_button = big_button(pad, name="PinKey")
        self.erase_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.erase_button.clicked.connect(self.field.backspace)
        self.ok_button = big_button(pad, name="PinOk")
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.erase_button, 3, 0)
        grid.addWidget(self.ok_button, 3, 2)
        return pad

    def press_digit(self, digit: str) -> None:
        if len(self.field.text()) < MAX_PIN_DIGITS:
            self.field.insert(digit)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if not pin:
            self.show_message(EMPTY_PIN)
            return
        self.show_message(None)
        self.submitted.emit(pin)

    def show_message(self, text: TrText | None) -> None:
        self._message = text
        self.message.setText("" if text is None else translate(text))

    def entered(self) -> None:
        self.field.setFocus()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("PinPadScreen", "Mở khóa chế độ cán bộ"))
        self.prompt.setText(
            QCoreApplication.translate("PinPadScreen", "Nhập mã PIN của mình rồi bấm OK.")
        )
        self.field.setPlaceholderText(QCoreApplication.translate("PinPadScreen", "Mã PIN"))
        self.erase_button.setText(QCoreApplication.translate("PinPadScreen", "Xóa"))
        self.erase_button.setAccessibleName(
            QCoreApplication.translate("PinPadScreen", "Xóa một chữ số")
        )
        self.ok_button.setText(QCoreApplication.translate("PinPadScreen", "OK"))
        self.cancel_button.setText(QCoreApplication.translate("PinPadScreen", "Hủy"))
        self.show_message(self._message)
