"""Why a số thứ tự could not be issued, reprinted or voided, in words for the citizen."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class QueueError(KioskError):
    """A ticket request the kiosk cannot fulfil; nothing was issued or changed."""


class UnknownServiceError(QueueError):
    message = QT_TRANSLATE_NOOP("Queue", "Không có dịch vụ xếp hàng “{code}”.")


class UnknownPriorityError(QueueError):
    """A priority ticket for a queue that serves no priority groups first."""

    message = QT_TRANSLATE_NOOP(
        "Queue", "Dịch vụ này không có số ưu tiên. Vui lòng lấy số thứ tự thường."
    )


class DailyLimitError(QueueError):
    message = QT_TRANSLATE_NOOP(
        "Queue",
        "Hôm nay đã hết số cho dịch vụ này ({limit} số). "
        "Vui lòng quay lại vào ngày làm việc tiếp theo.",
    )


class ClosedForTodayError(QueueError):
    message = QT_TRANSLATE_NOOP(
        "Queue",
        "Dịch vụ này đã hết giờ nhận hồ sơ hôm nay. Vui lòng quay lại vào ngày làm việc tiếp theo.",
    )


class NumbersExhaustedError(QueueError):
    """Out of leased blocks and out of this kiosk's offline band (see docs/queue-numbers.md).

    The citizen reads only what to do; the band that ran out (``code``, ``first``,
    ``last``) is kept on the error for staff and the log.
    """

    message = QT_TRANSLATE_NOOP(
        "Queue",
        "Máy này tạm hết số thứ tự. Vui lòng lấy số ở máy khác hoặc hỏi cán bộ tại quầy.",
    )

    def __init__(self, *, code: str, first: str, last: str) -> None:
        super().__init__()
        self.code, self.first, self.last = code, first, last

    def __str__(self) -> str:
        return f"{self.message.render()} ({self.code}: {self.first}–{self.last})"


class TicketNotFoundError(QueueError):
    message = QT_TRANSLATE_NOOP("Queue", "Không tìm thấy số thứ tự “{key}”.")


class TicketVoidedError(QueueError):
    message = QT_TRANSLATE_NOOP("Queue", "Số thứ tự {label} đã bị hủy, không in lại được.")
