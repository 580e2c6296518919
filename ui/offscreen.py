"""The kiosk without a screen, for the tools that drive it: the screenshots
(``ui.screenshots``) and the wizard's page-change benchmark (``ui.bench_form_pages``).

Both need the same application (offscreen platform unless one was chosen, the bundled
fonts), core calls run synchronously so each tap's result is on screen when the next
step looks, and a shown window over services on a throwaway data folder that is
closed down in the right order, whatever happens in between.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from ui import ops
from ui.fonts import apply_app_font, load_bundled_fonts
from ui.main_window import KioskWindow


def offscreen_app() -> QApplication:
    """The application, with the kiosk's fonts; made on the offscreen platform unless
    ``QT_QPA_PLATFORM`` says otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the app is made
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_bundled_fonts()
    apply_app_font(app)
    return app


@contextmanager
def synchronous_ops() -> Iterator[None]:
    """Core calls run on the calling thread until the block ends (``ui.ops``)."""
    was_synchronous = ops.is_synchronous()
    ops.set_synchronous(True)
    try:
        yield
    finally:
        ops.set_synchronous(was_synchronous)


@contextmanager
def throwaway_kiosk(
    settings: Settings, data_dir: Path, clock: Clock, size: tuple[int, int]
) -> Iterator[KioskWindow]:
    """A shown ``size`` window over opened services on ``data_dir``; both closed after."""
    services = KioskServices(settings, prepare_data_dir(data_dir), clock=clock)
    services.open()
    window = KioskWindow(settings, services, clock=clock)
    try:
        window.resize(*size)
        window.show()
        yield window
    finally:
        window.idle.stop()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        services.close()


def new_visit(window: KioskWindow) -> None:
    """End the visit, and let Qt delete the journeys' screens now: without a running
    event loop their deletion would wait, and every visit's screens would pile up."""
    window.end_visit()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
