"""Staff mode: leave kiosk mode, quit, lock again; sync state, recent audit entries, log tail."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.clock import LOCAL_TZ
from ui.screens.base import Screen, big_button
from ui.sync.panel import SyncPanel

if TYPE_CHECKING:
    from kiosk.audit import AuditEntry

VIEW_MIN_HEIGHT = 96


class StaffScreen(Screen):
    """Shows what the controller loads; every button only emits, the controller acts
    (and writes the audit entry)."""

    leave_kiosk_requested = Signal()
    sync_now_requested = Signal()
    quit_requested = Signal()
    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("ScreenTitle")
        self.leave_button = big_button(self, role="secondary", name="LeaveKioskButton")
        self.leave_button.clicked.connect(self.leave_kiosk_requested)
        self.quit_button = big_button(self, role="secondary", name="QuitButton")
        self.quit_button.clicked.connect(self.quit_requested)
        self.sync_now_button = big_button(self, role="secondary", name="SyncNowButton")
        self.sync_now_button.clicked.connect(self.sync_now_requested)
        self.lock_button = big_button(self, name="LockButton")
        self.lock_button.clicked.connect(self.lock_requested)
        # The sync state; the sync bridge fills it.
        self.sync_panel = SyncPanel(self)
        self.audit_title = QLabel(self)
        self.audit_title.setObjectName("Muted")
        self.audit_view = QPlainTextEdit(self)
        self.audit_view.setReadOnly(True)
        self.log_title = QLabel(self)
        self.log_title.setObjectName("Muted")
        self.log_view = QPlainTextEdit(self)
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        for view in (self.audit_view, self.log_view):
            # Their touch scroll bars would ask for more; at 768 px the sync panel
            # above them needs the height more than a few more lines of history.
            view.setMinimumHeight(VIEW_MIN_HEIGHT)

        actions = QVBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.title)
        actions.addSpacing(8)
        actions.addWidget(self.leave_button)
        actions.addWidget(self.quit_button)
        actions.addWidget(self.sync_now_button)
        actions.addStretch(1)
        actions.addWidget(self.lock_button)
        views = QVBoxLayout()
        views.setSpacing(8)
        views.addWidget(self.sync_panel)
        views.addSpacing(8)
        views.addWidget(self.audit_title)
        views.addWidget(self.audit_view, 1)
        views.addSpacing(8)
        views.addWidget(self.log_title)
        views.addWidget(self.log_view, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.setSpacing(40)
        layout.addLayout(actions, 2)
        layout.addLayout(views, 3)
        self.retranslate()

    def show_audit(self, entries: Iterable[AuditEntry]) -> None:
        self.audit_view.setPlainText("\n".join(format_audit_entry(e) for e in entries))

    def show_log(self, lines: Sequence[str]) -> None:
        self.log_view.setPlainText("\n".join(lines))
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())

    def reset(self) -> None:
        self.audit_view.clear()
        self.log_view.clear()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("StaffScreen", "Chế độ cán bộ"))
        self.leave_button.setText(QCoreApplication.translate("StaffScreen", "Thoát chế độ kiosk"))
        self.quit_button.setText(QCoreApplication.translate("StaffScreen", "Thoát ứng dụng"))
        self.sync_now_button.setText(QCoreApplication.translate("StaffScreen", "Đồng bộ ngay"))
        lock = QCoreApplication.translate("StaffScreen", "Khoá lại & về trang chủ")
        self.lock_button.setText(lock.replace("&", "&&"))  # a lone & marks a mnemonic
        self.audit_title.setText(QCoreApplication.translate("StaffScreen", "Thao tác gần đây"))
        self.log_title.setText(QCoreApplication.translate("StaffScreen", "Nhật ký hệ thống"))


def format_audit_entry(entry: AuditEntry) -> str:
    """One line per audit entry: local time, actor, action, details."""
    when = f"{entry.at.astimezone(LOCAL_TZ):%d/%m %H:%M:%S}"
    extra = ", ".join(f"{key}={value}" for key, value in sorted(entry.detail.items()))
    return f"{when}  {entry.actor}  {entry.action}  {extra}".strip()
