"""What the citizen reads about a scanned card. Messages never quote the card's content.

A refusal says what to do instead: scanning again only where a rescan can help (the
scanner garbled or cut the code), typing the answers where the card itself is wrong
(its ID number contradicts its birth year or gender, a date lies in the future).
The notes after a scan that filled a form ask the citizen to check or complete what
the card could not give exactly.
"""

from __future__ import annotations

from typing import Final

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class IdCardError(KioskError):
    """The scanned code is not a căn cước QR code the kiosk can use; nothing was filled.

    The default message is for a code that could not be read (garbled, cut short, not a
    card's): holding the card right, or typing, helps.
    """

    message = QT_TRANSLATE_NOOP(
        "IdCard",
        "Chưa đọc được thẻ. Vui lòng giữ thẻ cách máy quét khoảng 10 cm (mã QR ở mặt trước "
        "thẻ CCCD gắn chip, mặt sau thẻ căn cước mới) hoặc nhập tay.",
    )


#: The card's ID number, birth year and gender disagree (or it was issued before the
#: holder was born): scanning again reads the same card.
MISMATCH: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Thông tin trên thẻ không khớp nhau. Vui lòng nhập tay các mục của tờ khai.",
)
#: The ID number names no province (its first three digits).
BAD_ID_NUMBER: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Số định danh cá nhân trên thẻ không hợp lệ. Vui lòng nhập tay các mục của tờ khai.",
)
#: The issue date (or the birth date) is after today on the kiosk's clock.
FUTURE_DATE: Final = QT_TRANSLATE_NOOP(
    "IdCard",
    "Ngày cấp hoặc ngày sinh trên thẻ là một ngày chưa tới. Vui lòng nhập tay các mục của tờ khai.",
)

# Notes beside the fields a card filled (or could not fill).

#: The scanner dropped the accents; a name cannot be restored from its letters alone.
NAME_MAY_LACK_ACCENTS: Final = QT_TRANSLATE_NOOP(
    "IdCard", "Tên trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần."
)
ADDRESS_MAY_LACK_ACCENTS: Final = QT_TRANSLATE_NOOP(
    "IdCard", "Địa chỉ trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần."
)
#: The card prints the year (or month and year) of birth only; the field needs a full date.
BIRTH_DATE_INCOMPLETE: Final = QT_TRANSLATE_NOOP(
    "IdCard", "Thẻ không ghi đủ ngày sinh. Vui lòng nhập ngày, tháng sinh (nếu có)."
)
NAME_UNREADABLE: Final = QT_TRANSLATE_NOOP(
    "IdCard", "Chưa đọc được họ tên trên thẻ. Vui lòng nhập họ tên."
)
ADDRESS_UNREADABLE: Final = QT_TRANSLATE_NOOP(
    "IdCard", "Chưa đọc được địa chỉ trên thẻ. Vui lòng nhập địa chỉ."
)
