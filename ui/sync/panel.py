"""The staff screen's sync panel: where this kiosk's data stands with the centre's server.

It only shows a :class:`~kiosk.sync.api.SyncStatus`; the staff screen has the "sync
now" button and the bridge runs the worker. The status is kept, not the texts, so a
language switch re-renders every line, the server's last error included (a ``TrText``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.clock import LOCAL_TZ
from kiosk.sync.api import SyncStatus
from ui.i18n import translate
from ui.widgets.label import Label

# How much of the device id staff read out to IT: enough to tell kiosks apart.
DEVICE_ID_SHOWN = 8


class SyncPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._status: SyncStatus | None = None
        self.title = Label(self)
        self.title.setObjectName("GroupTitle")
        self.state = Label(self)
        self.state.setObjectName("Body")
        self.state.setWordWrap(True)
        self.enrolment_warning = Label(self)
        self.enrolment_warning.setObjectName("Message")
        self.enrolment_warning.setWordWrap(True)
        self.enrolment_warning.hide()

        self._names: list[QLabel] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.server = self._row(grid)
        self.device = self._row(grid)
        self.last_success = self._row(grid)
        self.pending = self._row(grid)
        self.rejected = self._row(grid)
        self.catalogue = self._row(grid)
        self.last_error = self._row(grid)
        self.last_error.setWordWrap(True)
        self.server.setWordWrap(True)
        grid.setColumnStretch(1, 1)
        # Staff read every line: the audit and log views below give up height, not this.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.enrolment_warning)
        layout.addLayout(grid)
        self.retranslate()

    def _row(self, grid: QGridLayout) -> QLabel:
        name = Label(self)
        name.setObjectName("Muted")
        value = Label(self)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = grid.rowCount()
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1)
        self._names.append(name)
        return value

    def _values(self) -> tuple[QLabel, ...]:
        return (
            self.server,
            self.device,
            self.last_success,
            self.pending,
            self.rejected,
            self.catalogue,
            self.last_error,
        )

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SyncPanel", "Đồng bộ với máy chủ"))
        self.enrolment_warning.setText(
            QCoreApplication.translate(
                "SyncPanel", "Cần đăng ký lại thiết bị với máy chủ. Vui lòng báo bộ phận CNTT."
            )
        )
        names = (
            QCoreApplication.translate("SyncPanel", "Máy chủ"),
            QCoreApplication.translate("SyncPanel", "Mã thiết bị"),
            QCoreApplication.translate("SyncPanel", "Đồng bộ thành công lần cuối"),
            QCoreApplication.translate("SyncPanel", "Đang chờ gửi"),
            QCoreApplication.translate("SyncPanel", "Máy chủ từ chối"),
            QCoreApplication.translate("SyncPanel", "Phiên bản danh mục"),
            QCoreApplication.translate("SyncPanel", "Lỗi gần nhất"),
        )
        for label, name in zip(self._names, names, strict=True):
            label.setText(name)
        self._show_values()

    def _show_values(self) -> None:
        status = self._status
        none = QCoreApplication.translate("SyncPanel", "Chưa có")
        if status is None:
            self.state.setText(QCoreApplication.translate("SyncPanel", "Đang đọc trạng thái…"))
            for value in self._values():
                value.setText("")
            self.enrolment_warning.hide()
            return
        self.state.setText(_state_text(status))
        self.enrolment_warning.setVisible(status.needs_enrolment)
        self.server.setText(
            status.server_url or QCoreApplication.translate("SyncPanel", "Chưa cấu hình")
        )
        self.device.setText(
            str(status.device_id)[:DEVICE_ID_SHOWN] + "…"
            if status.device_id is not None
            else QCoreApplication.translate("SyncPanel", "Chưa đăng ký")
        )
        self.catalogue.setText(status.catalogue_version or none)
        self.pending.setText(str(status.pending))
        self.rejected.setText(str(status.rejected))
        self.last_success.setText(
            f"{status.last_success_at.astimezone(LOCAL_TZ):%H:%M:%S %d/%m/%Y}"
            if status.last_success_at is not None
            else QCoreApplication.translate("SyncPanel", "Chưa lần nào")
        )
        self.last_error.setText(
            translate(status.last_error)
            if status.last_error is not None
            else QCoreApplication.translate("SyncPanel", "Không có")
        )

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _state_text(status: SyncStatus) -> str:
    """One line: is there a server, is it reachable, is a pass running."""
    if status.server_url is None:
        return QCoreApplication.translate(
            "SyncPanel", "Ngoại tuyến: kiosk chưa kết nối với máy chủ nào."
        )
    if status.connected:
        state = QCoreApplication.translate("SyncPanel", "Trực tuyến")
    elif status.online is False:
        state = QCoreApplication.translate("SyncPanel", "Ngoại tuyến: không kết nối được máy chủ")
    else:
        state = QCoreApplication.translate("SyncPanel", "Chưa đồng bộ được")
    if status.syncing:
        state += " · " + QCoreApplication.translate("SyncPanel", "đang đồng bộ…")
    return state
