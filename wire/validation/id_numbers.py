"""Số định danh cá nhân (12 digits) and the old chứng minh nhân dân (9 digits).

The 12 digits are not random (Thông tư 07/2016/TT-BCA, amended by Thông tư
59/2021/TT-BCA): the first three are the code of the province where the birth was
registered, the fourth gives the century of birth and the gender, the fifth and
sixth are the last two digits of the year of birth. Checking them catches most
typing slips, and checking them against the birth date and gender on the same form
catches a number typed for the wrong person.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from wire.i18n import QT_TRANSLATE_NOOP
from wire.validation.errors import InvalidValue

Gender = Literal["nam", "nu"]

ID_NUMBER_LENGTH: Final = 12
OLD_ID_NUMBER_LENGTH: Final = 9

# Birth-registration province codes: the 63 provinces before the 2025 merger, which
# stay valid in every number already issued.
PROVINCE_CODES: Final[dict[str, str]] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

# The fourth digit: even for men, odd for women, one pair per century from 1900.
_FIRST_CENTURY: Final = 1900


def birth_year_of(id_number: str) -> int:
    """The year of birth a (valid) 12-digit number encodes."""
    century = _FIRST_CENTURY + 100 * (int(id_number[3]) // 2)
    return century + int(id_number[4:6])


def gender_of(id_number: str) -> Gender:
    """The gender a (valid) 12-digit number encodes."""
    return "nam" if int(id_number[3]) % 2 == 0 else "nu"


def _digits(text: str) -> str:
    digits = text.replace(" ", "")
    if not digits:
        raise InvalidValue(QT_TRANSLATE_NOOP("Validation", "Vui lòng nhập số giấy tờ."))
    if not (digits.isascii() and digits.isdigit()):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số giấy tờ chỉ gồm chữ số (0–9), không có chữ cái hay ký hiệu.",
            )
        )
    return digits


def check_old_id_number(text: str) -> str:
    """A 9-digit chứng minh nhân dân number, spaces removed."""
    digits = _digits(text)
    if len(digits) != OLD_ID_NUMBER_LENGTH:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Số chứng minh nhân dân cũ có 9 chữ số; số đã nhập có {count} chữ số."
            ),
            count=len(digits),
        )
    return digits


def check_id_number(
    text: str,
    *,
    allow_old: bool = False,
    birth_date: date | None = None,
    gender: Gender | None = None,
) -> str:
    """A 12-digit số định danh cá nhân (or, if allowed, a 9-digit CMND), spaces removed.

    When the person's ``birth_date`` or ``gender`` is known, the number must agree with
    them; the message names the part that disagrees.
    """
    digits = _digits(text)
    if len(digits) == OLD_ID_NUMBER_LENGTH:
        if allow_old:
            return digits
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Đây là số chứng minh nhân dân cũ (9 chữ số). Vui lòng nhập số định danh "
                "cá nhân 12 chữ số in trên thẻ căn cước.",
            )
        )
    if len(digits) != ID_NUMBER_LENGTH:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation", "Số định danh cá nhân có 12 chữ số; số đã nhập có {count} chữ số."
            ),
            count=len(digits),
        )
    if digits[:3] not in PROVINCE_CODES:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số định danh cá nhân chưa đúng. Vui lòng đối chiếu 12 số in trên thẻ căn cước.",
            )
        )
    if birth_date is not None:
        _check_birth_year(digits, birth_date)
    if gender is not None and gender_of(digits) != gender:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số định danh cá nhân không khớp với giới tính đã chọn. Vui lòng kiểm tra lại.",
            )
        )
    return digits


def _check_birth_year(digits: str, birth_date: date) -> None:
    encoded = birth_year_of(digits)
    if encoded // 100 != birth_date.year // 100:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số định danh cá nhân không khớp với năm sinh đã khai. Vui lòng kiểm tra lại "
                "số định danh và năm sinh.",
            )
        )
    if encoded != birth_date.year:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "Validation",
                "Số định danh cá nhân không khớp với năm sinh đã khai. Vui lòng kiểm tra lại "
                "số định danh và năm sinh.",
            )
        )
