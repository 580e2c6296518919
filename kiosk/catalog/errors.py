"""Failures of catalogue data the kiosk was given."""

from __future__ import annotations

from kiosk.errors import KioskError
from kiosk.i18n import QT_TRANSLATE_NOOP


class CatalogueFileError(KioskError):
    """A catalogue file cannot be read or is malformed; nothing was loaded from it."""

    message = QT_TRANSLATE_NOOP("Errors", "Tệp danh mục thủ tục {path} không hợp lệ: {detail}")
