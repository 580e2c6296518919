"""Reading kiosk-format catalogue files, and the catalogue shipped with the kiosk.

``resources/catalogue/bundled.json`` is in the kiosk's own format
(``kiosk.catalog.schema``, described in ``docs/catalogue-format.md``), so the kiosk
works before any server exists. It is loaded only into an empty catalogue: a catalogue
imported by IT or synced from the server is never overwritten by it.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.catalog.errors import CatalogueFileError
from kiosk.catalog.importer import replace_catalogue
from kiosk.catalog.schema import CatalogueFile
from kiosk.clock import Clock, utc_now
from kiosk.db import models
from kiosk.paths import RESOURCES_DIR

BUNDLED_CATALOGUE = RESOURCES_DIR / "catalogue" / "bundled.json"


def read_catalogue_file(path: Path) -> CatalogueFile:
    """The validated contents of a kiosk-format file; raises ``CatalogueFileError``.

    The error's detail names the place, e.g. "... - at `$.procedures[0].code`".
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueFileError(path=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        return msgspec.json.decode(data, type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFileError(path=str(path), detail=str(exc)) from exc
    except msgspec.DecodeError as exc:  # malformed JSON
        raise CatalogueFileError(path=str(path), detail=f"invalid JSON: {exc}") from exc
    except UnicodeDecodeError as exc:  # msgspec lets bad UTF-8 in a string escape as this
        raise CatalogueFileError(path=str(path), detail=f"not UTF-8: {exc.reason}") from exc


def catalogue_is_empty(session: Session) -> bool:
    """Whether no catalogue has been loaded yet (neither bundled, imported nor synced)."""
    loaded = session.scalar(select(models.CatalogMeta.id).limit(1))
    any_procedure = session.scalar(select(models.Procedure.code).limit(1))
    return loaded is None and any_procedure is None


def load_bundled_catalogue(
    session: Session, path: Path = BUNDLED_CATALOGUE, clock: Clock = utc_now
) -> bool:
    """Load the bundled file into an empty catalogue; ``True`` if it was loaded.

    Runs in the caller's transaction, so a failure leaves the catalogue empty.
    """
    if not catalogue_is_empty(session):
        return False
    catalogue = read_catalogue_file(path)
    replace_catalogue(session, catalogue, source="bundled", fmt="kiosk", now=clock())
    return True
