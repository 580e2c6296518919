"""A file or a published version that breaks its format; English, for its author.

Plain ``ValueError`` exceptions: the wire has no translations. The kiosk turns a catalogue one
into its translated ``kiosk.catalog.errors.CatalogueFileError`` for IT; the server into
a ``PublishError`` for the centre's admin.
"""

from __future__ import annotations


class CatalogueFormatError(ValueError):
    """A catalogue that cannot be read or does not match the format; nothing was used.

    ``path`` names the file (or, for a catalogue built in memory, its version) and
    ``detail`` what is wrong, with the place: "... - at `$.procedures[0].code`".
    """

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class FormDefinitionError(ValueError):
    """A form definition that must not be used, with an English message for its author.

    Raised for the bundled files (a packaging bug, caught by the tests), for a
    version the centre's server published (the sync refuses it whole), and for a file
    the server is asked to publish.
    """
