"""Chế độ cán bộ (``staff``): every staff action one tap away, the kiosk's state below.

Big buttons lead to the pages (tickets, a declaration, refused uploads) or act at once
(printer test, sync now, leave kiosk mode, quit), each saying how it went on the line
under the buttons. Below: the sync panel, the audit log in words (newest first, and
followed as it grows) and the log's tail. "Khóa lại & về trang chủ" is at the foot,
where every staff page has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent, QTextOption
from PySide6.QtWidgets import (
    QBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.audit.wording import describe, describe_actor
from kiosk.clock import LOCAL_TZ
from kiosk.errors import KioskError
from kiosk.printing.errors import PrinterError
from kiosk.sync.api import SyncStatus
from ui.i18n import translate
from ui.ops import Pool
from ui.screens.staff.flow import DECLARATION_SCREEN, REFUSED_SCREEN, TICKETS_SCREEN, StaffFlow
from ui.screens.staff.style import apply_look
from ui.screens.staff.sync_feedback import SyncFeedback
from ui.screens.staff.texts import lock_text
from ui.screens.staff.widgets import ButtonGrid, Notice, Tone
from ui.sync.panel import SyncPanel
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, kinetic_scroll_area
from ui.widgets.screen import Screen

if TYPE_CHECKING:
    from kiosk.audit import AuditEntry
    from kiosk.changes import Changes

#: The audit and log views keep a few lines in sight whatever the screen.
VIEW_MIN_HEIGHT = 120


class StaffScreen(Screen):
    """Shows what the flow loads; every button asks the flow, which makes the core call
    (and the core writes the audit entry)."""

    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._sync = flow.sync_bridge()
        self._rejected = 0
        self._testing = False
        self.sync_feedback = SyncFeedback()
        content = QWidget(self)
        content.setObjectName("StaffContent")
        self.scroll_area = kinetic_scroll_area(self, content)
        self.title = Label(content)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        # "Xin chào, {name}": the member whose PIN unlocked, so staff see whose name the
        # audit log will write. A name is data: never read as rich text.
        self.greeting = Label(content)
        self.greeting.setObjectName("Lead")
        self.greeting.setWordWrap(True)
        self.greeting.setTextFormat(Qt.TextFormat.PlainText)
        self._build_actions(content)
        self.printer_notice = Notice(content)
        self.sync_notice = Notice(content)
        info = self._build_info(content)
        column = QVBoxLayout(content)
        column.setContentsMargins(40, 20, 56, 16)  # right: room for the scroll bar
        column.setSpacing(16)
        column.addWidget(self.title)
        column.addWidget(self.greeting)
        column.addWidget(self.action_grid)
        column.addWidget(self.printer_notice)
        column.addWidget(self.sync_notice)
        column.addLayout(info, 1)
        self.nav = NavBar(self)
        self.nav.back_button.hide()  # staff leave by locking (or by a page's "Quay lại")
        self.nav.home.connect(flow.lock)
        self.nav.home_button.setObjectName("LockButton")
        self.lock_button = self.nav.home_button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.nav)

        flow.audit_loaded.connect(self.show_audit)
        flow.changed.connect(self._changed)
        flow.sync_requested.connect(self._sync_requested)
        if self._sync is not None:
            self._sync.status_changed.connect(self._sync_status)
            status = self._sync.status()
            if status is not None:
                self._sync_status(status)
        self.retranslate()

    def _build_actions(self, parent: QWidget) -> None:
        self.action_grid = ButtonGrid(parent)
        self.tickets_button = self.action_grid.add(name="TicketsButton")
        self.tickets_button.clicked.connect(lambda: self.flow.show(TICKETS_SCREEN))
        self.declaration_button = self.action_grid.add(name="DeclarationButton")
        self.declaration_button.clicked.connect(lambda: self.flow.show(DECLARATION_SCREEN))
        self.refused_button = self.action_grid.add(name="RefusedButton")
        self.refused_button.clicked.connect(lambda: self.flow.show(REFUSED_SCREEN))
        self.printer_test_button = self.action_grid.add(role="secondary", name="PrinterTestButton")
        self.printer_test_button.clicked.connect(self.test_printer)
        self.sync_now_button = self.action_grid.add(role="secondary", name="SyncNowButton")
        self.sync_now_button.clicked.connect(self.flow.sync_now)
        self.leave_button = self.action_grid.add(role="secondary", name="LeaveKioskButton")
        self.leave_button.clicked.connect(self.flow.leave_kiosk_mode)
        self.setup_button = self.action_grid.add(role="secondary", name="SetupButton")
        self.setup_button.clicked.connect(self.flow.open_setup)
        self.setup_button.setHidden(not self.flow.setup_configured())
        self.quit_button = self.action_grid.add(role="secondary", name="QuitButton")
        self.quit_button.clicked.connect(self.flow.quit)

    def _build_info(self, parent: QWidget) -> QBoxLayout:
        """The sync panel beside the audit and the log; one above the other when tall."""
        self.sync_panel = SyncPanel(parent)
        self.audit_title = Label(parent)
        self.audit_title.setObjectName("Muted")
        self.audit_view = QPlainTextEdit(parent)
        self.audit_view.setReadOnly(True)
        self.log_title = Label(parent)
        self.log_title.setObjectName("Muted")
        self.log_view = QPlainTextEdit(parent)
        self.log_view.setReadOnly(True)
        for view in (self.audit_view, self.log_view):
            # Long lines wrap (a path or a hash anywhere, having no space): nothing
            # needs a sideways scroll, which a finger cannot find on a touch screen.
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # A few lines at least, and whatever height the screen has left: their own
            # preferred height would push the page into scrolling on a 768 px screen.
            view.setMinimumHeight(VIEW_MIN_HEIGHT)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        views = QVBoxLayout()
        views.setSpacing(8)
        views.addWidget(self.audit_title)
        views.addWidget(self.audit_view, 1)
        views.addSpacing(8)
        views.addWidget(self.log_title)
        views.addWidget(self.log_view, 1)
        self.info = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.info.setSpacing(24)
        self.info.addWidget(self.sync_panel, 2, Qt.AlignmentFlag.AlignTop)
        self.info.addLayout(views, 3)
        return self.info

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        tall = size.height() > size.width()
        self.info.setDirection(
            QBoxLayout.Direction.TopToBottom if tall else QBoxLayout.Direction.LeftToRight
        )

    # -- what staff see ----------------------------------------------------------

    def entered(self) -> None:
        apply_look(self)
        self._greet()
        self.show_log(self.flow.log_lines())
        self.flow.load_audit()
        if self._sync is not None:
            self._sync.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.audit and self.isVisible():
            self.flow.load_audit()

    def show_audit(self, entries: Iterable[AuditEntry]) -> None:
        self.audit_view.setPlainText("\n".join(format_audit_entry(e) for e in entries))

    def show_log(self, lines: Sequence[str]) -> None:
        self.log_view.setPlainText("\n".join(lines))
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    # -- in thử ------------------------------------------------------------------

    def test_printer(self) -> None:
        """ "In thử": the test page, as a staff action the core audits."""
        if self._testing:
            return
        self._testing = True
        self.printer_test_button.setEnabled(False)
        self.printer_notice.say(
            Tone.BUSY, lambda: QCoreApplication.translate("Staff", "Đang in trang thử…")
        )
        self.flow.call(
            lambda services, grant: services.slips.test_page_for_staff(grant),
            lambda _: self._printer_tested(None),
            self._printer_tested,
            pool=Pool.IO,
        )

    def _printer_tested(self, error: KioskError | None) -> None:
        self._testing = False
        self.printer_test_button.setEnabled(True)
        if error is None:
            self.printer_notice.say(
                Tone.OK,
                lambda: QCoreApplication.translate(
                    "Staff",
                    "Đã in trang thử. Vui lòng xem chữ tiếng Việt có dấu trên giấy có rõ "
                    "và đúng không.",
                ),
            )
        elif isinstance(error, PrinterError):
            message = error.message
            self.printer_notice.say(
                Tone.FAILED,
                lambda: QCoreApplication.translate(
                    "Staff", "Máy in chưa in được trang thử: {error}"
                ).format(error=translate(message)),
            )
        else:
            self.printer_notice.refused(error)

    # -- đồng bộ ngay ------------------------------------------------------------

    def _sync_requested(self) -> None:
        known = self._sync.status() if self._sync is not None else None
        self.sync_feedback.asked(known)
        self._show_sync_feedback()

    def _sync_status(self, status: SyncStatus) -> None:
        self.sync_panel.show_status(status)
        if status.rejected != self._rejected:
            self._rejected = status.rejected
            self._retranslate_refused_button()
        if self.sync_feedback.reported(status):
            self._show_sync_feedback()

    def _show_sync_feedback(self) -> None:
        tone = self.sync_feedback.tone()
        if tone is None:
            self.sync_notice.clear()
        else:
            feedback = self.sync_feedback
            self.sync_notice.say(tone, feedback.text)

    # -- texts -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("StaffScreen", "Chế độ cán bộ"))
        self._greet()
        self.tickets_button.setText(QCoreApplication.translate("Staff", "Phiếu số thứ tự"))
        self.declaration_button.setText(QCoreApplication.translate("Staff", "Tra cứu tờ khai"))
        self._retranslate_refused_button()
        self.printer_test_button.setText(QCoreApplication.translate("Staff", "In thử"))
        self.sync_now_button.setText(QCoreApplication.translate("StaffScreen", "Đồng bộ ngay"))
        self.leave_button.setText(QCoreApplication.translate("StaffScreen", "Thoát chế độ kiosk"))
        self.setup_button.setText(QCoreApplication.translate("StaffScreen", "Thiết lập kiosk"))
        self.quit_button.setText(QCoreApplication.translate("StaffScreen", "Thoát ứng dụng"))
        self.nav.retranslate()
        self.lock_button.setText(lock_text())
        self.audit_title.setText(QCoreApplication.translate("StaffScreen", "Thao tác gần đây"))
        self.log_title.setText(QCoreApplication.translate("StaffScreen", "Nhật ký hệ thống"))
        self.printer_notice.retranslate()
        self.sync_notice.retranslate()
        self.action_grid.rearrange()

    def _greet(self) -> None:
        grant = self.flow.grant
        self.greeting.setVisible(grant is not None)
        if grant is None:
            self.greeting.clear()
            return
        # The member's name as the audit log shows it ("Cán bộ" for the unnamed one).
        name = translate(describe_actor(grant.actor))
        self.greeting.setText(
            QCoreApplication.translate("StaffScreen", "Xin chào, {name}").format(name=name)
        )

    def _retranslate_refused_button(self) -> None:
        if self._rejected:
            text = QCoreApplication.translate("Staff", "Mục bị từ chối ({count})").format(
                count=self._rejected
            )
        else:
            text = QCoreApplication.translate("Staff", "Mục bị từ chối")
        self.refused_button.setText(text)
        self.action_grid.rearrange()


def format_audit_entry(entry: AuditEntry) -> str:
    """One line per audit entry, in words: local time, who, what was done."""
    when = f"{entry.at.astimezone(LOCAL_TZ):%d/%m %H:%M:%S}"
    return f"{when}  {translate(describe_actor(entry.actor))}  {translate(describe(entry))}"
