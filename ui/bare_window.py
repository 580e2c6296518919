"""The start-up benchmark's yardstick: a bare PySide6 window, started like the kiosk.

It prints ``first-paint <time.monotonic()>`` once painted, then quits, exactly as
``main.py --benchmark-first-paint`` does.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override


class _BareWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self._reported = False

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._reported:
            self._reported = True
            print(f"first-paint {time.monotonic()}", flush=True)
            QTimer.singleShot(0, QApplication.quit)


def main() -> int:
    app = QApplication(sys.argv)
    window = _BareWindow()
    window.resize(1366, 768)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
