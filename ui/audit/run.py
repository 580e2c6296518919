"""Running the matrix: one kiosk, every look, every screen, every panel.

The kiosk is the screenshots' (``ui.screenshots``): real services on a throwaway data
folder, the morning's queues and a saved declaration, a fixed clock and fixed ids,
core calls run synchronously. For each look (text size, theme, language) each
scenario starts from a fresh visit; each screen it reaches is then audited at every
panel: the window takes the panel's screen (the offscreen platform is given one
screen per panel, see :func:`platform_for`), or is resized to it. A window that
cannot shrink to the panel keeps its size, and whatever lies beyond the panel is
reported as off the window.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import msgspec
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings, Theme
from kiosk.crypto.keys import throwaway_key_file
from ui.audit.checks import audit_widgets, rules_for
from ui.audit.findings import Cell, Finding, Kind, WidgetRef, placed
from ui.audit.matrix import Look, Matrix, Panel, panel_name
from ui.audit.screens import Shown, scenarios
from ui.clipboard_guard import ClipboardGuard
from ui.main_window import KioskWindow
from ui.offscreen import new_visit as fresh_visit
from ui.offscreen import offscreen_app, synchronous_ops, throwaway_kiosk
from ui.screenshots import (
    DEMO_PIN,
    SCREENSHOT_TIME,
    fixed_uuids,
    seed_declaration,
    seed_queues,
)

log = logging.getLogger("kiosk.ui.audit")

#: Layouts that follow a resize (grids that reflow, headers that step aside) settle
#: within this many rounds of events.
SETTLE_ROUNDS = 3

Progress = Callable[[str], None]


def platform_for(panels: Sequence[Panel], folder: Path) -> str:
    """A ``QT_QPA_PLATFORM`` value: the offscreen platform with one screen per panel,
    side by side, so the window sits on a screen of the panel's size (as layouts that
    follow the screen expect)."""
    screens, x = [], 0
    for width, height in panels:
        screens.append(
            {
                "name": panel_name((width, height)),
                "x": x,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpiX": 96,
                "logicalDpiY": 96,
                "dpr": 1,
            }
        )
        x += width
    config = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False}
    path = folder / "audit-screens.json"
    path.write_text(json.dumps({**config, "screens": screens}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def settle() -> None:
    for _ in range(SETTLE_ROUNDS):
        QApplication.processEvents()


def place(window: KioskWindow, panel: Panel) -> None:
    """The window over the whole of ``panel``'s screen, or at ``panel``'s size."""
    size = QSize(*panel)
    screen = next((s for s in QApplication.screens() if s.geometry().size() == size), None)
    origin = screen.geometry().topLeft() if screen is not None else QPoint(0, 0)
    window.setGeometry(QRect(origin, size))
    settle()


def configure_look(window: KioskWindow, look: Look) -> None:
    """The kiosk configured with ``look``: every visit starts in it, so ending a visit
    (before each scenario) styles the window once, for the look wanted."""
    window.settings = msgspec.structs.replace(
        window.settings, theme=look.theme, text_scale=look.text_size, language=look.language
    )


def new_visit(window: KioskWindow) -> None:
    """:func:`ui.offscreen.new_visit`, with the idle watchdog stopped first: a countdown
    the idle warning started would otherwise end a later scenario's visit midway."""
    window.idle.stop()
    fresh_visit(window)


def quiet_filters(window: KioskWindow) -> None:
    """Take the application-wide event filters (Telex, the căn cước scanner, the
    clipboard guard, the idle watchdog) off: the audit types, scans and pastes nothing
    and waits for no one, and they would see each of the hundreds of thousands of
    events its resizes cause."""
    app = QCoreApplication.instance()
    if app is None:
        return
    window.scanner.stop_listening()
    app.removeEventFilter(window.telex)
    window.idle.stop()
    for guard in window.findChildren(ClipboardGuard):
        app.removeEventFilter(guard)


def audit_shown(window: KioskWindow, shown: Shown, panel: Panel, look: Look) -> list[Finding]:
    """The findings of the screen the window shows, at ``panel``.

    The window is not painted while it settles: each round of events would paint it
    whole again (more than half the time placing it took), and the audit reads only
    the drawing :meth:`~PySide6.QtWidgets.QWidget.grab` makes once it has settled.
    """
    window.setUpdatesEnabled(False)
    try:
        place(window, panel)
        if shown.settle is not None:
            shown.settle()
            settle()
    finally:
        window.setUpdatesEnabled(True)
    image = window.grab().toImage()
    rules = rules_for(panel, int(look.text_size), look.theme == Theme.HIGH_CONTRAST)
    root = shown.root if shown.root is not None else window
    problems = audit_widgets(root, rules, bounds=QRect(QPoint(0, 0), QSize(*panel)), image=image)
    return placed(_cell(shown.name, panel, look), problems)


def _cell(screen: str, panel: Panel, look: Look) -> Cell:
    return Cell(
        screen=screen,
        panel=panel_name(panel),
        text_size=int(look.text_size),
        theme=look.theme.value,
        language=look.language.value,
    )


def _not_reached(key: str, panels: Sequence[Panel], look: Look, error: Exception) -> list[Finding]:
    where = traceback.extract_tb(error.__traceback__)[-1]
    widget = WidgetRef(object_name="", class_name=type(error).__name__, text=str(error)[:60])
    numbers: dict[str, float | int | str] = {"at": f"{Path(where.filename).name}:{where.lineno}"}
    return [Finding(_cell(key, panel, look), Kind.NOT_REACHED, widget, numbers) for panel in panels]


@contextmanager
def audit_kiosk() -> Iterator[KioskWindow]:
    """The screenshots' kiosk: seeded services, fixed clock and ids, shown."""
    offscreen_app()
    with (
        synchronous_ops(),
        tempfile.TemporaryDirectory(prefix="kiosk-audit-") as data,
        mock.patch.object(uuid, "uuid4", fixed_uuids()),
    ):
        settings = Settings(
            idle_timeout_s=3600.0,
            idle_warning_s=20.0,
            data_key_file=throwaway_key_file(Path(data) / "data"),
        )
        with throwaway_kiosk(
            settings, Path(data) / "data", lambda: SCREENSHOT_TIME, (1366, 768)
        ) as window:
            services = window.services()
            services.staff.set_pin(DEMO_PIN)
            seed_queues(services)
            seed_declaration(services)
            quiet_filters(window)
            window.activateWindow()
            settle()
            yield window
            new_visit(window)


def panel_order(panels: Sequence[Panel], current: Panel | None) -> list[Panel]:
    """The order to audit a screen at ``panels`` in: back from the last one when the
    window fills it already. Each change of panel lays out and restyles the window
    again, so going there and back (short, landscape, portrait, then portrait,
    landscape, short) saves one change in three."""
    order = list(panels)
    if current is not None and order and order[-1] == current:
        order.reverse()
    return order


def run(matrix: Matrix, progress: Progress | None = None) -> list[Finding]:
    """Every finding of the matrix, each screen's in the matrix's order of panels."""
    findings: list[Finding] = []
    started = time.monotonic()
    at: Panel | None = None
    with audit_kiosk() as window:
        entries = [e for e in scenarios(window) if matrix.may_show(e.key)]
        for look in matrix.looks():
            configure_look(window, look)
            for entry in entries:
                new_visit(window)
                try:
                    for shown in entry.scenario(window):
                        if not matrix.wants(shown.name):
                            continue
                        found: dict[Panel, list[Finding]] = {}
                        for panel in panel_order(matrix.panels, at):
                            found[panel] = audit_shown(window, shown, panel, look)
                            at = panel
                        findings += [f for panel in matrix.panels for f in found[panel]]
                except Exception as error:  # a screen's own bug: reported, the rest goes on
                    log.error("the audit could not reach %s: %r", entry.key, error)
                    if matrix.wants(entry.key):
                        findings += _not_reached(entry.key, matrix.panels, look, error)
            if progress is not None:
                progress(
                    f"{look.theme.value} {int(look.text_size)}% {look.language.value}: "
                    f"{len(findings)} findings so far, {time.monotonic() - started:.0f} s"
                )
    return findings


def prepare_platform(panels: Sequence[Panel], folder: Path) -> None:
    """Give the offscreen platform the panels' screens (a file in ``folder``, which must
    outlast the run), unless a platform was chosen or Qt has started."""
    if "QT_QPA_PLATFORM" in os.environ or QApplication.instance() is not None:
        return
    os.environ["QT_QPA_PLATFORM"] = platform_for(panels, folder)
