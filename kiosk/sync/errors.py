"""Why a sync exchange failed, sorted by what the kiosk should do next.

- :class:`NeedsEnrolmentError`: the server no longer knows this kiosk (or it was never
  enrolled). Retrying cannot help; sync stops until IT enrols it again.
- :class:`TransientSyncError` and its kinds: the network or the server is away for now.
  Nothing was changed; the worker backs off and tries again (``retry_after`` when the
  server said how long to wait).
- :class:`RequestRefusedError`: the server understood and said no (a used enrolment
  code, no ticket numbers left...). Retrying the same request will not help.

Messages are for staff and IT, in Vietnamese through ``TrText``; they never carry
personal data, so they may be logged and kept in ``sync_state``.
"""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class SyncError(KioskError):
    """A sync exchange that did not happen; nothing local was changed by it."""

    message = QT_TRANSLATE_NOOP("Sync", "Đồng bộ với máy chủ không thành công.")


class NoServerError(SyncError):
    message = QT_TRANSLATE_NOOP(
        "Sync", "Chưa cấu hình máy chủ đồng bộ (server_url); kiosk đang chạy ngoại tuyến."
    )


class InsecureServerError(SyncError):
    """A token and citizens' data never travel in clear text beyond this computer."""

    message = QT_TRANSLATE_NOOP(
        "Sync",
        "Địa chỉ máy chủ {url} phải dùng https:// (chỉ máy chủ chạy trên chính máy này "
        "mới được dùng http://).",
    )


class NeedsEnrolmentError(SyncError):
    """No device token, or the server refused it (401): IT must enrol the kiosk again."""

    message = QT_TRANSLATE_NOOP(
        "Sync", "Kiosk cần được đăng ký lại với máy chủ (python -m kiosk enrol)."
    )


class KeyringError(SyncError):
    """The OS keyring, where the device token lives, cannot be used."""

    message = QT_TRANSLATE_NOOP("Sync", "Không dùng được kho khóa của hệ điều hành: {detail}")


class TransientSyncError(SyncError):
    """Worth retrying later; ``retry_after`` is the server's own wait, in seconds."""

    retry_after: float | None = None


class ServerUnreachableError(TransientSyncError):
    message = QT_TRANSLATE_NOOP("Sync", "Không kết nối được máy chủ đồng bộ (mất mạng?).")


class TlsError(ServerUnreachableError):
    message = QT_TRANSLATE_NOOP(
        "Sync",
        "Không xác thực được chứng chỉ TLS của máy chủ. Kiểm tra thiết lập ca_bundle "
        "và đồng hồ của máy.",
    )


class ServerBusyError(TransientSyncError):
    """429 or 503: the server asked the kiosk to come back later."""

    message = QT_TRANSLATE_NOOP("Sync", "Máy chủ đang bận, kiosk sẽ thử lại sau {seconds} giây.")

    def __init__(self, retry_after: float) -> None:
        super().__init__(seconds=round(retry_after))
        self.retry_after = retry_after


class ServerFailedError(TransientSyncError):
    message = QT_TRANSLATE_NOOP("Sync", "Máy chủ đồng bộ gặp lỗi (HTTP {status}).")


class ProtocolError(TransientSyncError):
    """The server's answer does not match protocol v1; nothing of it was used."""

    message = QT_TRANSLATE_NOOP(
        "Sync", "Máy chủ trả lời sai định dạng giao thức ({what}); dữ liệu không thay đổi."
    )


class RequestRefusedError(SyncError):
    """The server refused this request for good (4xx other than 401 and 429)."""

    message = QT_TRANSLATE_NOOP("Sync", "Máy chủ từ chối yêu cầu ({code}).")

    def __init__(self, code: str, status: int, server_message: str = "") -> None:
        super().__init__(code=code)
        self.code = code
        self.status = status
        # English, from the server, for logs and staff; never shown to a citizen.
        self.server_message = server_message


class EnrolmentCodeError(RequestRefusedError):
    message = QT_TRANSLATE_NOOP(
        "Sync", "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn. Xin mã mới từ quản trị viên."
    )


class BatchTooLargeError(RequestRefusedError):
    message = QT_TRANSLATE_NOOP("Sync", "Gói dữ liệu gửi lên quá lớn.")


class NumbersExhaustedOnServerError(RequestRefusedError):
    message = QT_TRANSLATE_NOOP("Sync", "Máy chủ đã hết số thứ tự để cấp cho hàng đợi hôm nay.")


class KioskNumberTakenError(RequestRefusedError):
    """Another live kiosk of the centre has this kiosk's ``kiosk_number``; not enrolled.

    Two kiosks with one number would print the same ticket numbers and declaration
    references, so the server refuses the second; the code stays unused.
    """

    message = QT_TRANSLATE_NOOP(
        "Sync",
        "Số kiosk {number} đã được một kiosk khác của trung tâm sử dụng, nên kiosk này "
        "chưa được đăng ký. Vui lòng đặt kiosk_number khác trong tệp cấu hình (hoặc nhờ "
        "quản trị máy chủ thu hồi kiosk cũ), rồi đăng ký lại với cùng mã.",
    )

    def __init__(self, status: int, server_message: str = "", *, number: int) -> None:
        KioskError.__init__(self, number=number)
        self.code = "kiosk_number_taken"
        self.status = status
        self.server_message = server_message
        self.number = number


class ServerMismatchError(SyncError):
    """Enrolling against one server while the settings name another would split the kiosk."""

    message = QT_TRANSLATE_NOOP(
        "Sync",
        "Thiết lập server_url là {configured}, khác với {given}. "
        "Sửa tệp cấu hình hoặc đăng ký với đúng máy chủ đó.",
    )


class EnrolmentCodeFormatError(SyncError):
    message = QT_TRANSLATE_NOOP("Sync", "Mã đăng ký phải dài từ 6 đến 64 ký tự.")


class RefusedEntryNotFoundError(KioskError):
    """Staff named an outbox entry that is not waiting for them: unknown, or not refused.

    Not a ``SyncError``: nothing was exchanged with the server, and nothing changed.
    """

    message = QT_TRANSLATE_NOOP(
        "Sync", "Không có mục số {entry} bị máy chủ từ chối đang chờ xử lý."
    )


class TokenStoreUnavailableError(KeyringError):
    """The device token could not be kept now, so the enrolment code was not used."""

    message = QT_TRANSLATE_NOOP(
        "Sync",
        "Kiosk chưa cất giữ được mã thiết bị ({detail}), nên chưa dùng mã đăng ký. Vui lòng "
        "kiểm tra kho khóa của hệ điều hành hoặc thiết lập data_key_file (xem docs/sync.md), "
        "rồi đăng ký lại với cùng mã.",
    )
