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
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.queue.layout import PRIORITY, QR_CAPTION_TICKET, qr_data
from ui.i18n import translate
from ui.panel import PanelShape
from ui.screens.queue.flow import QueueFlow
from ui.screens.queue.texts import ahead_text, go_to_counters
from ui.screens.queue.widgets import repolish
from ui.widgets.centred import CentredColumn
from ui.widgets.label import Label
from ui.widgets.qr import QrCode
from ui.widgets.screen import Screen, big_button

if TYPE_CHECKING:
    from kiosk.queue.api import IssuedTicket

# The QR code's side in multiples of the body text size: grows with the text scale.
QR_SIDE_IN_TEXT = 13
# …but no bigger than this, so the ticket fits a 768 px screen at the largest text.
QR_MAX_PX = 300
# On a short landscape panel (1366×768) the ticket shares 768 px with its message.
QR_MAX_SHORT_PX = 240
# On a wide screen the ticket and its message stay a compact block in the middle.
CARD_MAX_PX = 1280
SIDE_MARGIN_PX = 40
COUNTDOWN_TICK_MS = 1000
#: Left to right on a landscape panel, top to bottom on a portrait one.
ACROSS = QBoxLayout.Direction.LeftToRight
DOWN = QBoxLayout.Direction.TopToBottom


class TicketScreen(Screen):
    """The ticket as on paper, and under it whether it printed and "Xong".

    Landscape, the card reads across: the number, where to go with it, the QR code;
    the message and "Xong" side by side under it, so the whole ticket fits 768 px at
    the largest text. Portrait (a standing kiosk), everything is one centred column,
    "Xong" the width of the ticket at its foot.
    """

    def __init__(self, flow: QueueFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.ticket: IssuedTicket | None = None
        self._shape: PanelShape | None = None
        # The panel sizes the screen, never the screen the window: across, the ticket
        # is wider than a portrait panel; down, taller than a landscape one.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.done_button = big_button(self, role="home", name="DoneButton")
        self.done_button.clicked.connect(self.flow.finish)
        # No bottom bar: at the largest text size the ticket needs its height.
        self.footer = QWidget(self)
        self._footer_row = QBoxLayout(ACROSS, self.footer)
        self._footer_row.setContentsMargins(0, 0, 0, 0)
        self._footer_row.setSpacing(24)
        self._footer_row.addWidget(self._build_status(), 1)
        self._footer_row.addWidget(self.done_button)
        # Each block as tall as its words at the width it gets (height for width).
        layout = CentredColumn(self, max_width=CARD_MAX_PX)
        layout.setContentsMargins(SIDE_MARGIN_PX, 24, SIDE_MARGIN_PX, 20)
        layout.addWidget(self._build_card())
        layout.addWidget(self.footer)

        self._return = QTimer(self)
        self._return.setSingleShot(True)
        self._return.timeout.connect(self.flow.finish)
        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self._retranslate_countdown)
        flow.ticket_issued.connect(self.show_ticket)
        self._lay_out(PanelShape.SHORT)
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
        self._number_column = self._column((self.caption, self.number))
        self._info_column = self._column((self.service, self.counters, self.ahead, self.priority))
        self._code_column = self._column((self.qr, self.qr_caption), spacing=8)
        self._card_row = QBoxLayout(ACROSS, card)
        self._card_row.setContentsMargins(40, 16, 40, 16)
        self._card_row.addLayout(self._number_column)
        self._card_row.addLayout(self._info_column, 1)
        self._card_row.addLayout(self._code_column)
        self.card = card
        return card

    @staticmethod
    def _column(parts: tuple[QWidget, ...], spacing: int = 4) -> QVBoxLayout:
        """One part of the card: its words top-aligned beside the others (landscape)."""
        column = QVBoxLayout()
        column.setSpacing(spacing)
        for part in parts:
            column.addWidget(part)
        column.addStretch(1)
        return column

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
        self._lay_out(self.panel())

    def _lay_out(self, shape: PanelShape) -> None:
        """Across on a landscape panel, one centred column on a portrait one."""
        if shape == self._shape:
            return
        self._shape = shape
        portrait = shape == PanelShape.PORTRAIT
        self._card_row.setDirection(DOWN if portrait else ACROSS)
        self._card_row.setSpacing(16 if portrait else 40)
        self._footer_row.setDirection(DOWN if portrait else ACROSS)
        across = Qt.AlignmentFlag.AlignHCenter if portrait else Qt.AlignmentFlag.AlignLeft
        for label in (
            self.caption,
            self.number,
            self.service,
            self.counters,
            self.ahead,
            self.priority,
        ):
            label.setAlignment(across | Qt.AlignmentFlag.AlignVCenter)
        self._code_column.setAlignment(self.qr, Qt.AlignmentFlag.AlignHCenter)
        self._size_qr()

    def _size_qr(self) -> None:
        most = QR_MAX_SHORT_PX if self._shape == PanelShape.SHORT else QR_MAX_PX
        self.qr.set_side(min(most, QR_SIDE_IN_TEXT * max(20, self.fontInfo().pixelSize())))

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
        self._size_qr()
        self.qr.set_data(qr_data(ticket))
        self._set_failed(not self.printed)
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
