"""The procedure catalogue (danh mục thủ tục hành chính) kept on the kiosk."""

from kiosk.catalog.bundled import BUNDLED_CATALOGUE, load_bundled_catalogue
from kiosk.catalog.errors import CatalogueFileError

__all__ = ["BUNDLED_CATALOGUE", "CatalogueFileError", "load_bundled_catalogue"]
