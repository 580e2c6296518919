"""Reading and checking catalogue files, the same way on the kiosk and on the server.

The server publishes only what a kiosk's strict decode accepts, because both call
these functions.
"""

from __future__ import annotations

from pathlib import Path

import msgspec

from wire.catalogue import CatalogueFile
from wire.errors import CatalogueFormatError


def read_catalogue_file(path: Path) -> CatalogueFile:
    """The validated contents of a kiosk-format file; raises ``CatalogueFormatError``.

    The error's detail names the place, e.g. "... - at `$.procedures[0].code`".
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueFormatError(str(path), exc.strerror or str(exc)) from exc
    try:
        return msgspec.json.decode(data, type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFormatError(str(path), str(exc)) from exc
    except msgspec.DecodeError as exc:  # malformed JSON
        raise CatalogueFormatError(str(path), f"invalid JSON: {exc}") from exc
    except UnicodeDecodeError as exc:  # msgspec lets bad UTF-8 in a string escape as this
        raise CatalogueFormatError(str(path), f"not UTF-8: {exc.reason}") from exc


def validate_catalogue(catalogue: CatalogueFile) -> CatalogueFile:
    """The catalogue as a strict decode of its own encoding would give it.

    Structs are validated only when decoded, so one built in Python (the portal
    converter's) is round-tripped through JSON here; patterns, lengths and the
    references between parts are all checked before anything is written.
    """
    try:
        return msgspec.json.decode(msgspec.json.encode(catalogue), type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFormatError(catalogue.catalogue_version, str(exc)) from exc
