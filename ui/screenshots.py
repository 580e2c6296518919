"""Render every screen to PNG, for the README and for reviewing the look.

``python -m ui.screenshots [--out docs/screenshots]`` draws each screen offscreen at
1366×768 and 1920×1080, in Vietnamese and English, with real services on a throwaway
data folder and a fixed clock, into files such as ``home-vi-1366x768.png``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.clock import LOCAL_TZ
from kiosk.config import Language, Settings, TextScale
from kiosk.errors import WrongPinError
from kiosk.logs import LOG_TAIL, configure_logging
from kiosk.logs.setup import LOG_FORMAT
from kiosk.paths import PROJECT_ROOT, prepare_data_dir
from kiosk.services import KioskServices
from ui import ops
from ui.fonts import apply_app_font, load_bundled_fonts
from ui.main_window import KioskWindow
from ui.screens.lookup import BrowseScreen, SearchScreen

SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = (Language.VIETNAMESE, Language.ENGLISH)
# 09:41 on a Monday morning in Hà Nội.
SCREENSHOT_TIME = datetime(2025, 3, 10, 2, 41, tzinfo=UTC)
DEMO_PIN = "246810"
# Thủ tục đăng ký khai sinh: the procedure the lookup screenshots open.
DEMO_PROCEDURE = "1.001193"


def _shots(window: KioskWindow) -> dict[str, Callable[[], None]]:
    """Each screenshot's name and how to get the window there."""

    def screen(name: str) -> Callable[[], None]:
        return lambda: window.show_screen(name)

    def idle() -> None:
        window.show_screen("form")
        window.idle.warn_now()

    def pin_pad() -> None:
        window.show_screen("pin")
        for digit in "1234":
            window.pin_pad.press_digit(digit)
        window.pin_pad.show_message(WrongPinError(remaining=3).message)

    def staff() -> None:
        window.show_screen("pin")
        window.staff_mode.check_pin(DEMO_PIN)

    def lookup_results() -> None:
        window.show_screen("lookup")
        search = window.screens["lookup"]
        assert isinstance(search, SearchScreen)
        search.search_field.setText("dang ky")
        search.search_now()

    def lookup_field() -> None:
        window.show_screen("lookup.browse")
        browse = window.screens["lookup.browse"]
        assert isinstance(browse, BrowseScreen)
        tile = browse.visible_tiles()[0]
        browse.open_field(tile.code, tile.name.text())

    def procedure() -> None:
        window.show_screen("lookup")
        window.lookup.open_procedure(DEMO_PROCEDURE, "lookup")

    def procedure_large_text() -> None:
        _large_text(window)
        procedure()

    def high_contrast() -> None:
        window.set_high_contrast(True)
        window.go_home()

    return {
        "home": screen("home"),
        "lookup": screen("lookup"),
        "lookup-results": lookup_results,
        "lookup-browse": screen("lookup.browse"),
        "lookup-field": lookup_field,
        "procedure": procedure,
        "procedure-large-text": procedure_large_text,
        "form": screen("form"),
        "register": screen("register"),
        "queue": screen("queue"),
        "help": screen("help"),
        "idle": idle,
        "pin": pin_pad,
        "staff": staff,
        "error": screen("error"),
        "home-high-contrast": high_contrast,
        "home-large-text": lambda: _large_text(window),
    }


def _large_text(window: KioskWindow) -> None:
    while window.text_scale != TextScale.LARGEST:
        window.next_text_scale()
    window.go_home()


class _ScreenshotTimeFormatter(logging.Formatter):
    """Log lines stamped with the screenshots' clock, so the images are reproducible."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return SCREENSHOT_TIME.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def render_all(
    out: Path,
    sizes: Sequence[tuple[int, int]] = SIZES,
    languages: Sequence[Language] = LANGUAGES,
) -> list[Path]:
    """Write every screenshot into ``out``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is made
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_bundled_fonts()
    apply_app_font(app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    was_synchronous = ops.is_synchronous()
    ops.set_synchronous(True)
    with tempfile.TemporaryDirectory(prefix="kiosk-screens-") as data:
        settings = Settings(idle_timeout_s=3600.0, idle_warning_s=20.0)
        paths = prepare_data_dir(Path(data))
        configure_logging(None, "INFO")
        LOG_TAIL.setFormatter(_ScreenshotTimeFormatter(LOG_FORMAT))
        services = KioskServices(settings, paths, clock=lambda: SCREENSHOT_TIME)
        services.open()
        services.staff.set_pin(DEMO_PIN)
        window = KioskWindow(settings, services, clock=lambda: SCREENSHOT_TIME)
        try:
            window.show()
            for width, height in sizes:
                window.resize(width, height)
                for language in languages:
                    for name, arrange in _shots(window).items():
                        window.reset_session()
                        LOG_TAIL.clear()  # the staff screen shows only this shot's lines
                        window.languages.set_language(language)
                        arrange()
                        window.resize(width, height)
                        app.processEvents()
                        if (window.width(), window.height()) != (width, height):
                            print(f"warning: {name} does not fit {width}x{height}", file=sys.stderr)
                        path = out / f"{name}-{language.value}-{width}x{height}.png"
                        window.grab().save(str(path))
                        written.append(path)
            window.reset_session()
        finally:
            window.idle.stop()
            window.close()
            window.deleteLater()
            services.close()
            ops.set_synchronous(was_synchronous)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    for path in render_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
