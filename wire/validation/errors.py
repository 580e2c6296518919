"""The one error every validation rule raises: what is wrong, and what is expected.

Messages never quote the value the citizen typed. A rule's message may reach a log
through an exception's text, and a value may be an ID number, a phone or a name.
It is a :class:`wire.errors.TranslatableError`, which the kiosk knows as ``KioskError``.
"""

from __future__ import annotations

from wire.errors import TranslatableError
from wire.i18n import QT_TRANSLATE_NOOP


class InvalidValue(TranslatableError):  # noqa: N818 - the name other modules code against
    """A value a citizen entered that cannot be accepted; ``message`` says why."""

    message = QT_TRANSLATE_NOOP("Validation", "Giá trị này không hợp lệ.")
