"""The live clock and date in the centre's local time (Asia/Ho_Chi_Minh)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from kiosk.clock import LOCAL_TZ, Clock, utc_now
from ui.i18n import translate
from ui.widgets.label import Label
from wire.i18n import QT_TRANSLATE_NOOP

WEEKDAYS = (
    QT_TRANSLATE_NOOP("Clock", "Thứ Hai"),
    QT_TRANSLATE_NOOP("Clock", "Thứ Ba"),
    QT_TRANSLATE_NOOP("Clock", "Thứ Tư"),
    QT_TRANSLATE_NOOP("Clock", "Thứ Năm"),
    QT_TRANSLATE_NOOP("Clock", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("Clock", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("Clock", "Chủ Nhật"),
)


def format_date(moment: datetime) -> str:
    """``Thứ Tư, 26/11/2025`` — day first, as on every Vietnamese form."""
    day = translate(WEEKDAYS[moment.weekday()])
    pattern = QCoreApplication.translate("Clock", "{weekday}, {day:02d}/{month:02d}/{year}")
    return pattern.format(weekday=day, day=moment.day, month=moment.month, year=moment.year)


class ClockPanel(QWidget):
    """Time and date, refreshed every second; the time source is injectable."""

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self._clock = clock
        self.time_label = Label(self)
        self.time_label.setObjectName("Clock")
        self.date_label = Label(self)
        self.date_label.setObjectName("Date")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for label in (self.time_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        now = self._clock().astimezone(LOCAL_TZ)
        self.time_label.setText(f"{now:%H:%M}")
        self.date_label.setText(format_date(now))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)
