"""What can go wrong with form definitions: a broken file, or a form the kiosk lacks."""

from __future__ import annotations

from kiosk.errors import KioskError
from kiosk.i18n import QT_TRANSLATE_NOOP


class FormDefinitionError(ValueError):
    """A form definition that must not be used, with an English message for its author.

    Raised for the bundled files (a packaging bug, caught by the tests) and for a
    version the centre's server published (the sync refuses it whole). Not a
    :class:`KioskError`: no citizen ever reads it.
    """


class UnknownFormError(KioskError):
    """The kiosk holds no form with that id (or not that version of it)."""

    message = QT_TRANSLATE_NOOP("Errors", "Không tìm thấy tờ khai “{form_id}”.")

    def __init__(self, form_id: str, version: int | None = None) -> None:
        super().__init__(form_id=form_id if version is None else f"{form_id} v{version}")
        self.form_id = form_id
        self.version = version
