"""Why personal data cannot be sealed or opened, in words for the citizen, staff and IT."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class DataKeyError(KioskError):
    """The data key cannot be had or used; nothing personal was written."""


class DataKeyUnavailableError(DataKeyError):
    """Personal data was about to be stored while the kiosk has no data key.

    Raised from the column type at flush time, so the transaction rolls back whole:
    the citizen's data is never stored in clear instead. What went wrong with the key
    is in the log and in ``python -m kiosk doctor``.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Kiosk chưa có khóa mã hóa dữ liệu nên chưa lưu được thông tin cá nhân; thông tin "
        "chưa được lưu. Vui lòng báo cán bộ để được hỗ trợ.",
    )


class DataUnreadableError(DataKeyError):
    """A declaration's answers were sealed with a key this kiosk no longer has."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Không đọc được dữ liệu của tờ khai {reference} trên kiosk này vì khóa mã hóa đã mất "
        "hoặc không đúng. Vui lòng báo bộ phận CNTT (lệnh: python -m kiosk doctor).",
    )


class KeyStoreError(DataKeyError):
    """The keyring cannot store or give back the data key."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Không dùng được kho khóa của hệ điều hành để giữ khóa mã hóa dữ liệu: {detail}. "
        "Bộ phận CNTT: sửa kho khóa hoặc đặt data_key_file, rồi chạy python -m kiosk doctor.",
    )


class KeyFileError(KeyStoreError):
    """The key file named by ``data_key_file`` cannot be read, made or used."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Không dùng được tệp khóa dữ liệu {path}: {detail}. Bộ phận CNTT: xem "
        "docs/privacy.md, mục “Encryption at rest”.",
    )


class KeyFileUnsafeError(KeyFileError):
    """The key file lets others read or change it: refused, never used."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Tệp khóa dữ liệu {path} có quyền {mode}: người khác đọc hoặc sửa được nên kiosk "
        "không dùng. Bộ phận CNTT: chown root:<tài khoản chạy kiosk> {path}; chmod 640 "
        "{path}; rồi khởi động lại kiosk.",
    )


class KeyFileMisplacedError(KeyFileError):
    """The key file is inside the data folder, where a copy of the data would take it along."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Tệp khóa dữ liệu {path} nằm trong thư mục dữ liệu {data_dir}: ai sao chép dữ liệu "
        "sẽ có cả khóa. Bộ phận CNTT: chuyển tệp ra ngoài (ví dụ /etc/mot-cua-kiosk/) và sửa "
        "data_key_file.",
    )
