"""Failures of catalogue data the kiosk was given or asked for."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.errors import CatalogueFormatError, CatalogueTooLargeError
from wire.i18n import QT_TRANSLATE_NOOP


class CatalogueFileError(KioskError):
    """A catalogue file cannot be read or is malformed; nothing was loaded from it."""

    message = QT_TRANSLATE_NOOP("Errors", "Tệp danh mục thủ tục {path} không hợp lệ: {detail}")

    @classmethod
    def of(cls, error: CatalogueFormatError) -> CatalogueFileError:
        """The translated message for what the wire's readers found wrong."""
        if isinstance(error, CatalogueTooLargeError):
            return CatalogueFileTooLargeError(
                path=error.path, size=_megabytes(error.size, up=True), limit=_megabytes(error.limit)
            )
        return cls(path=error.path, detail=error.detail)


class CatalogueFileTooLargeError(CatalogueFileError):
    """A catalogue file past the size limit: not even read, so nothing changed."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Tệp danh mục thủ tục {path} có {size} MB, vượt giới hạn {limit} MB; danh mục đang "
        "dùng không thay đổi. Vui lòng rút gọn tệp (bớt thủ tục hoặc nội dung quá dài) rồi "
        "nhập lại.",
    )


class ProcedureNotFoundError(KioskError):
    """The catalogue has no procedure with that code (withdrawn, or a stale link)."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy thủ tục có mã {code}.")


class FieldNotFoundError(KioskError):
    """The catalogue has no field (lĩnh vực) with that code."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy lĩnh vực có mã {code}.")


def _megabytes(size: int, *, up: bool = False) -> str:
    """``size`` in MB to a tenth, written as Vietnamese writes it ("24,1"); rounded up
    where a file just over the limit must not read as the limit itself."""
    tenths = -(-size * 10 // 2**20) if up else round(size * 10 / 2**20)
    whole, tenth = divmod(tenths, 10)
    return f"{whole},{tenth}" if tenth else str(whole)
