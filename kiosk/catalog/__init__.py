"""The procedure catalogue (danh mục thủ tục hành chính) kept on the kiosk.

The format, and the readers of kiosk-format and national-portal files, are the
``wire`` package's (``wire.catalogue``, ``wire.catalogue_files``, ``wire.portal``),
shared with the centre's server. Here ``importer`` replaces the catalogue whole,
``store`` maps it to tables, ``bundled`` loads the demo catalogue into an empty
database, and ``service`` is what the UI and the command line use.
"""

from kiosk.catalog.bundled import BUNDLED_CATALOGUE, load_bundled_catalogue
from kiosk.catalog.errors import CatalogueFileError, FieldNotFoundError, ProcedureNotFoundError

__all__ = [
    "BUNDLED_CATALOGUE",
    "CatalogueFileError",
    "FieldNotFoundError",
    "ProcedureNotFoundError",
    "load_bundled_catalogue",
]
