"""Staff mode: checking the PIN, what unlocked staff may do, and the audit trail.

The screens only show and emit; this controller runs the core calls through
:class:`ui.ops.Op` (the PIN hash check and audit writes touch the database) and
records every staff action with ``services.audit.record("staff", ...)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from kiosk.logs import LOG_TAIL
from ui.ops import Op
from ui.screens.pin_pad import PinPadScreen
from ui.screens.staff import StaffScreen
from ui.session import Session

if TYPE_CHECKING:
    from kiosk.services import KioskServices

log = logging.getLogger("kiosk.ui")

AUDIT_ENTRIES_SHOWN = 50
LOG_LINES_SHOWN = 300


class StaffMode(QObject):
    unlocked = Signal()
    leave_kiosk_mode = Signal()
    quit_app = Signal()
    lock_and_go_home = Signal()

    def __init__(
        self,
        services: Callable[[], KioskServices],
        session: Callable[[], Session],
        pin_pad: PinPadScreen,
        screen: StaffScreen,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._session = session
        self._pin_pad = pin_pad
        self._screen = screen
        self._unlocked = False
        pin_pad.submitted.connect(self.check_pin)
        screen.leave_kiosk_requested.connect(
            lambda: self._record_then("staff.leave_kiosk_mode", self.leave_kiosk_mode.emit)
        )
        screen.quit_requested.connect(lambda: self._record_then("staff.quit", self.quit_app.emit))
        screen.lock_requested.connect(
            lambda: self._record_then("staff.lock", self.lock_and_go_home.emit)
        )

    @property
    def is_unlocked(self) -> bool:
        return self._unlocked

    def lock(self) -> None:
        self._unlocked = False

    def check_pin(self, pin: str) -> None:
        services = self._services

        def unlock() -> None:
            services().staff.unlock(pin)

        Op(unlock, parent=self._pin_pad, session=self._session()).on_success(
            lambda _: self._grant()
        ).on_failure(lambda error: self._pin_pad.show_message(error.message)).start()

    def _grant(self) -> None:
        self._unlocked = True
        self.unlocked.emit()

    def refresh_views(self) -> None:
        """Fill the staff screen: audit entries from the database, the log tail from memory."""
        services = self._services
        self._screen.show_log(LOG_TAIL.lines()[-LOG_LINES_SHOWN:])
        Op(
            lambda: list(services().audit.recent(AUDIT_ENTRIES_SHOWN)),
            parent=self._screen,
            session=self._session(),
        ).on_success(self._screen.show_audit).start()

    def _record_then(self, action: str, then: Callable[[], None]) -> None:
        """Write the audit entry first, then act; a failing audit never traps staff."""
        if not self._unlocked:
            log.warning("staff action %s refused: staff mode is locked", action)
            return
        services = self._services

        def failed(error: KioskError) -> None:
            log.warning("could not record %s: %s", action, type(error).__name__)
            then()

        Op(lambda: services().audit.record("staff", action), parent=self._screen).on_success(
            lambda _: then()
        ).on_failure(failed).start()
