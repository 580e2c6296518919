"""The audit's matrix: panels × text sizes × themes × languages, and which screens.

The three panels are the kiosks the centres use: 1366×768 and 1920×1080 landscape,
and the standing 1080×1920 portrait kiosk.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kiosk.config import Language, TextScale, Theme

Panel = tuple[int, int]
T = TypeVar("T")

PANELS: tuple[Panel, ...] = ((1366, 768), (1920, 1080), (1080, 1920))
TEXT_SIZES = (TextScale.NORMAL, TextScale.LARGE, TextScale.LARGEST)
THEMES = (Theme.STANDARD, Theme.HIGH_CONTRAST)
LANGUAGES = (Language.VIETNAMESE, Language.ENGLISH)


@dataclass(frozen=True, slots=True)
class Look:
    """One text size, theme and language: what the window is set to before a screen."""

    text_size: TextScale
    theme: Theme
    language: Language


@dataclass(frozen=True, slots=True)
class Matrix:
    panels: tuple[Panel, ...] = PANELS
    text_sizes: tuple[TextScale, ...] = TEXT_SIZES
    themes: tuple[Theme, ...] = THEMES
    languages: tuple[Language, ...] = LANGUAGES
    #: Screen names or glob patterns (``form-*``); empty: every screen.
    screens: tuple[str, ...] = ()
    #: Only these looks of the product (a parallel worker's share); empty: all.
    only: tuple[Look, ...] = ()

    def looks(self) -> Iterator[Look]:
        for theme in self.themes:
            for text_size in self.text_sizes:
                for language in self.languages:
                    look = Look(text_size, theme, language)
                    if not self.only or look in self.only:
                        yield look

    def wants(self, screen: str) -> bool:
        return not self.screens or any(fnmatch.fnmatchcase(screen, p) for p in self.screens)

    def may_show(self, key: str) -> bool:
        """Whether a scenario whose screens are named ``key…`` can show a wanted one."""
        return not self.screens or any(
            fnmatch.fnmatchcase(key, p) or p.startswith(key) for p in self.screens
        )


def look_name(look: Look) -> str:
    """``125/high_contrast/en``: how a worker is told its looks (:func:`parse_look`)."""
    return f"{int(look.text_size)}/{look.theme.value}/{look.language.value}"


def parse_look(text: str) -> Look:
    size, theme, language = text.split("/")
    return Look(parse_text_size(size), parse_theme(theme), parse_language(language))


def panel_name(panel: Panel) -> str:
    return f"{panel[0]}x{panel[1]}"


def parse_panel(text: str) -> Panel:
    """``1366x768`` (or ``1366×768``) as (width, height)."""
    width, _, height = text.strip().lower().replace("×", "x").partition("x")
    try:
        panel = (int(width), int(height))
    except ValueError:
        raise ValueError(f"not a panel size like 1366x768: {text!r}") from None
    if min(panel) <= 0:
        raise ValueError(f"not a panel size like 1366x768: {text!r}")
    return panel


def parse_text_size(text: str) -> TextScale:
    try:
        return TextScale(int(text.strip().rstrip("%")))
    except ValueError:
        sizes = ", ".join(str(int(s)) for s in TextScale)
        raise ValueError(f"text size {text!r} is not one of {sizes}") from None


def parse_theme(text: str) -> Theme:
    try:
        return Theme(text.strip().replace("-", "_"))
    except ValueError:
        themes = ", ".join(t.value for t in Theme)
        raise ValueError(f"theme {text!r} is not one of {themes}") from None


def parse_language(text: str) -> Language:
    try:
        return Language(text.strip())
    except ValueError:
        languages = ", ".join(language.value for language in Language)
        raise ValueError(f"language {text!r} is not one of {languages}") from None


def parse_list(values: Sequence[str], parse: Callable[[str], T]) -> tuple[T, ...]:
    """Options given as ``--x a,b --x c``: every item, parsed, in order, once each."""
    items = [parse(item) for value in values for item in value.split(",") if item.strip()]
    return tuple(dict.fromkeys(items))
