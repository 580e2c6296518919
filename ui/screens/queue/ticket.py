"""Lấy số thứ tự, second half: the number, big, and where to go with it.

The ticket is shown whether or not it printed. When it printed, the citizen is told to
take it from the printer slot and the kiosk goes home after a short while. When it did
not, the same number and its QR code stay up much longer with a plain request to
photograph the screen or show it to staff, since the screen is now the only ticket;
the printer's own complaint is shown small, for the staff member who looks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.queue.layout import PRIORITY, QR_CAPTION_TICKET, qr_data
from ui.i18n import translate
from ui.screens.queue.flow import QueueFlow
from ui.screens.queue.texts import ahead_text, go_to_counters
from ui.screens.queue.widgets import repolish
from ui.widgets.label import Label
from ui.widgets.qr import QrCode
from ui.widgets.screen import Screen, big_button

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket

# The QR code's side in multiples of the body text size: grows with the text scale.
QR_SIDE_IN_TEXT = 13
# …but no bigger than this, so the ticket fits a 768 px screen at the largest text.
QR_MAX_PX = 300
# On a wide screen the ticket and its message stay a compact block in the middle.
CARD_MAX_PX = 1280
SIDE_MARGIN_PX = 40
COUNTDOWN_TICK_MS = 1000
# The ticket number's line height in multiples of its font size (see _fit_number).
NUMBER_LINE = 1.1


class TicketScreen(Screen):
    def __init__(self, flow: QueueFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.ticket: IssuedTicket | None = None
        self.done_button = big_button(self, role="home", name="DoneButton")
        self.done_button.clicked.connect(self.flow.finish)
        # No bottom bar: at the largest text size the ticket needs its height.
        self.footer = QWidget(self)
        bottom = QHBoxLayout(self.footer)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.setSpacing(24)
        bottom.addWidget(self._build_status(), 1)
        bottom.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SIDE_MARGIN_PX, 24, SIDE_MARGIN_PX, 20)
        layout.setSpacing(16)
        layout.addStretch(1)
        layout.addWidget(self._build_card(), 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.footer, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

        self._return = QTimer(self)
        self._return.setSingleShot(True)
        self._return.timeout.connect(self.flow.finish)
        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._retranslate_countdown)
        flow.ticket_issued.connect(self.show_ticket)
        self.retranslate()

    def _build_card(self) -> QWidget:
        """The ticket as on paper: the number, the queue, the counters, the QR code."""
        card = QFrame(self)
        card.setObjectName("TicketCard")
        self.caption = self._label("TicketCaption", card)
        self.number = self._label("TicketNumber", card)
        self.number.setWordWrap(False)
        self.service = self._label("TicketService", card)
        self.counters = self._label("TicketCounters", card)
        self.ahead = self._label("TicketAhead", card)
        self.priority = self._label("TicketPriority", card)
        self.qr = QrCode(card)
        self.qr_caption = self._label("Muted", card)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addStretch(1)
        for label in (self.caption, self.number, self.service, self.counters, self.ahead):
            texts.addWidget(label)
        texts.addWidget(self.priority)
        texts.addStretch(1)
        code = QVBoxLayout()
        code.setSpacing(8)
        code.addStretch(1)
        code.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        code.addWidget(self.qr_caption)
        code.addStretch(1)
        card_row = QHBoxLayout(card)
        card_row.setContentsMargins(40, 16, 40, 16)
        card_row.setSpacing(48)
        card_row.addLayout(texts, 1)
        card_row.addLayout(code)
        self.card = card
        return card

    def _build_status(self) -> QWidget:
        """Printed, or what to do now that it did not."""
        self.status_box = QFrame(self)
        self.status_box.setObjectName("PrintStatus")
        self.status = self._label("PrintMessage", self.status_box)
        self.print_error = self._label("PrintError", self.status_box)
        self.countdown = self._label("TicketCountdown", self.status_box)
        status_column = QVBoxLayout(self.status_box)
        status_column.setContentsMargins(28, 12, 28, 12)
        status_column.setSpacing(4)
        status_column.addWidget(self.status)
        status_column.addWidget(self.print_error)
        status_column.addWidget(self.countdown)
        return self.status_box

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        full = event.size().width() - 2 * SIDE_MARGIN_PX
        for part in (self.card, self.footer):
            part.setFixedWidth(min(CARD_MAX_PX, full))

    def _label(self, name: str, parent: QWidget) -> QLabel:
        label = Label(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    @property
    def printed(self) -> bool:
        return self.ticket is not None and self.ticket.print_status == "printed"

    def show_ticket(self, ticket: IssuedTicket) -> None:
        self.ticket = ticket
        self.qr.set_side(min(QR_MAX_PX, QR_SIDE_IN_TEXT * max(20, self.fontInfo().pixelSize())))
        self.qr.set_data(qr_data(ticket))
        self._set_failed(not self.printed)
        self._fit_number()
        self._return.start(self.flow.return_delay_ms(ticket))
        self._tick.start()
        self.retranslate()

    @property
    def returns_in_ms(self) -> int:
        """Time left before the kiosk goes home by itself; ``-1`` when not counting."""
        return self._return.remainingTime() if self._return.isActive() else -1

    def _set_failed(self, failed: bool) -> None:
        for widget in (self.status_box, self.status):
            widget.setProperty("failed", "true" if failed else "false")
            repolish(widget)

    def _fit_number(self) -> None:
        """A label is as tall as its font's whole line, accents and descenders included;
        a ticket label (``A-001``) has neither, so give it just over the font size and
        keep the room for the counters at large text sizes."""
        self.number.setFixedHeight(round(self.number.fontInfo().pixelSize() * NUMBER_LINE))

    def retranslate(self) -> None:
        self.caption.setText(QCoreApplication.translate("Queue", "Số thứ tự của Ông/Bà"))
        self.done_button.setText(QCoreApplication.translate("Queue", "Xong"))
        self.qr_caption.setText(translate(QR_CAPTION_TICKET))  # as on the paper ticket
        self.qr.setAccessibleName(QCoreApplication.translate("Queue", "Mã QR của phiếu"))
        ticket = self.ticket
        if ticket is None:
            for label in (self.number, self.service, self.counters, self.ahead, self.priority):
                label.clear()
            self.status.clear()
            self.print_error.clear()
            self.countdown.clear()
            return
        self.number.setText(ticket.label)
        self.number.setAccessibleName(
            QCoreApplication.translate("Queue", "Số thứ tự {label}").format(label=ticket.label)
        )
        self.service.setText(ticket.service_name)
        self.counters.setText(go_to_counters(ticket.counters))
        self.ahead.setText(ahead_text(ticket.people_ahead))
        # As on the paper ticket: "Ưu tiên", never the group.
        self.priority.setVisible(ticket.priority)
        self.priority.setText(translate(PRIORITY) if ticket.priority else "")
        if self.printed:
            self.status.setText(
                QCoreApplication.translate(
                    "Queue",
                    "Phiếu số thứ tự đã được in, vui lòng nhận ở khe máy in và chờ gọi số.",
                )
            )
            self.print_error.hide()
        else:
            self.status.setText(
                QCoreApplication.translate(
                    "Queue",
                    "Máy in đang gặp sự cố. Vui lòng chụp ảnh hoặc đưa màn hình này "
                    "cho cán bộ tại quầy. Số thứ tự vẫn có hiệu lực.",
                )
            )
            error = translate(ticket.print_error) if ticket.print_error is not None else ""
            self.print_error.setText(
                QCoreApplication.translate("Queue", "Lỗi máy in: {error}").format(error=error)
                if error
                else ""
            )
            self.print_error.setVisible(bool(error))
        self._retranslate_countdown()

    def _retranslate_countdown(self) -> None:
        remaining = self.returns_in_ms
        if remaining < 0:
            self.countdown.clear()
            return
        seconds = max(1, round(remaining / 1000))
        self.countdown.setText(
            QCoreApplication.translate(
                "Queue", "Màn hình tự về trang chủ sau {seconds} giây."
            ).format(seconds=seconds)
        )
