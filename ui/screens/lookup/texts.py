"""The catalogue as the lookup screens word it: online badges and sentences here, the
rest from :mod:`kiosk.catalog.wording`, translated for the screen.

Marked with ``QT_TRANSLATE_NOOP`` so ``lupdate`` collects them, translated when shown,
so a language switch re-renders them like every other text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.catalog import wording
from ui.i18n import translate
from wire.i18n import QT_TRANSLATE_NOOP, TrText

if TYPE_CHECKING:
    from wire.catalogue import Document, Level, Method, OnlineLevel

CONTEXT = "Lookup"


# The badge on a result row; a procedure with no online service gets none.
ONLINE_BADGES: dict[OnlineLevel, TrText] = {
    "toan_trinh": QT_TRANSLATE_NOOP("Lookup", "Trực tuyến toàn trình"),
    "mot_phan": QT_TRANSLATE_NOOP("Lookup", "Trực tuyến một phần"),
}

# The sentence on the procedure screen: can it be done from home?
ONLINE_SENTENCES: dict[OnlineLevel, TrText] = {
    "toan_trinh": QT_TRANSLATE_NOOP(
        "Lookup",
        "Thủ tục này làm được trực tuyến toàn trình: có thể nộp hồ sơ, nộp lệ phí "
        "và nhận kết quả qua mạng, không cần đến quầy.",
    ),
    "mot_phan": QT_TRANSLATE_NOOP(
        "Lookup",
        "Thủ tục này nộp hồ sơ trực tuyến được, nhưng vẫn cần đến quầy để "
        "xuất trình giấy tờ hoặc nhận kết quả.",
    ),
    "khong": QT_TRANSLATE_NOOP(
        "Lookup", "Thủ tục này chưa làm được trực tuyến: nộp hồ sơ tại quầy."
    ),
}


def levels_text(levels: tuple[Level, ...] | list[Level]) -> str:
    return wording.levels_text(levels, translate)


def quantity_text(document: Document) -> str:
    """ "1 bản chính, 2 bản sao"; empty when the catalogue gives no number."""
    return wording.quantity_text(document, translate)


def fee_text(method: Method) -> str:
    return wording.fee_text(method, translate)


def time_text(method: Method) -> str:
    return wording.time_text(method, translate)
