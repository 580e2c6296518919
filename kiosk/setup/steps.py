"""The setup's steps, in the order they are asked, with the words that name them."""

from __future__ import annotations

from enum import StrEnum

from wire.i18n import QT_TRANSLATE_NOOP, TrText


class Step(StrEnum):
    CENTRE = "centre"
    KIOSK_NUMBER = "kiosk_number"
    SERVER = "server"
    PRINTER = "printer"
    OFFICE_PRINTER = "office_printer"
    STAFF = "staff"


#: The order of the steps: the kiosk number goes to the server with the enrolment.
STEPS: tuple[Step, ...] = tuple(Step)

TITLES: dict[Step, TrText] = {
    Step.CENTRE: QT_TRANSLATE_NOOP("Setup", "Tên trung tâm"),
    Step.KIOSK_NUMBER: QT_TRANSLATE_NOOP("Setup", "Số kiosk"),
    Step.SERVER: QT_TRANSLATE_NOOP("Setup", "Máy chủ và mã đăng ký"),
    Step.PRINTER: QT_TRANSLATE_NOOP("Setup", "Máy in phiếu"),
    Step.OFFICE_PRINTER: QT_TRANSLATE_NOOP("Setup", "Máy in văn phòng (A4)"),
    Step.STAFF: QT_TRANSLATE_NOOP("Setup", "Mã PIN cán bộ đầu tiên"),
}
