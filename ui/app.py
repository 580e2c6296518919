"""Starting the kiosk: options, settings, Qt, fonts, translator, window, services.

The import chain before the first paint is kept lean: the database layer
(SQLAlchemy, Alembic) is imported and opened only after the home screen is on screen,
so a citizen sees the kiosk at once and staff actions wait for the database instead.

Once the services are open the privacy purge runs, then every
:data:`PURGE_INTERVAL_MS`: a kiosk with no server has no sync worker to run it, and the
A4 spool and printouts are swept on every kiosk (``kiosk.privacy``).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk import APP_NAME, __version__
from kiosk.config import Language
from kiosk.errors import KioskError
from kiosk.startup import StartupContext, parse_run_args, prepare
from ui import service_watchdog
from ui.errors import ExceptionHook, route_qt_messages
from ui.fonts import apply_app_font, load_bundled_fonts
from ui.i18n import qm_path
from ui.main_window import KioskWindow
from ui.ops import Op, Pool, wait_for_all
from ui.termination import quit_on_terminate

if TYPE_CHECKING:
    from kiosk.services import KioskServices

log = logging.getLogger("kiosk.ui")

ORGANISATION = "Mot Cua Kiosk"
#: How often the privacy purge runs besides start-up: a spool file or a form due for
#: purging lingers at most this long (docs/privacy.md).
PURGE_INTERVAL_MS = 15 * 60 * 1000


def main(argv: Sequence[str]) -> int:
    """Run the kiosk until it quits; 2 when it cannot start (message on stderr)."""
    options = parse_run_args(argv)
    try:
        context = prepare(options)
    except KioskError as error:
        print(startup_failure_text(error), file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Một Cửa Kiosk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION)
    load_bundled_fonts()
    apply_app_font(app, context.settings.text_scale)

    hook = ExceptionHook(app)
    hook.install()
    restore_qt_messages = route_qt_messages()
    window = KioskWindow(context.settings, build_all=False)
    hook.crashed.connect(window.show_crash)
    window.quit_requested.connect(app.quit)
    quit_on_terminate(app)
    holder: list[KioskServices] = []
    if options.benchmark_first_paint:
        window.home.first_painted.connect(lambda: _report_first_paint(app))
    else:
        window.home.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: _after_first_paint(context, window, holder))
        )
    window.present()
    try:
        return app.exec()
    finally:
        hook.uninstall()
        restore_qt_messages()
        # Closed first: its timers (idle, the error screen's return) would otherwise
        # end a visit, and lock staff mode, on services closed below.
        window.quit()
        window.close()
        bridge = window.sync()
        if bridge is not None:  # its thread uses the database: stop it first
            bridge.close()
        wait_for_all()
        for services in holder:
            services.close()


def _report_first_paint(app: QCoreApplication) -> None:
    print(f"first-paint {time.monotonic()}", flush=True)
    QTimer.singleShot(0, app.quit)


def _after_first_paint(
    context: StartupContext, window: KioskWindow, holder: list[KioskServices]
) -> None:
    """What the first screen did not wait for: systemd told the kiosk is up (its watchdog
    fed from now on), the other screens, then the services."""
    service_watchdog.start(window)
    window.finish_building()
    _open_services(context, window, holder)


def _open_services(
    context: StartupContext, window: KioskWindow, holder: list[KioskServices]
) -> None:
    """Import and open the core services once the first screen is up."""
    if holder:
        return
    from kiosk.printing.escpos import warm_up as escpos_warm_up
    from kiosk.services import KioskServices

    try:
        services = KioskServices(context.settings, context.paths)
    except KioskError as error:  # e.g. a printer URI the kiosk cannot use
        log.error("services could not be built: %s", error.message.render())
        window.services_failed(error)
        return
    holder.append(services)

    def failed(error: KioskError) -> None:
        log.error("services could not open: %s", error.message.render())
        window.services_failed(error)

    def opened(_: None) -> None:
        from ui.sync import install as install_sync

        window.attach_services(services)
        install_sync(window, services)  # a worker only when there is a server
        window.open_setup_if_wanted()
        _keep_purging(window, services)
        # The search index and the printer library are ready before the first citizen
        # types a query or takes a ticket.
        Op(services.catalog.warm_up, presenter=window.show_error).start()
        Op(escpos_warm_up, pool=Pool.IO, presenter=window.show_error).start()

    Op(services.open).on_success(opened).on_failure(failed).start()


def _keep_purging(window: KioskWindow, services: KioskServices) -> None:
    """The privacy purge now and every :data:`PURGE_INTERVAL_MS`, on the database worker."""

    def failed(error: KioskError) -> None:
        log.warning("privacy purge failed: %s", type(error).__name__)

    def purge() -> None:
        Op(services.privacy.purge_due).on_failure(failed).start()

    timer = QTimer(window)
    timer.setInterval(PURGE_INTERVAL_MS)
    timer.timeout.connect(purge)
    timer.start()
    purge()


def startup_failure_text(error: KioskError) -> str:
    """The message in Vietnamese and, when the translation is built, English too.

    The settings may be what failed, so the configured language is unknown; IT staff
    get both. No QApplication exists yet, so the translator is asked directly.
    """
    vietnamese = error.message.render()
    translator = QTranslator()
    if translator.load(str(qm_path(Language.ENGLISH))):
        english = translator.translate(error.message.context, error.message.source)
        if english:
            return f"{vietnamese}\n{error.message.render(english)}"
    return vietnamese
