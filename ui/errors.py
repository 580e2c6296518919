"""The UI's half of the error taxonomy (after qutebrowser's ``crashsignal``).

Expected failures are :class:`~kiosk.errors.KioskError` and become a translated
message (see :mod:`ui.ops`). Anything else is a bug: :class:`ExceptionHook` logs the
traceback (the logging filter masks personal numbers) and tells the window, on the
main thread, to show the calm "please ask staff" screen and then reset.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("kiosk.ui")


class StartingUpError(KioskError):
    """Staff tried something before the database finished opening."""

    message = QT_TRANSLATE_NOOP("Errors", "Kiosk đang khởi động, vui lòng thử lại sau giây lát.")


class ExceptionHook(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` for the running kiosk.

    ``crashed`` is emitted from whatever thread failed; connected to a widget it
    arrives queued on the main thread.
    """

    crashed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys(exc_type, exc, tb)
            return
        log.error("unexpected error: %s", exc_type.__name__, exc_info=(exc_type, exc, tb))
        self.crashed.emit()

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def install(self) -> None:
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            sys.excepthook = self._previous_sys
            threading.excepthook = self._previous_threading
            self._installed = False
