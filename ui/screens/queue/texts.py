"""The queue's words as a citizen reads them: priority groups, counters, people waiting.

Priority groups are marked with ``QT_TRANSLATE_NOOP`` so ``lupdate`` collects them and
translated when shown, so a language switch redraws them like every other text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from ui.i18n import translate
from wire.i18n import QT_TRANSLATE_NOOP, TrText
from wire.vocabulary import PriorityGroup

CONTEXT = "Queue"

# Đối tượng ưu tiên in their official wording (Luật Người cao tuổi: từ đủ 60 tuổi), so a
# citizen can tell whether they belong without asking.
PRIORITY_NAMES: dict[PriorityGroup, TrText] = {
    "nguoi_cao_tuoi": QT_TRANSLATE_NOOP("Queue", "Người cao tuổi (từ đủ 60 tuổi)"),
    "nguoi_khuyet_tat": QT_TRANSLATE_NOOP("Queue", "Người khuyết tật"),
    "phu_nu_co_thai": QT_TRANSLATE_NOOP("Queue", "Phụ nữ mang thai"),
    "nguoi_co_cong": QT_TRANSLATE_NOOP("Queue", "Người có công với cách mạng"),
}


def priority_name(group: PriorityGroup) -> str:
    return translate(PRIORITY_NAMES[group])


def counter_numbers(counters: Sequence[int]) -> str:
    """(1, 2, 3) → "1, 2 hoặc 3": which quầy a citizen may go to."""
    numbers = [str(counter) for counter in counters]
    if len(numbers) <= 1:
        return "".join(numbers)
    return QCoreApplication.translate("Queue", "{first} hoặc {last}").format(
        first=", ".join(numbers[:-1]), last=numbers[-1]
    )


def counters_line(counters: Sequence[int]) -> str:
    """The tile's short line: "Quầy 1, 2" ("Counters 1, 2" in English)."""
    numbers = ", ".join(str(counter) for counter in counters)
    if len(counters) == 1:
        return QCoreApplication.translate("Queue", "Quầy {number}").format(number=numbers)
    return QCoreApplication.translate("Queue", "Quầy {numbers}").format(numbers=numbers)


def go_to_counters(counters: Sequence[int]) -> str:
    """Which quầy serve this number, as the paper ticket says it: where to go once called,
    not an invitation to walk up (the printed-ticket message asks to wait)."""
    return QCoreApplication.translate("Queue", "Quầy phục vụ: {counters}").format(
        counters=counter_numbers(counters)
    )


def waiting_text(count: int) -> str:
    if count == 0:
        return QCoreApplication.translate("Queue", "Không có ai đang chờ")
    return QCoreApplication.translate("Queue", "{count} người đang chờ").format(count=count)


def ahead_text(count: int) -> str:
    if count == 0:
        return QCoreApplication.translate("Queue", "Không có ai chờ trước Ông/Bà")
    return QCoreApplication.translate("Queue", "Trước Ông/Bà còn {count} người").format(count=count)
