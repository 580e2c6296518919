"""Phiếu số thứ tự (``staff.tickets``): the tickets issued here, reprint and void.

The list is the last :data:`RECENT_SHOWN` tickets this kiosk issued, newest first,
voided and unprinted ones included, and it follows every change to the tickets (a
citizen taking a number meanwhile, a reprint, a void). A ticket not in the list is
found by typing its number as printed (``A-012``, ``A012``). "In lại" prints through
the same desk and printer as issuing; "Hủy số" asks for a reason first. Each tap is
one core call with the staff grant, and its outcome is said on the line under the
title: printed, the printer's complaint, voided, or the core's refusal.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.i18n import translate
from ui.ops import Pool
from ui.screens.staff.flow import StaffFlow
from ui.screens.staff.listing import ListPage
from ui.screens.staff.page import keep_in_view
from ui.screens.staff.texts import clock_time, print_state
from ui.screens.staff.widgets import Tone, code_field, plain_label
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.changes import Changes
    from kiosk.queue.api import IssuedTicket

RECENT_SHOWN = 20
#: ``A-012`` with room for a mistyped space or two.
NUMBER_MAX_CHARS = 12

#: A ticket as staff name it: its id (from the list) or the number as typed.
TicketKey = uuid.UUID | str


class TicketRow(QFrame):
    """One issued ticket: its number, queue and time, where its paper stands."""

    def __init__(self, ticket: IssuedTicket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffRow")
        self.ticket = ticket
        self.number = plain_label(self, "RowTitle")
        self.details = plain_label(self, "RowDetail")
        self.state = plain_label(self, "RowState")
        self.state.setProperty("tone", "failed" if ticket.print_status == "failed" else "")
        self.reprint_button = big_button(self, role="secondary", name="ReprintButton")
        self.void_button = big_button(self, role="secondary", name="VoidButton")
        voided = ticket.print_status == "voided"
        self.reprint_button.setVisible(not voided)
        self.void_button.setVisible(not voided)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.number)
        texts.addWidget(self.details)
        texts.addWidget(self.state)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        row.addLayout(texts, 1)
        row.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.void_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        ticket = self.ticket
        self.number.setText(ticket.label)
        self.details.setText(
            QCoreApplication.translate("Staff", "{queue} · phát lúc {time}").format(
                queue=ticket.service_name, time=clock_time(ticket.issued_at)
            )
        )
        self.state.setText(print_state(ticket))
        self.reprint_button.setText(QCoreApplication.translate("Staff", "In lại"))
        self.void_button.setText(QCoreApplication.translate("Staff", "Hủy số"))


class TicketsPage(ListPage):
    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.rows: list[TicketRow] = []
        # The ticket the reason panel is about: its key and the label shown.
        self._voiding: tuple[TicketKey, str] | None = None
        self._build_finder()
        self.list_title = plain_label(self.content, "GroupTitle")
        self.empty = plain_label(self.content, "Body")
        self.empty.hide()
        self.main.addWidget(self.finder)
        self.main.addSpacing(8)
        self.main.addWidget(self.list_title)
        self.main.addWidget(self.empty)
        self.main.addLayout(self.list_box)
        self.main.addStretch(1)
        self.reason_panel.confirmed.connect(self._void)
        self.retranslate()

    def _build_finder(self) -> None:
        """A ticket not in the list: its number typed, then "In lại" or "Hủy số"."""
        self.finder = keep_in_view(QFrame(self.content))
        self.finder.setObjectName("Card")
        self.number_label = plain_label(self.finder, "FieldCaption")
        self.number_field = code_field(self.finder, NUMBER_MAX_CHARS)
        self.number_field.returnPressed.connect(self._reprint_typed)
        self.reprint_typed_button = big_button(self.finder, name="ReprintTypedButton")
        self.reprint_typed_button.clicked.connect(self._reprint_typed)
        self.void_typed_button = big_button(self.finder, role="secondary", name="VoidTypedButton")
        self.void_typed_button.clicked.connect(self._ask_void_typed)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.number_field, 1)
        row.addWidget(self.reprint_typed_button)
        row.addWidget(self.void_typed_button)
        column = QVBoxLayout(self.finder)
        column.setContentsMargins(24, 16, 24, 16)
        column.setSpacing(8)
        column.addWidget(self.number_label)
        column.addLayout(row)

    # -- the list ----------------------------------------------------------------

    def load(self) -> None:
        self.stale = False
        self.flow.call(
            lambda services, grant: services.tickets.recent(grant, RECENT_SHOWN),
            self.show_tickets,
            self.refused,
        )

    def follows(self, changes: Changes) -> bool:
        return changes.tickets

    def show_tickets(self, tickets: list[IssuedTicket]) -> None:
        self.rows = []
        for ticket in tickets:
            row = TicketRow(ticket, self.content)
            key, label = ticket.id, ticket.label
            row.reprint_button.clicked.connect(lambda _=False, k=key, n=label: self.reprint(k, n))
            row.void_button.clicked.connect(lambda _=False, k=key, n=label: self.ask_void(k, n))
            self.rows.append(row)
        self.replace_rows(self.rows)
        self.empty.setVisible(not tickets)

    def row(self, label: str) -> TicketRow:
        """The row of ticket ``label`` (tests, screenshots)."""
        return next(row for row in self.rows if row.ticket.label == label)

    def action_buttons(self) -> list[QPushButton]:
        buttons = [self.reprint_typed_button, self.void_typed_button]
        for row in self.rows:
            buttons += [row.reprint_button, row.void_button]
        return buttons

    # -- in lại ------------------------------------------------------------------

    def _typed(self) -> str | None:
        number = self.number_field.text().strip()
        if not number:
            self.notice.say(
                Tone.FAILED,
                lambda: QCoreApplication.translate(
                    "Staff", "Vui lòng nhập số thứ tự in trên phiếu, ví dụ A-012."
                ),
            )
            self.number_field.setFocus()
            return None
        return number

    def _reprint_typed(self) -> None:
        number = self._typed()
        if number is not None:
            self.flow.hide_keyboard()
            self.reprint(number, number.upper())

    def reprint(self, key: TicketKey, label: str) -> None:
        """ "In lại": one call to the desk, which prints as issuing does."""
        if self.busy:
            return
        self.set_busy(True)
        self.notice.say(
            Tone.BUSY,
            lambda: QCoreApplication.translate("Staff", "Đang in lại phiếu {label}…").format(
                label=label
            ),
        )
        self.flow.call(
            lambda services, grant: services.desk.reprint(grant, key),
            self._reprinted,
            self.refused,
            pool=Pool.IO,
        )

    def _reprinted(self, ticket: IssuedTicket) -> None:
        self.set_busy(False)
        label, error = ticket.label, ticket.print_error
        if ticket.print_status == "printed":
            self.notice.say(
                Tone.OK,
                lambda: QCoreApplication.translate("Staff", "Đã in lại phiếu {label}.").format(
                    label=label
                ),
            )
        else:
            self.notice.say(
                Tone.FAILED,
                lambda: QCoreApplication.translate(
                    "Staff", "Máy in chưa in được phiếu {label}: {error}"
                ).format(label=label, error="" if error is None else translate(error)),
            )

    # -- hủy số ------------------------------------------------------------------

    def _ask_void_typed(self) -> None:
        number = self._typed()
        if number is not None:
            self.ask_void(number, number.upper())

    def ask_void(self, key: TicketKey, label: str) -> None:
        """ "Hủy số": the reason panel first; nothing changes until staff confirm."""
        if self.busy:
            return
        self._voiding = (key, label)
        self.notice.clear()
        self.reason_panel.ask(
            lambda: QCoreApplication.translate("Staff", "Hủy số {label}?").format(label=label),
            lambda: QCoreApplication.translate(
                "Staff",
                "Số đã hủy không được gọi ở quầy và không in lại được. Lý do hủy được ghi "
                "vào nhật ký thao tác.",
            ),
            lambda: QCoreApplication.translate("Staff", "Hủy số {label}").format(label=label),
        )
        self.open_reason()

    def _void(self, reason: str) -> None:
        voiding = self._voiding
        if voiding is None or self.busy:
            return
        key = voiding[0]
        self.set_busy(True)
        self.flow.call(
            lambda services, grant: services.tickets.void(grant, key, reason),
            self._voided,
            self.reason_refused,
        )

    def _voided(self, ticket: IssuedTicket) -> None:
        self.set_busy(False)
        self.close_reason()
        label = ticket.label
        self.notice.say(
            Tone.OK,
            lambda: QCoreApplication.translate("Staff", "Đã hủy số {label}.").format(label=label),
        )

    def close_reason(self) -> None:
        self._voiding = None
        super().close_reason()

    def retranslate_page(self) -> None:
        self.title.setText(QCoreApplication.translate("Staff", "Phiếu số thứ tự"))
        self.number_label.setText(
            QCoreApplication.translate("Staff", "Số thứ tự in trên phiếu (ví dụ A-012)")
        )
        self.number_field.setPlaceholderText("A-012")
        self.reprint_typed_button.setText(QCoreApplication.translate("Staff", "In lại"))
        self.void_typed_button.setText(QCoreApplication.translate("Staff", "Hủy số"))
        self.list_title.setText(
            QCoreApplication.translate("Staff", "Phiếu phát gần đây tại kiosk này")
        )
        self.empty.setText(QCoreApplication.translate("Staff", "Kiosk chưa phát phiếu nào."))
        for row in self.rows:
            row.retranslate()
        self.reason_panel.retranslate()
