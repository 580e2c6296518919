"""A queue as a card: its letter, name, counters and how many people are waiting; and
the priority question's answers.

The same card is a tile to tap on the first page and the header of the priority
question, so a citizen sees the queue they chose in the form they chose it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.screens.queue.desk import available
from ui.screens.queue.texts import counters_line, waiting_text
from ui.widgets.label import Label

if TYPE_CHECKING:
    from kiosk.queue.api import QueueServiceView


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def state_of(service: QueueServiceView) -> str:
    """``open``, ``closed`` (outside opening hours) or ``full`` (hết số for today)."""
    if not service.open_now:
        return "closed"
    return "full" if service.full else "open"


class ServiceCard(QPushButton):
    """One queue; the whole card is a touch target and its labels let presses through.

    A closed or full queue stays tappable (a dead button teaches nothing): the screen
    answers the tap with why no number can be taken, in a calm sentence.
    """

    def __init__(self, parent: QWidget | None = None, *, tappable: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("ServiceCard")
        self.setProperty("tappable", "true" if tappable else "false")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        if tappable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.service: QueueServiceView | None = None
        self.code = Label(self)
        self.code.setObjectName("ServiceCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = Label(self)
        self.name.setObjectName("ServiceName")
        self.name.setWordWrap(True)
        self.counters = Label(self)
        self.counters.setObjectName("ServiceCounters")
        self.state = Label(self)
        self.state.setObjectName("ServiceState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        arrow = Label("›", self)
        arrow.setObjectName("RowArrow")
        arrow.setVisible(tappable)
        for label in (self.code, self.name, self.counters, self.state, arrow):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.name)
        texts.addWidget(self.counters)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 14, 20, 14)
        row.setSpacing(20)
        row.addWidget(self.code, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        row.addWidget(self.state, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)

    @property
    def available(self) -> bool:
        return self.service is not None and available(self.service)

    def show_service(self, service: QueueServiceView | None) -> None:
        self.service = service
        self.retranslate()

    def retranslate(self) -> None:
        service = self.service
        if service is None:
            for label in (self.code, self.name, self.counters, self.state):
                label.clear()
            self.setAccessibleName("")
            return
        self.code.setText(service.code)
        self.name.setText(service.name)
        self.counters.setText(counters_line(service.counters))
        state = state_of(service)
        texts = {
            "open": waiting_text(service.waiting),
            "closed": QCoreApplication.translate("Queue", "Ngoài giờ làm việc"),
            "full": QCoreApplication.translate("Queue", "Hôm nay đã hết số"),
        }
        self.state.setText(texts[state])
        self.state.setProperty("state", state)
        repolish(self.state)
        self.setProperty("state", state)
        repolish(self)
        self.setAccessibleName(f"{service.code} {service.name}")
        self.setAccessibleDescription(f"{self.counters.text()}. {self.state.text()}")


class ChoiceButton(QPushButton):
    """An answer whose words may need two lines ("Person of merit to the revolution" at
    the largest text, half a 1366 px page wide).

    A push button never wraps its text and would widen the page instead, so the words
    are a wrapping label inside the button that lets presses through to it.
    """

    def __init__(self, parent: QWidget | None = None, *, name: str = "ChoiceButton") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "secondary")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.label = Label(self)
        self.label.setObjectName("ChoiceText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 20, 10)
        row.addWidget(self.label)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
