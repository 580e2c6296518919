"""The form's own wording, in the citizen's language, and the wizard's fixed messages.

A form's labels and help come from its definition (:class:`~wire.forms.Wording`,
both languages in the file, since the centre publishes forms without a new kiosk
release). The wizard's own words go through Qt's translator like every other screen's;
those that the flow hands around as values are ``QT_TRANSLATE_NOOP`` texts here.
"""

from __future__ import annotations

from typing import Literal

from kiosk.config import Language
from wire.forms import Wording
from wire.i18n import QT_TRANSLATE_NOOP

FormLanguage = Literal["vi", "en"]

CONTEXT = "Form"

# An address with a house number but no tỉnh/thành phố.
CHOOSE_PROVINCE = QT_TRANSLATE_NOOP("Form", "Vui lòng chọn tỉnh/thành phố.")
# An address with a tỉnh/thành phố but no xã/phường/đặc khu yet.
CHOOSE_WARD = QT_TRANSLATE_NOOP("Form", "Vui lòng chọn xã/phường/đặc khu.")
# An address with a xã/phường/đặc khu but nothing about the house.
WRITE_DETAIL = QT_TRANSLATE_NOOP("Form", "Vui lòng ghi số nhà, tên đường hoặc thôn, tổ.")
# A card was read before a form was chosen (on the list of forms, or anywhere outside
# the form screens): the list asks which form it should fill.
CARD_WAITING = QT_TRANSLATE_NOOP("Form", "Đã đọc thẻ căn cước. Ông/Bà muốn điền tờ khai nào?")
# A scan while the privacy notice waits for an answer: nothing is read before consent.
AGREE_FIRST = QT_TRANSLATE_NOOP(
    "Form",
    "Vui lòng đọc thông báo và chọn đồng ý trước, rồi quét lại mã QR trên thẻ căn cước.",
)
# The phiếu tờ khai printed.
RECEIPT_PRINTED = QT_TRANSLATE_NOOP("Form", "Phiếu tờ khai đã được in, vui lòng nhận ở khe máy in.")


def form_language(language: Language) -> FormLanguage:
    return "en" if language == Language.ENGLISH else "vi"


def say(wording: Wording | None, language: FormLanguage) -> str:
    """``wording`` in ``language``; empty for none."""
    if wording is None:
        return ""
    return wording.en if language == "en" else wording.vi
