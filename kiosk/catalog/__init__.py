"""The procedure catalogue (danh mục thủ tục hành chính) kept on the kiosk.

``schema`` is the format, ``portal`` reads the national portal's records, ``importer``
replaces the catalogue whole, ``store`` maps it to tables, and ``service`` is what the
UI and the command line use.
"""

from kiosk.catalog.bundled import BUNDLED_CATALOGUE, load_bundled_catalogue, read_catalogue_file
from kiosk.catalog.errors import CatalogueFileError, FieldNotFoundError, ProcedureNotFoundError

__all__ = [
    "BUNDLED_CATALOGUE",
    "CatalogueFileError",
    "FieldNotFoundError",
    "ProcedureNotFoundError",
    "load_bundled_catalogue",
    "read_catalogue_file",
]
