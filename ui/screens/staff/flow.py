"""Staff mode: checking the PIN, the way each staff page reaches the core, leaving.

The pages only show and emit; every core call they make goes through :meth:`StaffFlow.call`
(one staff-only call for one tap, off the UI thread with :func:`ui.host.run`, so its
outcome is dropped once the visit has ended). Unlocking puts the core's
:class:`~kiosk.staff.grant.StaffGrant` into the visit; every staff action hands it to
the core service, which refuses without a live grant — the permission is checked
there, not by this controller. Ending the visit (the lock button, walking away) locks
the grant again and deletes every staff page with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from kiosk.errors import KioskError
from kiosk.logs import LOG_TAIL
from ui.errors import StartingUpError
from ui.host import Host, run
from ui.ops import Op, Pool

if TYPE_CHECKING:
    from kiosk.config import Language
    from kiosk.services import KioskServices
    from kiosk.staff.grant import StaffGrant
    from ui.sync import SyncBridge

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")

PIN_SCREEN = "staff.pin"
STAFF_SCREEN = "staff"
TICKETS_SCREEN = "staff.tickets"
DECLARATION_SCREEN = "staff.declaration"
REFUSED_SCREEN = "staff.refused"
AUDIT_ENTRIES_SHOWN = 50
LOG_LINES_SHOWN = 300

#: One staff action's core work: the services and the grant in, a result out.
Work = Callable[["KioskServices", "StaffGrant | None"], T]


class StaffFlow(QObject):
    """Made for one visit with the staff pages, and deleted with them."""

    # The PIN was refused: ``TrText`` to show on the pad.
    pin_refused = Signal(object)
    # Fresh audit entries for the staff screen: ``list[AuditEntry]``.
    audit_loaded = Signal(object)
    # What the core changed (``kiosk.changes.Changes``): pages refresh what they show.
    changed = Signal(object)
    # "Đồng bộ ngay" was audited and the sync worker asked for a pass.
    sync_requested = Signal()

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        # The citizen's screen staff mode was opened over: "Hủy" on the PIN pad goes back.
        self._came_from = host.current_screen()
        host.screen_changed.connect(self._screen_changed)
        host.changes.changed.connect(self.changed)

    def _screen_changed(self, name: str) -> None:
        if name != STAFF_SCREEN and not name.startswith(f"{STAFF_SCREEN}."):
            self._came_from = name

    # -- the core ----------------------------------------------------------------

    def services(self) -> KioskServices:
        return self._host.services()

    def run(self, fn: Callable[[], T], pool: Pool = Pool.DATABASE) -> Op[T]:
        return run(self._host, fn, pool=pool)

    def call(
        self,
        work: Work[T],
        done: Callable[[T], None],
        failed: Callable[[KioskError], None],
        *,
        pool: Pool = Pool.DATABASE,
    ) -> None:
        """One tap's core call: ``work(services, grant)`` off the UI thread, then ``done``
        with its result or ``failed`` with the core's refusal (the grant is checked
        there). Printing goes on ``Pool.IO``, so a slow printer never holds the database."""
        try:
            services = self.services()
        except KioskError as error:
            failed(error)
            return
        grant = self.grant
        self.run(lambda: work(services, grant), pool).on_success(done).on_failure(failed).start()

    @property
    def grant(self) -> StaffGrant | None:
        return self._host.visit.staff

    @property
    def is_unlocked(self) -> bool:
        return self.grant is not None

    def language(self) -> Language:
        return self._host.language

    def sync_bridge(self) -> SyncBridge | None:
        return self._host.sync()

    def office_printer(self) -> str | None:
        """The A4 printer's queue, or ``None`` when this kiosk prints no A4 forms."""
        try:
            return self.services().settings.office_printer
        except KioskError:
            return None

    # -- unlocking ---------------------------------------------------------------

    def check_pin(self, pin: str) -> None:
        try:
            staff = self.services().staff
        except KioskError as error:
            self.pin_refused.emit(error.message)
            return
        self.run(lambda: staff.unlock(pin)).on_success(self._granted).on_failure(
            lambda error: self.pin_refused.emit(error.message)
        ).start()

    def _granted(self, grant: StaffGrant) -> None:
        self._host.visit.staff = grant
        self._host.show_screen(STAFF_SCREEN)

    def cancel(self) -> None:
        """Back to the citizen's screen; from home, home (which ends an empty visit)."""
        came_from = self._came_from
        if came_from and came_from not in ("home", "error"):
            self._host.show_screen(came_from)
        else:
            self._host.go_home()

    # -- moving between the staff pages ------------------------------------------

    def show(self, name: str) -> None:
        self._host.show_screen(name)

    def back_to_hub(self) -> None:
        self._host.show_screen(STAFF_SCREEN)

    def hide_keyboard(self) -> None:
        self._host.hide_keyboard()

    def show_error(self, error: KioskError) -> None:
        self._host.show_error(error)

    # -- what staff see ----------------------------------------------------------

    def log_lines(self) -> list[str]:
        """The newest lines of the log, from memory (already masked)."""
        return LOG_TAIL.lines()[-LOG_LINES_SHOWN:]

    def load_audit(self) -> None:
        self.call(
            lambda services, grant: services.staff.audit_entries(grant, AUDIT_ENTRIES_SHOWN),
            self.audit_loaded.emit,
            self._host.show_error,
        )

    def sync_now(self) -> None:
        """ "Đồng bộ ngay": audited, then a pass as soon as the worker can (never waits)."""
        bridge = self._host.sync()
        if bridge is None:
            self._host.show_error(StartingUpError())
            return

        def asked() -> None:
            self.sync_requested.emit()  # first: the pass may report before the call returns
            bridge.request_sync()

        self._record_then("staff.sync_now", asked)

    # -- leaving -----------------------------------------------------------------

    def lock(self) -> None:
        """ "Khóa lại & về trang chủ": the visit ends, which locks the grant (audited)."""
        self._host.end_visit()

    def leave_kiosk_mode(self) -> None:
        self._record_then("staff.leave_kiosk_mode", self._host.leave_kiosk_mode)

    def quit(self) -> None:
        self._record_then("staff.quit", self._host.quit)

    def setup_configured(self) -> bool:
        """Whether the setup can be opened on the screen: a setup code is configured."""
        try:
            return self.services().settings.setup_code is not None
        except KioskError:
            return False

    def open_setup(self) -> None:
        """ "Thiết lập kiosk": the setup journey, behind its own setup code."""
        self._host.show_screen("setup")

    def _record_then(self, action: str, then: Callable[[], None]) -> None:
        """Write the audit entry first, then act: a missing grant stops the action."""
        self.call(
            lambda services, grant: services.staff.record(grant, action),
            lambda _: then(),
            self._host.show_error,
        )
