"""Expected failures, each carrying what the citizen or IT staff should read.

Anything raised that is *not* a :class:`KioskError` is a bug: the UI's exception
hook logs it and shows the calm "please ask staff" screen instead.
"""

from __future__ import annotations

from wire.errors import TranslatableError
from wire.i18n import QT_TRANSLATE_NOOP, TrText

#: An expected failure with a message fit to show. It is the wire's class, not a
#: subclass: the checks the kiosk shares with its server (``wire.validation``,
#: ``wire.checks``) raise it without knowing the kiosk, and the UI presents what they
#: refuse like any other expected failure.
KioskError = TranslatableError


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
        "Vui lòng cập nhật phần mềm kiosk; dữ liệu được giữ nguyên.",
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
    """The PIN pad is locked for ``minutes`` (the escalating lock-out) until ``until``."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Nhập sai mã PIN quá nhiều lần. Tạm khóa {minutes} phút, đến {until}. "
        "Vui lòng thử lại sau hoặc nhờ bộ phận CNTT mở khóa.",
    )

    def __init__(self, until: str, minutes: int) -> None:
        if minutes >= 60 and minutes % 60 == 0:
            hours = QT_TRANSLATE_NOOP(
                "Errors",
                "Nhập sai mã PIN quá nhiều lần. Tạm khóa {hours} giờ, đến {until}. "
                "Vui lòng thử lại sau hoặc nhờ bộ phận CNTT mở khóa.",
            )
            super().__init__(hours, hours=minutes // 60, until=until)
        else:
            super().__init__(minutes=minutes, until=until)
        self.until = until
        self.minutes = minutes


class InvalidPinError(StaffPinError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Mã PIN phải gồm từ 6 đến 12 chữ số (0–9). Vui lòng nhập lại."
    )


class TrivialPinError(StaffPinError):
    """A new PIN anyone would try early (``kiosk.staff.rules``); ``rule`` names which."""

    def __init__(self, rule: str, message: TrText) -> None:
        super().__init__(message)
        self.rule = rule


class PinInUseError(StaffPinError):
    """Each member's PIN names them at the pad, so two members cannot share one."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Mã PIN này trùng với mã của một cán bộ khác. Vui lòng chọn mã khác."
    )


class OldPinWrongError(StaffPinError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Mã PIN cũ không đúng, chưa có gì thay đổi. Vui lòng nhập đúng mã PIN cũ, "
        "hoặc nhờ bộ phận CNTT đặt lại: kiosk staff set-pin TÊN --reset",
    )


class StaffMemberError(KioskError):
    """A staff member cannot be found, added or told apart; nothing was changed."""


class StaffMemberNotFoundError(StaffMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Không có cán bộ nào có tên hoặc mã này. Xem danh sách bằng lệnh: kiosk staff list",
    )


class StaffMemberExistsError(StaffMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Đã có cán bộ trùng tên hoặc trùng mã này. Vui lòng chọn tên hoặc mã khác."
    )


class StaffMemberNeededError(StaffMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Kiosk có nhiều cán bộ. Vui lòng ghi tên hoặc mã của cán bộ, "
        "ví dụ: kiosk staff set-pin TÊN",
    )


class InvalidStaffNameError(StaffMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Tên cán bộ phải có từ 1 đến {limit} ký tự, trong đó có chữ cái. Vui lòng nhập lại.",
    )


class InvalidStaffCodeError(StaffMemberError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Mã cán bộ gồm 1 đến {limit} chữ cái không dấu hoặc chữ số, ví dụ CB01. Vui lòng nhập lại.",
    )


class StaffAccessError(KioskError):
    """A staff-only action was asked for without a valid grant; nothing was done."""


class StaffGrantMissingError(StaffAccessError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Thao tác này dành cho cán bộ. Vui lòng mở khóa chế độ cán bộ bằng mã PIN."
    )


class StaffGrantRevokedError(StaffAccessError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Chế độ cán bộ đã khóa. Vui lòng nhập lại mã PIN để tiếp tục."
    )


class StaffGrantForgedError(StaffAccessError):
    """A grant this kiosk never issued: another process's, or made up."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "Quyền cán bộ không hợp lệ. Vui lòng mở khóa lại chế độ cán bộ."
    )


class StaffReasonError(KioskError):
    """A staff action that needs a reason (hủy số, bỏ mục gửi) got none, or too long a one."""


class ReasonMissingError(StaffReasonError):
    message = QT_TRANSLATE_NOOP("Errors", "Vui lòng ghi lý do.")


class ReasonTooLongError(StaffReasonError):
    message = QT_TRANSLATE_NOOP("Errors", "Lý do dài quá {limit} ký tự, vui lòng ghi ngắn lại.")
