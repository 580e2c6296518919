"""The four things a citizen comes to the kiosk for, as the home screen offers them."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.i18n import QT_TRANSLATE_NOOP, TrText


@dataclass(frozen=True, slots=True)
class Journey:
    key: str
    title: TrText
    subtitle: TrText


LOOKUP = Journey(
    "lookup",
    QT_TRANSLATE_NOOP("Journeys", "Tra cứu thủ tục"),
    QT_TRANSLATE_NOOP("Journeys", "Xem giấy tờ cần mang, lệ phí, thời gian giải quyết"),
)
FORM = Journey(
    "form",
    QT_TRANSLATE_NOOP("Journeys", "Điền tờ khai"),
    QT_TRANSLATE_NOOP("Journeys", "Khai từng bước, in biên nhận hồ sơ"),
)
REGISTER = Journey(
    "register",
    QT_TRANSLATE_NOOP("Journeys", "Đăng ký tài khoản"),
    QT_TRANSLATE_NOOP("Journeys", "Tạo tài khoản dịch vụ công trực tuyến"),
)
QUEUE = Journey(
    "queue",
    QT_TRANSLATE_NOOP("Journeys", "Lấy số thứ tự"),
    QT_TRANSLATE_NOOP("Journeys", "In phiếu số thứ tự để được gọi vào quầy"),
)

JOURNEYS = (LOOKUP, FORM, REGISTER, QUEUE)
