"""Live language switching and the Qt Linguist build of the translations.

Vietnamese is the source language of every string, so it needs no ``.qm``: switching
to it removes the translator. English comes from ``kiosk_en.qm``, compiled from
``kiosk_en.ts`` (the ``.qm`` is a build product). Installing or removing a translator
makes Qt send ``QEvent.LanguageChange`` to every widget, and each screen answers it
with its one ``retranslate()``.

``python -m ui.i18n [update|compile]`` updates the ``.ts`` from the sources (``ui/``,
the ``QT_TRANSLATE_NOOP`` texts of ``kiosk/`` and ``wire/``), compiles the ``.qm``, or
both.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTranslator, Signal

from kiosk.config import Language
from kiosk.paths import PROJECT_ROOT, RESOURCES_DIR
from wire.i18n import TrText

log = logging.getLogger("kiosk.ui")

TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SOURCE_LANGUAGE = Language.VIETNAMESE
TRANSLATED_LANGUAGES = (Language.ENGLISH,)


def translate(text: TrText) -> str:
    """``text`` in the current language, placeholders filled."""
    return text.render(QCoreApplication.translate(text.context, text.source))


def ts_path(language: Language, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"kiosk_{language.value}.ts"


def qm_path(language: Language, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"kiosk_{language.value}.qm"


class LanguageSwitcher(QObject):
    """Owns the application's translator; one tap switches every screen live."""

    language_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = SOURCE_LANGUAGE
        self._translator: QTranslator | None = None

    @property
    def language(self) -> Language:
        return self._language

    def set_language(self, language: Language) -> bool:
        """Switch to ``language``; ``False`` (and Vietnamese) if its ``.qm`` is missing."""
        if language == self._language:
            return True
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QCoreApplication")
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator.deleteLater()
            self._translator = None
        ok = True
        if language != SOURCE_LANGUAGE:
            translator = QTranslator(self)
            if translator.load(str(qm_path(language))):
                QCoreApplication.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("translation %s not found; staying in Vietnamese", qm_path(language))
                translator.deleteLater()
                language, ok = SOURCE_LANGUAGE, False
        self._language = language
        # Deliver the LanguageChange events now, so every text is current on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(language)
        return ok


def _tool(name: str) -> str:
    """A Qt tool from this interpreter's environment, else from ``PATH``."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; install PySide6")
    return found


def translatable_sources() -> list[Path]:
    """Every Python file whose strings belong in the ``.ts`` files."""
    files: list[Path] = []
    for package in ("ui", "kiosk", "wire"):
        files.extend(sorted((PROJECT_ROOT / package).rglob("*.py")))
    return files


def build_translations(
    *, update: bool = True, release: bool = True, folder: Path = TRANSLATIONS_DIR
) -> list[Path]:
    """Update the ``.ts`` files from the sources and/or compile them to ``.qm``.

    Returns the files written. Locations are left out of the ``.ts`` so that moving
    code does not churn the translators' files; strings gone from the code are dropped.
    """
    written: list[Path] = []
    for language in TRANSLATED_LANGUAGES:
        ts = ts_path(language, folder)
        if update:
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    *[str(p.relative_to(PROJECT_ROOT)) for p in translatable_sources()],
                    "-source-language",
                    SOURCE_LANGUAGE.value,
                    "-target-language",
                    language.value,
                    "-locations",
                    "none",
                    "-no-obsolete",
                    "-ts",
                    str(ts),
                ],
                cwd=PROJECT_ROOT,
                check=True,
                capture_output=True,
            )
            written.append(ts)
        if release:
            qm = qm_path(language, folder)
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
            written.append(qm)
    return written


def translations_stale(language: Language = Language.ENGLISH) -> bool:
    """Whether the ``.qm`` is missing or older than its ``.ts``."""
    qm, ts = qm_path(language), ts_path(language)
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ui.i18n",
        description="Refresh the .ts files from the sources, compile them to .qm, or both.",
    )
    parser.add_argument("step", nargs="?", choices=["update", "compile", "all"], default="all")
    step = parser.parse_args(argv).step
    build_translations(update=step in {"update", "all"}, release=step in {"compile", "all"})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
