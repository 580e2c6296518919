"""The UI's half of the error taxonomy (after qutebrowser's ``crashsignal``).

Expected failures are :class:`~kiosk.errors.KioskError` and become a translated
message (see :mod:`ui.ops`). Anything else is a bug: :class:`ExceptionHook` logs the
traceback (the logging filter keeps the frames, withholds messages that may quote a
value and masks personal numbers) and tells the window, on the main thread, to show the
calm "please ask staff" screen and then reset.

Qt's own messages go to the same logs (:func:`route_qt_messages`), not straight to
standard error, which a service manager keeps as a log too. Those about text and
fonts quote what is drawn, a citizen's name when a font lacks one of its letters, so
only their category is logged.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)

from kiosk.errors import KioskError
from wire.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger("kiosk.ui")
qt_log = logging.getLogger("kiosk.qt")

#: Qt's logging categories that lay out or draw text; their messages may quote it.
TEXT_CATEGORIES = ("qt.text", "qt.qpa.fonts")
#: Words of an uncategorised Qt message that is about text (``QFont…``, glyphs).
TEXT_WORDS = ("font", "glyph")
_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


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


def log_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """A Qt message into ``kiosk.qt``; for text and fonts, its category alone."""
    category = context.category or "default"
    level = _LEVELS.get(mode, logging.WARNING)
    lowered = message.lower()
    if category.startswith(TEXT_CATEGORIES) or any(word in lowered for word in TEXT_WORDS):
        qt_log.log(level, "%s: message withheld (Qt's text messages quote what is drawn)", category)
    else:
        qt_log.log(level, "%s: %s", category, message)


def route_qt_messages() -> Callable[[], None]:
    """Send Qt's messages to the kiosk's logs; returns what puts the previous handler back."""
    previous = qInstallMessageHandler(log_qt_message)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
