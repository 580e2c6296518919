"""The catalogue's codes as a citizen reads them: levels, online badges, methods, quantities.

Marked with ``QT_TRANSLATE_NOOP`` so ``lupdate`` collects them, translated when shown,
so a language switch re-renders them like every other text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.i18n import QT_TRANSLATE_NOOP, TrText
from ui.i18n import translate

if TYPE_CHECKING:
    from kiosk.catalog.schema import Document, DocumentGroupKind, Level, MethodKind, OnlineLevel

CONTEXT = "Lookup"

LEVELS: dict[Level, TrText] = {
    "bo": QT_TRANSLATE_NOOP("Lookup", "Cấp bộ"),
    "tinh": QT_TRANSLATE_NOOP("Lookup", "Cấp tỉnh"),
    "xa": QT_TRANSLATE_NOOP("Lookup", "Cấp xã"),
    "khac": QT_TRANSLATE_NOOP("Lookup", "Cơ quan khác"),
}

# The badge on a result row; a procedure with no online service gets none.
ONLINE_BADGES: dict[OnlineLevel, TrText] = {
    "toan_trinh": QT_TRANSLATE_NOOP("Lookup", "Trực tuyến toàn trình"),
    "mot_phan": QT_TRANSLATE_NOOP("Lookup", "Trực tuyến một phần"),
}

# The sentence on the procedure screen: can it be done from home?
ONLINE_SENTENCES: dict[OnlineLevel, TrText] = {
    "toan_trinh": QT_TRANSLATE_NOOP(
        "Lookup",
        "Thủ tục này làm được trực tuyến toàn trình: bạn có thể nộp hồ sơ, nộp lệ phí "
        "và nhận kết quả qua mạng, không cần đến quầy.",
    ),
    "mot_phan": QT_TRANSLATE_NOOP(
        "Lookup",
        "Thủ tục này nộp hồ sơ trực tuyến được, nhưng bạn vẫn cần đến quầy để "
        "xuất trình giấy tờ hoặc nhận kết quả.",
    ),
    "khong": QT_TRANSLATE_NOOP(
        "Lookup", "Thủ tục này chưa làm được trực tuyến: bạn nộp hồ sơ tại quầy."
    ),
}

METHODS: dict[MethodKind, TrText] = {
    "truc_tiep": QT_TRANSLATE_NOOP("Lookup", "Trực tiếp"),
    "truc_tuyen": QT_TRANSLATE_NOOP("Lookup", "Trực tuyến"),
    "buu_chinh": QT_TRANSLATE_NOOP("Lookup", "Bưu chính"),
}

DOCUMENT_GROUPS: dict[DocumentGroupKind, TrText] = {
    "nop": QT_TRANSLATE_NOOP("Lookup", "Giấy tờ phải nộp"),
    "xuat_trinh": QT_TRANSLATE_NOOP("Lookup", "Giấy tờ phải xuất trình"),
    "khac": QT_TRANSLATE_NOOP("Lookup", "Giấy tờ khác"),
}

ORIGINALS = QT_TRANSLATE_NOOP("Lookup", "{count} bản chính")
COPIES = QT_TRANSLATE_NOOP("Lookup", "{count} bản sao")


def levels_text(levels: tuple[Level, ...] | list[Level]) -> str:
    return ", ".join(translate(LEVELS[level]) for level in levels if level in LEVELS)


def quantity_text(document: Document) -> str:
    """ "1 bản chính, 2 bản sao"; empty when the catalogue gives no number."""
    parts = []
    if document.originals:
        parts.append(translate(ORIGINALS.with_params(count=document.originals)))
    if document.copies:
        parts.append(translate(COPIES.with_params(count=document.copies)))
    return ", ".join(parts)
