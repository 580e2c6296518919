"""Why a scanned code did not fill the form. Messages never quote the code's content."""

from __future__ import annotations

from typing import Final

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class IdCardError(KioskError):
    """The scanned code is not a readable căn cước QR code; nothing was filled."""

    message = QT_TRANSLATE_NOOP(
        "IdCard",
        "Mã vừa quét không phải mã QR của thẻ căn cước. Chưa điền thông tin nào; xin hãy "
        "quét mã QR in trên mặt trước của thẻ, hoặc tự nhập.",
    )


BAD_ID_NUMBER: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Số định danh cá nhân trong mã QR không hợp lệ. Chưa điền thông tin nào; xin hãy quét "
    "lại hoặc tự nhập.",
)
ID_NUMBER_MISMATCH: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Số định danh cá nhân trong mã QR không khớp với ngày sinh hoặc giới tính trên thẻ. "
    "Chưa điền thông tin nào; xin hãy quét lại hoặc tự nhập.",
)
BAD_OLD_ID_NUMBER: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Số chứng minh nhân dân cũ trong mã QR không hợp lệ (phải có 9 chữ số). Chưa điền "
    "thông tin nào; xin hãy quét lại hoặc tự nhập.",
)
BAD_NAME: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Họ và tên trong mã QR không đọc được. Chưa điền thông tin nào; xin hãy quét lại hoặc tự nhập.",
)
BAD_BIRTH_DATE: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Ngày sinh trong mã QR không hợp lệ. Chưa điền thông tin nào; xin hãy quét lại hoặc tự nhập.",
)
BAD_GENDER: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Giới tính trong mã QR không đọc được (phải là Nam hoặc Nữ). Chưa điền thông tin "
    "nào; xin hãy quét lại hoặc tự nhập.",
)
BAD_ADDRESS: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Nơi thường trú trong mã QR không đọc được. Chưa điền thông tin nào; xin hãy quét "
    "lại hoặc tự nhập.",
)
BAD_ISSUE_DATE: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Ngày cấp thẻ trong mã QR không hợp lệ. Chưa điền thông tin nào; xin hãy quét lại "
    "hoặc tự nhập.",
)
