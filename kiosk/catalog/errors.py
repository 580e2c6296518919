"""Failures of catalogue data the kiosk was given or asked for."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.errors import CatalogueFormatError
from wire.i18n import QT_TRANSLATE_NOOP


class CatalogueFileError(KioskError):
    """A catalogue file cannot be read or is malformed; nothing was loaded from it."""

    message = QT_TRANSLATE_NOOP("Errors", "Tệp danh mục thủ tục {path} không hợp lệ: {detail}")

    @classmethod
    def of(cls, error: CatalogueFormatError) -> CatalogueFileError:
        """The translated message for what the wire's readers found wrong."""
        return cls(path=error.path, detail=error.detail)


class ProcedureNotFoundError(KioskError):
    """The catalogue has no procedure with that code (withdrawn, or a stale link)."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy thủ tục có mã {code}.")


class FieldNotFoundError(KioskError):
    """The catalogue has no field (lĩnh vực) with that code."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy lĩnh vực có mã {code}.")
