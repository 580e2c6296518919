"""Mục bị từ chối (``staff.refused``): the uploads the centre's server refused for good.

The sync worker never sends a refused entry again by itself: it waits here for staff.
Each row says what it is (a declaration by its mã tờ khai, a ticket by its number, an
account), when the server refused it and the server's reason, which names fields and
never a citizen's values. "Gửi lại" sends it again once the cause is fixed; "Hủy
gửi" closes it for good after a reason, and says first, plainly, that the citizen's
personal data in it will be deleted from the kiosk. The list follows the outbox and
every sync pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.screens.staff.flow import StaffFlow
from ui.screens.staff.listing import ListPage
from ui.screens.staff.texts import day_and_time, entry_phrase, entry_title, holds_personal_data
from ui.screens.staff.widgets import Tone, plain_label
from ui.widgets.screen import big_button

if TYPE_CHECKING:
    from kiosk.changes import Changes
    from kiosk.sync.refused import RefusedEntry


class RefusedRow(QFrame):
    """One refused entry: what it is, when and why the server refused it."""

    def __init__(self, entry: RefusedEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StaffRow")
        self.entry = entry
        self.what = plain_label(self, "RowTitle")
        self.when = plain_label(self, "RowDetail")
        self.why = plain_label(self, "RowState")
        self.retry_button = big_button(self, role="secondary", name="RetryButton")
        self.discard_button = big_button(self, role="secondary", name="DiscardButton")
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.what)
        texts.addWidget(self.when)
        texts.addWidget(self.why)
        buttons = QVBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 12)
        row.setSpacing(16)
        row.addLayout(texts, 1)
        row.addLayout(buttons)
        row.setAlignment(buttons, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()

    def retranslate(self) -> None:
        entry = self.entry
        self.what.setText(entry_title(entry))
        self.when.setText(
            QCoreApplication.translate("Staff", "Bị từ chối lúc {time}").format(
                time=day_and_time(entry.refused_at)
            )
        )
        self.why.setText(
            QCoreApplication.translate("Staff", "Lý do máy chủ đưa ra: {reason}").format(
                reason=entry.reason or "–"
            )
        )
        self.retry_button.setText(QCoreApplication.translate("Staff", "Gửi lại"))
        self.discard_button.setText(QCoreApplication.translate("Staff", "Hủy gửi"))


class RefusedPage(ListPage):
    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.rows: list[RefusedRow] = []
        self._discarding: RefusedEntry | None = None
        self.lead = plain_label(self.content, "Body")
        self.empty = plain_label(self.content, "Lead")
        self.empty.hide()
        self.main.addWidget(self.lead)
        self.main.addWidget(self.empty)
        self.main.addLayout(self.list_box)
        self.main.addStretch(1)
        self.reason_panel.confirmed.connect(self._discard)
        self.retranslate()

    # -- the list ----------------------------------------------------------------

    def load(self) -> None:
        self.stale = False
        self.flow.call(
            lambda services, grant: services.refused.entries(grant),
            self.show_entries,
            self.refused,
        )

    def follows(self, changes: Changes) -> bool:
        return changes.outbox or changes.sync

    def show_entries(self, entries: list[RefusedEntry]) -> None:
        self.rows = []
        for entry in entries:
            row = RefusedRow(entry, self.content)
            row.retry_button.clicked.connect(lambda _=False, e=entry: self.retry(e))
            row.discard_button.clicked.connect(lambda _=False, e=entry: self.ask_discard(e))
            self.rows.append(row)
        self.replace_rows(self.rows)
        self.empty.setVisible(not entries)

    def row(self, subject: str) -> RefusedRow:
        """The row of the entry about ``subject`` (a reference, a ticket's number)."""
        return next(row for row in self.rows if row.entry.subject == subject)

    def action_buttons(self) -> list[QPushButton]:
        buttons: list[QPushButton] = []
        for row in self.rows:
            buttons += [row.retry_button, row.discard_button]
        return buttons

    # -- gửi lại -----------------------------------------------------------------

    def retry(self, entry: RefusedEntry) -> None:
        if self.busy:
            return
        self.set_busy(True)
        entry_id = entry.id
        self.flow.call(
            lambda services, grant: services.refused.retry(grant, entry_id),
            self._retried,
            self.refused,
        )

    def _retried(self, entry: RefusedEntry) -> None:
        self.set_busy(False)
        self.notice.say(
            Tone.OK,
            lambda: QCoreApplication.translate(
                "Staff", "Sẽ gửi lại {what} ở lần đồng bộ tới."
            ).format(what=entry_phrase(entry)),
        )

    # -- hủy gửi -----------------------------------------------------------------

    def ask_discard(self, entry: RefusedEntry) -> None:
        """ "Hủy gửi": what it deletes, and a reason, before anything changes."""
        if self.busy:
            return
        self._discarding = entry
        self.notice.clear()
        personal = holds_personal_data(entry)
        self.reason_panel.ask(
            lambda: QCoreApplication.translate("Staff", "Hủy gửi {what}?").format(
                what=entry_phrase(entry)
            ),
            lambda: _discard_warning(personal),
            lambda: (
                QCoreApplication.translate("Staff", "Hủy gửi và xóa dữ liệu")
                if personal
                else QCoreApplication.translate("Staff", "Hủy gửi")
            ),
        )
        self.open_reason()

    def _discard(self, reason: str) -> None:
        entry = self._discarding
        if entry is None or self.busy:
            return
        entry_id = entry.id
        self.set_busy(True)
        self.flow.call(
            lambda services, grant: services.refused.discard(grant, entry_id, reason),
            self._discarded,
            self.reason_refused,
        )

    def _discarded(self, entry: RefusedEntry) -> None:
        self.set_busy(False)
        self.close_reason()
        self.notice.say(Tone.OK, lambda: _discarded_text(entry))

    def close_reason(self) -> None:
        self._discarding = None
        super().close_reason()

    def retranslate_page(self) -> None:
        self.title.setText(QCoreApplication.translate("Staff", "Mục bị từ chối"))
        self.lead.setText(
            QCoreApplication.translate(
                "Staff",
                "Máy chủ của trung tâm không nhận các mục dưới đây. Khi đã khắc phục nguyên "
                "nhân, bấm “Gửi lại”. Nếu không thể gửi được nữa, bấm “Hủy gửi”.",
            )
        )
        self.empty.setText(
            QCoreApplication.translate("Staff", "Không có mục nào bị máy chủ từ chối.")
        )
        for row in self.rows:
            row.retranslate()
        self.reason_panel.retranslate()


def _discard_warning(personal: bool) -> str:
    if personal:
        return QCoreApplication.translate(
            "Staff",
            "Mục này sẽ không bao giờ được gửi lên máy chủ nữa, và dữ liệu cá nhân của công "
            "dân trong đó sẽ bị xóa khỏi kiosk. Không thể hoàn tác. Lý do được ghi vào nhật "
            "ký thao tác.",
        )
    return QCoreApplication.translate(
        "Staff",
        "Phiếu này sẽ không bao giờ được gửi lên máy chủ nữa. Không thể hoàn tác. Lý do "
        "được ghi vào nhật ký thao tác.",
    )


def _discarded_text(entry: RefusedEntry) -> str:
    if holds_personal_data(entry):
        text = QCoreApplication.translate(
            "Staff", "Đã hủy gửi {what} và xóa dữ liệu cá nhân của công dân khỏi kiosk."
        )
    else:
        text = QCoreApplication.translate("Staff", "Đã hủy gửi {what}.")
    return text.format(what=entry_phrase(entry))
