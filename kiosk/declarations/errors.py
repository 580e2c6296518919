"""Why a declaration could not be saved or found, in words for the citizen or staff."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP, TrText


class DeclarationError(KioskError):
    """A declaration request the kiosk cannot fulfil; nothing was written."""


class DeclarationIncompleteError(DeclarationError):
    """``check_form`` found answers to fix; the message counts them, ``problems`` names them.

    The message carries only a count: the problems' own texts may quote what the
    citizen typed, and this message can reach a log.
    """

    message = QT_TRANSLATE_NOOP(
        "Declarations", "Tờ khai còn {count} mục cần xem lại trước khi lưu."
    )

    def __init__(self, problems: Mapping[str, TrText]) -> None:
        super().__init__(count=len(problems))
        # Field id (``"<group>.<index>.<field>"`` inside groups) → what to fix.
        self.problems: dict[str, TrText] = dict(problems)


class DeclarationNotFoundError(DeclarationError):
    message = QT_TRANSLATE_NOOP("Declarations", "Không tìm thấy tờ khai có mã “{reference}”.")


class DeclarationPurgedError(DeclarationError):
    """The server has the declaration and the kiosk has deleted its answers, as it should."""

    message = QT_TRANSLATE_NOOP(
        "Declarations",
        "Tờ khai {reference} đã được chuyển về trung tâm và xóa khỏi kiosk; "
        "vui lòng tra cứu tại quầy.",
    )


class DeclarationDiscardedError(DeclarationError):
    """Staff discarded the declaration's refused upload and its answers were deleted with it."""

    message = QT_TRANSLATE_NOOP(
        "Declarations",
        "Máy chủ không nhận tờ khai {reference}; cán bộ đã hủy gửi và xóa dữ liệu khỏi kiosk.",
    )
