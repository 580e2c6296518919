"""Expected failures, each carrying what the citizen or IT staff should read.

Anything raised that is *not* a :class:`KioskError` is a bug: the UI's exception
hook logs it and shows the calm "please ask staff" screen instead.
"""

from __future__ import annotations

from wire.i18n import QT_TRANSLATE_NOOP, TrText


class KioskError(Exception):
    """An expected failure with a message fit to show."""

    message: TrText = QT_TRANSLATE_NOOP("Errors", "Đã có lỗi xảy ra.")

    def __init__(self, message: TrText | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        if params:
            self.message = self.message.with_params(**params)
        super().__init__(self.message.render())


class ConfigError(KioskError):
    """The configuration file cannot be used; nothing was changed."""

    message = QT_TRANSLATE_NOOP("Errors", "Tệp cấu hình không hợp lệ: {detail}")


class DataDirError(KioskError):
    """The data folder cannot be created or written to."""

    message = QT_TRANSLATE_NOOP("Errors", "Không ghi được vào thư mục dữ liệu {path}: {detail}")


class DatabaseError(KioskError):
    """The local database cannot be opened or upgraded; its file was left untouched."""

    message = QT_TRANSLATE_NOOP("Errors", "Không mở được cơ sở dữ liệu {path}: {detail}")


class DatabaseTooNewError(DatabaseError):
    """The database was written by a newer version of the kiosk."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Cơ sở dữ liệu {path} thuộc phiên bản phần mềm mới hơn (lược đồ {revision}). "
        "Hãy cập nhật phần mềm kiosk; dữ liệu được giữ nguyên.",
    )


class StaffPinError(KioskError):
    """The staff PIN was wrong, not set, or is locked."""


class PinNotSetError(StaffPinError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Chưa đặt mã PIN cán bộ. Bộ phận CNTT đặt bằng lệnh: kiosk staff set-pin"
    )


class WrongPinError(StaffPinError):
    message = QT_TRANSLATE_NOOP("Errors", "Mã PIN không đúng. Còn {remaining} lần thử.")

    def __init__(self, remaining: int) -> None:
        super().__init__(remaining=remaining)
        self.remaining = remaining


class PinLockedError(StaffPinError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Nhập sai mã PIN quá nhiều lần. Tạm khoá đến {until}, vui lòng thử lại sau."
    )

    def __init__(self, until: str) -> None:
        super().__init__(until=until)
        self.until = until


class InvalidPinError(StaffPinError):
    message = QT_TRANSLATE_NOOP("Errors", "Mã PIN phải gồm từ 4 đến 12 chữ số.")


class StaffAccessError(KioskError):
    """A staff-only action was asked for without a valid grant; nothing was done."""


class StaffGrantMissingError(StaffAccessError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Thao tác này dành cho cán bộ. Vui lòng mở khoá chế độ cán bộ bằng mã PIN."
    )


class StaffGrantRevokedError(StaffAccessError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Chế độ cán bộ đã khoá. Vui lòng nhập lại mã PIN để tiếp tục."
    )


class StaffGrantForgedError(StaffAccessError):
    """A grant this kiosk never issued: another process's, or made up."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Quyền cán bộ không hợp lệ. Vui lòng mở khoá lại chế độ cán bộ."
    )


class StaffReasonError(KioskError):
    """A staff action that needs a reason (huỷ số, bỏ mục gửi) got none, or too long a one."""


class ReasonMissingError(StaffReasonError):
    message = QT_TRANSLATE_NOOP("Errors", "Vui lòng ghi lý do.")


class ReasonTooLongError(StaffReasonError):
    message = QT_TRANSLATE_NOOP("Errors", "Lý do dài quá {limit} ký tự, vui lòng ghi ngắn lại.")
