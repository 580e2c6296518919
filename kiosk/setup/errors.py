"""What the setup refuses; each message says what to type instead, and nothing changed."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class SetupError(KioskError):
    """An answer the setup cannot take; nothing was stored."""


class WrongSetupCodeError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup",
        "Mã thiết lập không đúng. Vui lòng nhập mã do bộ phận CNTT cung cấp khi cài đặt kiosk.",
    )


class SetupCodeLockedError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup",
        "Nhập sai mã thiết lập quá nhiều lần. Vui lòng thử lại sau {seconds} giây.",
    )


class CentreNameError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup", "Tên trung tâm cần có từ 1 đến 120 ký tự. Vui lòng nhập lại."
    )


class KioskNumberError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup",
        "Số kiosk là một chữ số từ 1 đến 9, mỗi kiosk của trung tâm một số khác nhau. "
        "Vui lòng nhập lại.",
    )


class ServerUrlError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup",
        "Địa chỉ máy chủ cần bắt đầu bằng https:// (ví dụ https://motcua.example.vn). "
        "Vui lòng nhập lại.",
    )


class PaperWidthError(SetupError):
    message = QT_TRANSLATE_NOOP("Setup", "Khổ giấy là 58 hoặc 80 (mm). Vui lòng chọn lại.")


class OfficePrinterError(SetupError):
    message = QT_TRANSLATE_NOOP(
        "Setup",
        "Tên hàng đợi máy in không hợp lệ (không bắt đầu bằng dấu gạch ngang hay dấu cách). "
        "Vui lòng nhập đúng tên như hệ điều hành hiển thị, hoặc để trống.",
    )
