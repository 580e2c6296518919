"""What every staff page has: a title, the outcome line, a body that scrolls, the staff bar.

The bar at the foot is the citizens' bar, where "‹ Quay lại" goes back to the staff
screen and the right-hand button is "Khóa lại & về trang chủ": it locks staff mode
and ends the visit, from every staff page alike.

While the docked keyboard leaves the page little height (a 768 px screen), the title
and the bar step aside, and the field being typed into is scrolled into view with
its message: staff see what they type and what the kiosk says about it. They come
back when the keyboard goes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ui.screens.staff.flow import StaffFlow
from ui.screens.staff.style import apply_look
from ui.screens.staff.texts import lock_text
from ui.screens.staff.widgets import Notice
from ui.widgets.label import Label
from ui.widgets.navigation import NavBar, kinetic_scroll_area
from ui.widgets.screen import Screen

#: Below this height (the keyboard is up on a 768 px screen) the title and the bar go.
COMPACT_BELOW_PX = 560
#: What a field's box keeps in view around it when scrolled to.
VIEW_MARGIN_PX = 8
#: The property that marks a field together with its label and message.
KEEP_IN_VIEW = "keepInView"


def keep_in_view(box: QWidget) -> QWidget:
    """Mark ``box`` (a field with its label and message) as what to scroll into view
    while one of its fields is being typed into, and again whenever it grows (its
    message appeared) while it is."""
    box.setProperty(KEEP_IN_VIEW, True)
    box.installEventFilter(_BoxWatcher(box))
    return box


def bring_focus_into_view() -> None:
    """Scroll the focused field's box (or the field alone) into view in its scroll area."""
    focused = QApplication.focusWidget()
    if focused is None or not focused.isVisible():
        return
    box: QWidget = focused
    parent = focused.parentWidget()
    while parent is not None:
        if parent.property(KEEP_IN_VIEW):
            box = parent
            break
        parent = parent.parentWidget()
    scroll = box.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(box, 0, VIEW_MARGIN_PX)


class _BoxWatcher(QObject):
    """Brings its box back into view when it grows under the field being typed into."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            focused = QApplication.focusWidget()
            if focused is not None and watched.isAncestorOf(focused):
                # Once the scroll area has taken the box's new size.
                QTimer.singleShot(0, self, bring_focus_into_view)
        return False


class StaffPage(Screen):
    """The frame of ``staff.tickets``, ``staff.declaration`` and ``staff.refused``.

    Subclasses put their main view into :attr:`main` (a flickable column) and may add
    more views to :attr:`stack` (the reason panel); :meth:`retranslate_page` sets
    their own texts.
    """

    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.title = Label(self)
        self.title.setObjectName("ScreenTitle")
        self.title.setWordWrap(True)
        self.notice = Notice(self)
        self.content = QWidget(self)
        self.content.setObjectName("StaffContent")
        self.main = QVBoxLayout(self.content)
        self.main.setContentsMargins(0, 0, 16, 16)  # room for the scroll bar
        self.main.setSpacing(16)
        self.scroll_area = kinetic_scroll_area(self, self.content)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.scroll_area)
        self.nav = NavBar(self)
        self.nav.back.connect(flow.back_to_hub)
        self.nav.home.connect(flow.lock)
        self.nav.home_button.setObjectName("LockButton")
        body = QVBoxLayout()
        body.setContentsMargins(40, 20, 40, 8)
        body.setSpacing(12)
        body.addWidget(self.title)
        body.addWidget(self.notice)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(self.nav)

    @property
    def lock_button(self) -> QWidget:
        return self.nav.home_button

    @property
    def back_button(self) -> QWidget:
        return self.nav.back_button

    def show_main(self) -> None:
        self.stack.setCurrentWidget(self.scroll_area)

    def list_changed(self) -> None:
        """Rows were added or removed: size the body to them now.

        Otherwise the scroll area learns the new height only on a later pass of the event
        loop, and until then squeezes the new rows into the old height and keeps the old
        scroll range (a tap meanwhile lands on the wrong row). Setting it resizable
        again makes it measure its content at once.
        """
        self.scroll_area.setWidgetResizable(True)

    def entered(self) -> None:
        apply_look(self)
        self.enter_page()

    def enter_page(self) -> None:
        """The page is shown (from the staff screen): read what it shows afresh."""

    # -- the keyboard ------------------------------------------------------------

    @property
    def compact(self) -> bool:
        return self.nav.isHidden()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = event.size().height() < COMPACT_BELOW_PX
        self.title.setVisible(not compact)
        self.nav.setVisible(not compact)
        # Once the layout has given the body its new height.
        QTimer.singleShot(0, self, self.keep_focus_in_view)

    def keep_focus_in_view(self) -> None:
        """Scroll the focused field's box (field, label, message) into view."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            bring_focus_into_view()

    # -- texts -------------------------------------------------------------------

    def retranslate(self) -> None:
        self.nav.retranslate()  # "‹ Quay lại", back to the staff screen
        self.nav.home_button.setText(lock_text())
        self.notice.retranslate()
        self.retranslate_page()

    def retranslate_page(self) -> None:
        raise NotImplementedError
