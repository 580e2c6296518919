"""Printer faults: what the citizen reads, and what IT needs to find the cause.

The message is for the person at the kiosk ("Máy in hết giấy…"); the technical cause
(``uri``, ``detail``: the OS error, the bytes answered) stays out of it and goes to
the log and to ``printer test``. Every fault means the same for the ticket: it exists,
it is shown on screen, and nothing is queued to print later.
"""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP, TrText


class PrinterError(KioskError):
    """The printer did not print the job; it may have printed part of it."""

    message = QT_TRANSLATE_NOOP("Errors", "Máy in gặp lỗi nên chưa in được phiếu.")

    def __init__(
        self, message: TrText | None = None, *, uri: str = "", detail: str = "", **params: object
    ) -> None:
        super().__init__(message, **params)
        self.uri = uri
        self.detail = detail

    def describe(self) -> str:
        """The message with its technical cause, for logs and IT's command line."""
        cause = ": ".join(part for part in (self.uri, self.detail) if part)
        text = self.message.render()
        return f"{text} ({cause})" if cause else text


class InvalidPrinterUriError(PrinterError):
    """The ``printer`` setting or ``--printer`` cannot be understood."""

    message = QT_TRANSLATE_NOOP("Errors", "Địa chỉ máy in không hợp lệ: {uri}")

    def __init__(self, uri: str, detail: str) -> None:
        super().__init__(type(self).message.with_params(uri=uri), uri=uri, detail=detail)


class PrinterUnavailableError(PrinterError):
    """Nothing was sent: unplugged, switched off, port closed, driver missing."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Máy in chưa sẵn sàng: không kết nối được với máy in. Vui lòng báo cán bộ."
    )


class PrinterTimeoutError(PrinterError):
    """The printer stopped taking data or answering in time."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Máy in không phản hồi nên phiếu có thể chưa được in. Vui lòng báo cán bộ."
    )


class PrinterDisconnectedError(PrinterError):
    """The connection dropped while the job was being sent."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Mất kết nối với máy in khi đang in; phiếu có thể chưa in hết."
    )


class PrinterPaperOutError(PrinterError):
    """The printer reports its paper roll empty."""

    message = QT_TRANSLATE_NOOP("Errors", "Máy in hết giấy. Vui lòng báo cán bộ thay giấy.")


class PrinterCoverOpenError(PrinterError):
    """The printer reports its cover open."""

    message = QT_TRANSLATE_NOOP("Errors", "Nắp máy in đang mở. Vui lòng báo cán bộ đóng nắp.")


class PrinterOfflineError(PrinterError):
    """The printer says it is offline (its feed button held, or a cause it does not
    name): it would keep the job and print it when it comes back, so none was sent."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Máy in đang tạm dừng nên chưa in được phiếu. Vui lòng báo cán bộ."
    )


class PrinterReportsError(PrinterError):
    """The printer says it has an error (a cutter jam, an overheated head, a fault
    needing repair); nothing was sent."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Máy in đang báo lỗi nên chưa in được phiếu. Vui lòng báo cán bộ."
    )


class OfficePrintError(PrinterError):
    """The print system did not take the A4 form, or did not say that it did."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Chưa gửi được tờ khai đến máy in A4. Vui lòng báo cán bộ."
    )


class OfficePrinterNotSetError(OfficePrintError):
    """No ``office_printer`` setting (and none given): this kiosk prints no A4 forms."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Kiosk này chưa được cài đặt máy in A4 (office_printer) để in tờ khai."
    )


class OfficePrinterNotFoundError(OfficePrintError):
    """The print system knows no queue of that name."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Không tìm thấy máy in A4 “{queue}”. Vui lòng báo cán bộ kiểm tra cài đặt."
    )

    def __init__(self, queue: str, detail: str) -> None:
        super().__init__(type(self).message.with_params(queue=queue), uri=queue, detail=detail)


class PrintSystemMissingError(OfficePrintError):
    """This computer has no print system to hand the form to (no ``lp``, no PDF reader)."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Máy tính này chưa cài đặt hệ thống in nên chưa in được tờ khai."
    )


class OfficePrintTimeoutError(OfficePrintError):
    """The print system did not answer in time; the form may or may not print."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Hệ thống in không phản hồi nên tờ khai có thể chưa được in. Vui lòng báo cán bộ.",
    )
