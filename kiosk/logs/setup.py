"""One logging set-up for the kiosk process and its command line."""

from __future__ import annotations

import collections
import logging
import logging.handlers
import os
import threading
from pathlib import Path

from kiosk.logs.masking import PersonalDataFilter
from kiosk.logs.redaction import floor_text_libraries

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LOG_FILE_NAME = "kiosk.log"
MAX_BYTES = 2_000_000
BACKUPS = 5


class LogTail(logging.Handler):
    """The last lines logged, kept in memory for the staff screen."""

    def __init__(self, capacity: int = 500) -> None:
        super().__init__()
        self._lines: collections.deque[str] = collections.deque(maxlen=capacity)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        with self._guard:
            self._lines.append(line)

    def lines(self) -> list[str]:
        with self._guard:
            return list(self._lines)

    def clear(self) -> None:
        with self._guard:
            self._lines.clear()


LOG_TAIL = LogTail()


def configure_logging(log_dir: Path | None, level: str = "INFO") -> None:
    """Rotating file in ``log_dir`` (if given), the in-memory tail, stderr for warnings.

    Every handler carries the masking filter, so no area's logger can bypass it.
    Calling it again replaces the handlers it installed before.
    """
    floor_text_libraries()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk_handler", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [LOG_TAIL]
    if log_dir is not None:
        # The user's alone (POSIX), whatever the umask: see kiosk.paths.
        log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir / LOG_FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        )
        if os.name != "nt":
            os.chmod(log_dir / LOG_FILE_NAME, 0o600)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    handlers.append(stderr)
    for handler in handlers:
        handler.setFormatter(formatter)
        if not any(isinstance(f, PersonalDataFilter) for f in handler.filters):
            handler.addFilter(PersonalDataFilter())
        handler._kiosk_handler = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
