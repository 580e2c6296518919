"""A staff page that lists rows from the core and acts on them, one reason-asking action
among them: the frame of the ticket list and of the refused uploads.

The list is read by one core call when the page opens and again whenever the core
announces a change of the kinds it shows (while the page is hidden it only notes that
it is stale). While a core call for a tap runs, every action button is disabled, so a
double tap never acts twice. The reason panel stays up when the core refuses the reason
(nothing changed) and gives way to the list for any other outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from kiosk.errors import KioskError, StaffReasonError
from ui.screens.staff.flow import StaffFlow
from ui.screens.staff.page import StaffPage
from ui.screens.staff.reason import ReasonPanel

if TYPE_CHECKING:
    from kiosk.changes import Changes


class ListPage(StaffPage):
    """Subclasses say which changes they follow (:meth:`follows`), read their list
    (:meth:`load`) and name their action buttons (:meth:`action_buttons`)."""

    def __init__(self, flow: StaffFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.stale = True
        self.busy = False
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(12)
        self._row_widgets: list[QWidget] = []
        self.reason_panel = ReasonPanel(self.stack)
        self.reason_panel.cancelled.connect(self.close_reason)
        self.stack.addWidget(self.reason_panel)
        flow.changed.connect(self._changed)

    # -- the list ----------------------------------------------------------------

    def enter_page(self) -> None:
        self.notice.clear()
        self.show_main()
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def follows(self, changes: Changes) -> bool:
        raise NotImplementedError

    def action_buttons(self) -> list[QPushButton]:
        raise NotImplementedError

    def _changed(self, changes: Changes) -> None:
        if not self.follows(changes):
            return
        if self.isVisible():
            self.load()
        else:
            self.stale = True

    def replace_rows(self, rows: Sequence[QWidget]) -> None:
        """Show ``rows`` instead of the ones shown, laid out at once."""
        for old in self._row_widgets:
            self.list_box.removeWidget(old)
            old.deleteLater()
        self._row_widgets = list(rows)
        for row in rows:
            self.list_box.addWidget(row)
            row.show()  # now, not on the next pass of the event loop
        self.list_changed()
        self.set_busy(self.busy)

    # -- the reason panel --------------------------------------------------------

    def open_reason(self) -> None:
        self.stack.setCurrentWidget(self.reason_panel)
        self.reason_panel.field.setFocus()

    def close_reason(self) -> None:
        self.flow.hide_keyboard()
        self.show_main()
        if self.stale:
            self.load()

    def reason_refused(self, error: KioskError) -> None:
        """The core said no to the reasoned action: why, where staff can fix it."""
        self.set_busy(False)
        if isinstance(error, StaffReasonError):
            self.reason_panel.show_refusal(error)  # the panel stays: nothing changed
            return
        self.close_reason()
        self.notice.refused(error)

    # -- either ------------------------------------------------------------------

    def refused(self, error: KioskError) -> None:
        self.set_busy(False)
        self.notice.refused(error)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.reason_panel.set_busy(busy)
        for button in self.action_buttons():
            button.setEnabled(not busy)
