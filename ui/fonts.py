"""The bundled Noto Sans, so Vietnamese diacritics look the same on every kiosk."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.config import TextScale
from kiosk.paths import RESOURCES_DIR
from ui.theme import FONT_FAMILY, text_px

log = logging.getLogger("kiosk.ui")

FONTS_DIR = RESOURCES_DIR / "fonts"


def load_bundled_fonts() -> list[str]:
    """Register every bundled ``.ttf``; returns the families found."""
    families: list[str] = []
    for ttf in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf.name)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def apply_app_font(app: QApplication, scale: TextScale = TextScale.NORMAL) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(text_px(scale))
    app.setFont(font)
    return font
