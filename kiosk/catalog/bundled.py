"""The catalogue shipped with the kiosk.

``resources/catalogue/bundled.json`` is in the kiosk's own format
(``wire.catalogue``, described in ``docs/catalogue-format.md``), so the kiosk
works before any server exists. It is loaded only into an empty catalogue: a catalogue
imported by IT or synced from the server is never overwritten by it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.catalog.errors import CatalogueFileError
from kiosk.catalog.importer import replace_catalogue
from kiosk.clock import Clock, utc_now
from kiosk.db import models
from kiosk.paths import RESOURCES_DIR
from wire.catalogue_files import read_catalogue_file
from wire.errors import CatalogueFormatError
from wire.links import NATIONAL_PORTAL_DOMAINS

BUNDLED_CATALOGUE = RESOURCES_DIR / "catalogue" / "bundled.json"


def catalogue_is_empty(session: Session) -> bool:
    """Whether no catalogue has been loaded yet (neither bundled, imported nor synced)."""
    loaded = session.scalar(select(models.CatalogMeta.id).limit(1))
    any_procedure = session.scalar(select(models.Procedure.code).limit(1))
    return loaded is None and any_procedure is None


def load_bundled_catalogue(
    session: Session, path: Path = BUNDLED_CATALOGUE, clock: Clock = utc_now
) -> bool:
    """Load the bundled file into an empty catalogue; ``True`` if it was loaded.

    Runs in the caller's transaction, so a failure leaves the catalogue empty; raises
    ``CatalogueFileError`` for a damaged file.
    """
    if not catalogue_is_empty(session):
        return False
    try:
        catalogue = read_catalogue_file(path)
    except CatalogueFormatError as exc:
        raise CatalogueFileError.of(exc) from exc
    # Checked against the national list here; a screen checks against the centre's own.
    replace_catalogue(
        session,
        catalogue,
        source="bundled",
        fmt="kiosk",
        now=clock(),
        portal_domains=NATIONAL_PORTAL_DOMAINS,
    )
    return True
