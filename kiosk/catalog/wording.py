"""How the catalogue's codes and numbers read to a citizen, on screen and on paper.

The procedure screen and the printed checklist say the same things the same way: one
table per kind of code and one function per number. Texts are ``TrText`` marked with
``QT_TRANSLATE_NOOP``; the screen passes its translator, a printed slip keeps the
Vietnamese source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wire.i18n import QT_TRANSLATE_NOOP, TrText

if TYPE_CHECKING:
    from wire.catalogue import Document, DocumentGroupKind, Level, Method, MethodKind

Translate = Callable[[TrText], str]

LEVELS: dict[Level, TrText] = {
    "bo": QT_TRANSLATE_NOOP("Catalogue", "Cấp bộ"),
    "tinh": QT_TRANSLATE_NOOP("Catalogue", "Cấp tỉnh"),
    "xa": QT_TRANSLATE_NOOP("Catalogue", "Cấp xã"),
    "khac": QT_TRANSLATE_NOOP("Catalogue", "Cơ quan khác"),
}
METHODS: dict[MethodKind, TrText] = {
    "truc_tiep": QT_TRANSLATE_NOOP("Catalogue", "Trực tiếp"),
    "truc_tuyen": QT_TRANSLATE_NOOP("Catalogue", "Trực tuyến"),
    "buu_chinh": QT_TRANSLATE_NOOP("Catalogue", "Bưu chính"),
}
DOCUMENT_GROUPS: dict[DocumentGroupKind, TrText] = {
    "nop": QT_TRANSLATE_NOOP("Catalogue", "Giấy tờ phải nộp"),
    "xuat_trinh": QT_TRANSLATE_NOOP("Catalogue", "Giấy tờ phải xuất trình"),
    "khac": QT_TRANSLATE_NOOP("Catalogue", "Giấy tờ khác"),
}
ORIGINALS = QT_TRANSLATE_NOOP("Catalogue", "{count} bản chính")
COPIES = QT_TRANSLATE_NOOP("Catalogue", "{count} bản sao")
WORKING_DAYS = QT_TRANSLATE_NOOP("Catalogue", "{days} ngày làm việc")
FREE = QT_TRANSLATE_NOOP("Catalogue", "Không mất lệ phí")
AMOUNT = QT_TRANSLATE_NOOP("Catalogue", "{amount} đồng")
ASK_STAFF = QT_TRANSLATE_NOOP("Catalogue", "Chưa có thông tin, vui lòng hỏi cán bộ tại quầy")


def source(text: TrText) -> str:
    """The Vietnamese source text: what a printed slip says."""
    return text.render()


def levels_text(levels: tuple[Level, ...] | list[Level], translate: Translate = source) -> str:
    return ", ".join(translate(LEVELS[level]) for level in levels if level in LEVELS)


def quantity_text(document: Document, translate: Translate = source) -> str:
    """ "1 bản chính, 2 bản sao"; empty when the catalogue gives no number."""
    parts = []
    if document.originals:
        parts.append(translate(ORIGINALS.with_params(count=document.originals)))
    if document.copies:
        parts.append(translate(COPIES.with_params(count=document.copies)))
    return ", ".join(parts)


def time_text(method: Method, translate: Translate = source) -> str:
    """The catalogue's wording, else its number of working days."""
    if method.time_text:
        return method.time_text
    if method.days is not None:
        days = int(method.days) if method.days.is_integer() else method.days
        return translate(WORKING_DAYS.with_params(days=str(days).replace(".", ",")))
    return translate(ASK_STAFF)


def fee_text(method: Method, translate: Translate = source) -> str:
    """The catalogue's wording, else its amount in đồng (thousands grouped with dots)."""
    if method.fee_text:
        return method.fee_text
    if method.fee_vnd == 0:
        return translate(FREE)
    if method.fee_vnd is not None:
        return translate(AMOUNT.with_params(amount=f"{method.fee_vnd:,}".replace(",", ".")))
    return translate(ASK_STAFF)
