"""What "Đồng bộ ngay" did, in words staff can act on, from the sync worker's statuses.

The tap asks the worker for a pass (``SyncBridge.request_sync``) and returns at once;
the pass reports through ``SyncBridge.status_changed`` (:class:`~kiosk.sync.api.SyncStatus`).
This follows those reports from the tap on — asked, running, over — and says how it
ended: no server at all, a server that cannot be reached (and when the kiosk tries
again), a server that does not accept this kiosk, or done. It never waits on a clock:
it only reads what the worker says.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from kiosk.sync.api import SyncStatus
from ui.i18n import translate
from ui.screens.staff.texts import clock_time
from ui.screens.staff.widgets import Tone


class Pass(enum.Enum):
    """How far the pass staff asked for has got."""

    ASKED = "asked"
    RUNNING = "running"
    OVER = "over"


class SyncFeedback:
    """The outcome line of "Đồng bộ ngay"; ``None`` until staff tap it."""

    def __init__(self) -> None:
        self.state: Pass | None = None
        self._status: SyncStatus | None = None

    def asked(self, known: SyncStatus | None) -> None:
        """Staff tapped; ``known`` is the latest status (a kiosk without a server is told
        so at once: no pass will run)."""
        self.state = Pass.ASKED
        self._status = known
        if known is not None and known.server_url is None:
            self.state = Pass.OVER

    def reported(self, status: SyncStatus) -> bool:
        """Take the worker's latest status; ``True`` when what staff read changed."""
        if self.state is None:
            return False
        self._status = status
        if status.server_url is None:
            self.state = Pass.OVER  # nothing to run: say so at once
        elif status.syncing:
            self.state = Pass.RUNNING
        elif self.state == Pass.RUNNING:
            self.state = Pass.OVER
        return True

    def tone(self) -> Tone | None:
        status = self._status
        if self.state is None:
            return None
        if self.state != Pass.OVER or status is None:
            return Tone.BUSY
        done = status.connected and status.last_error is None
        return Tone.OK if done else Tone.FAILED

    def text(self) -> str:
        status = self._status
        if self.state is None:
            return ""
        if status is not None and status.server_url is None:
            return QCoreApplication.translate(
                "Staff",
                "Kiosk chưa kết nối máy chủ của trung tâm nên không đồng bộ được. Tờ khai và "
                "phiếu vẫn được lưu trên kiosk; vui lòng báo bộ phận CNTT.",
            )
        if self.state != Pass.OVER or status is None:
            return QCoreApplication.translate("Staff", "Đang đồng bộ với máy chủ của trung tâm…")
        return _outcome(status)


def _outcome(status: SyncStatus) -> str:
    if status.needs_enrolment:
        return QCoreApplication.translate(
            "Staff",
            "Máy chủ của trung tâm không nhận kiosk này. "
            "Vui lòng báo bộ phận CNTT đăng ký lại kiosk.",
        )
    if status.online is False:
        text = QCoreApplication.translate(
            "Staff", "Không kết nối được máy chủ của trung tâm (mất mạng hoặc máy chủ đang tắt)."
        )
        return f"{text} {_next_try(status)}"
    if not status.connected or status.last_error is not None:
        error = (
            translate(status.last_error)
            if status.last_error is not None
            else QCoreApplication.translate("Staff", "không rõ lỗi")
        )
        text = QCoreApplication.translate("Staff", "Chưa đồng bộ xong: {error}").format(error=error)
        return f"{text} {_next_try(status)}"
    when = status.last_success_at or status.last_attempt_at
    parts = [
        QCoreApplication.translate("Staff", "Đồng bộ xong lúc {time}.").format(
            time=clock_time(when)
        )
        if when is not None
        else QCoreApplication.translate("Staff", "Đồng bộ xong.")
    ]
    if status.pending:
        parts.append(
            QCoreApplication.translate("Staff", "Còn {count} mục chờ gửi.").format(
                count=status.pending
            )
        )
    if status.rejected:
        parts.append(
            QCoreApplication.translate(
                "Staff", "Có {count} mục bị máy chủ từ chối: xem “Mục bị từ chối”."
            ).format(count=status.rejected)
        )
    return " ".join(parts)


def _next_try(status: SyncStatus) -> str:
    if status.next_attempt_at is None:
        return QCoreApplication.translate("Staff", "Kiosk sẽ tự thử lại khi có mạng.")
    return QCoreApplication.translate("Staff", "Kiosk sẽ tự thử lại lúc {time}.").format(
        time=clock_time(status.next_attempt_at)
    )
