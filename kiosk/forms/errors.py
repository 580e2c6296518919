"""A form the kiosk lacks. A broken form definition is the wire's
``wire.errors.FormDefinitionError``: no citizen ever reads that one."""

from __future__ import annotations

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP


class UnknownFormError(KioskError):
    """The kiosk holds no form with that id (or not that version of it)."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy tờ khai “{form_id}”.")

    def __init__(self, form_id: str, version: int | None = None) -> None:
        super().__init__(form_id=form_id if version is None else f"{form_id} v{version}")
        self.form_id = form_id
        self.version = version
