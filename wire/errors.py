"""What the wire refuses: a file that breaks its format, or a value a citizen could not type.

A file or a published version that breaks its format raises a plain ``ValueError`` with
an English message for its author: the kiosk turns a catalogue one into its translated
``kiosk.catalog.errors.CatalogueFileError`` for IT; the server into a ``PublishError``
for the centre's admin. A value the shared checks refuse (``wire.validation``) raises a
:class:`TranslatableError`, whose message a citizen reads.
"""

from __future__ import annotations

from wire.i18n import QT_TRANSLATE_NOOP, TrText


class TranslatableError(Exception):
    """An expected failure whose message is fit to show, translated where it is read.

    The kiosk's ``KioskError`` is this class, so a value the shared checks refuse is
    presented like any of the kiosk's own failures; the server reports the message's
    source text. The message never quotes the value refused: it may reach a log.
    """

    message: TrText = QT_TRANSLATE_NOOP("Errors", "Đã có lỗi xảy ra.")

    def __init__(self, message: TrText | None = None, **params: object) -> None:
        if message is not None:
            self.message = message
        if params:
            self.message = self.message.with_params(**params)
        super().__init__(self.message.render())


class CatalogueFormatError(ValueError):
    """A catalogue that cannot be read or does not match the format; nothing was used.

    ``path`` names the file (or, for a catalogue built in memory, its version) and
    ``detail`` what is wrong, with the place: "... - at `$.procedures[0].code`".
    """

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class CatalogueTooLargeError(CatalogueFormatError):
    """A catalogue file larger than a catalogue may be; it was not read, nothing was used."""

    def __init__(self, path: str, *, size: int, limit: int) -> None:
        super().__init__(
            path, f"{size:,} bytes, more than the {limit:,} bytes a catalogue file may have"
        )
        self.size = size
        self.limit = limit


class FormDefinitionError(ValueError):
    """A form definition that must not be used, with an English message for its author.

    Raised for the bundled files (a packaging bug, caught by the tests), for a
    version the centre's server published (the sync refuses it whole), and for a file
    the server is asked to publish.
    """
