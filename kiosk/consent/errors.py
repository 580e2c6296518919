"""Why a consent could not be recorded or does not cover what is asked, in words to show."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class ConsentError(KioskError):
    """A consent the kiosk cannot record or rely on; nothing was stored."""


class ConsentRequiredError(ConsentError):
    """No consent, one without a purpose the service needs, or one given to a text this
    kiosk does not show (another version, another centre's wording)."""

    message = QT_TRANSLATE_NOOP(
        "Consent",
        "Vui lòng đọc thông báo về xử lý dữ liệu cá nhân và đánh dấu đồng ý các mục cần "
        "thiết trước khi tiếp tục. Thông tin của Ông/Bà chưa được lưu.",
    )


class UnknownPurposeError(ConsentError):
    """A purpose id the notice does not list (a typing mistake on the command line)."""

    message = QT_TRANSLATE_NOOP("Consent", "Thông báo không có mục đích “{purpose}”.")
