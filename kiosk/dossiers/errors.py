"""Why a hồ sơ could not be submitted or found, in words for the citizen or staff."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP, TrText


class DossierError(KioskError):
    """A dossier request the kiosk cannot fulfil; nothing was written."""


class DossierIncompleteError(DossierError):
    """``check_form`` found answers to fix; the message counts them, ``problems`` names them.

    The message carries only a count: the problems' own texts may quote what the
    citizen typed, and this message can reach a log.
    """

    message = QT_TRANSLATE_NOOP(
        "Dossiers", "Tờ khai còn {count} mục cần xem lại trước khi nộp hồ sơ."
    )

    def __init__(self, problems: Mapping[str, TrText]) -> None:
        super().__init__(count=len(problems))
        # Field id (``"<group>.<index>.<field>"`` inside groups) → what to fix.
        self.problems: dict[str, TrText] = dict(problems)


class DossierNotFoundError(DossierError):
    message = QT_TRANSLATE_NOOP("Dossiers", "Không tìm thấy hồ sơ có mã “{reference}”.")


class DossierPurgedError(DossierError):
    """The server has the dossier and the kiosk has deleted its answers, as it should."""

    message = QT_TRANSLATE_NOOP(
        "Dossiers",
        "Hồ sơ {reference} đã được chuyển về trung tâm và xoá khỏi kiosk; "
        "vui lòng tra cứu tại quầy.",
    )


class DossierDiscardedError(DossierError):
    """Staff discarded the dossier's refused upload and its answers were deleted with it."""

    message = QT_TRANSLATE_NOOP(
        "Dossiers",
        "Máy chủ không nhận hồ sơ {reference}; cán bộ đã huỷ gửi và xoá dữ liệu khỏi kiosk.",
    )
