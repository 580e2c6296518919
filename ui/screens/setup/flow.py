"""The setup journey's state: the code gate, which step comes next, the core calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from kiosk.errors import KioskError
from kiosk.setup import SetupCodeGate, Step
from ui.host import run
from ui.ops import Pool

if TYPE_CHECKING:
    from kiosk.setup.service import SetupService
    from ui.host import Host

T = TypeVar("T")


def step_screen(step: Step) -> str:
    return f"setup.{step.value}"


class SetupFlow(QObject):
    """Shared by the journey's pages; the setup code is asked once per visit."""

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._gate = SetupCodeGate(host.services().settings.setup_code)
        self._setup: SetupService | None = None
        self.opened = False
        #: Whether this visit began with steps not done: then the last one goes home.
        self._first_run = False

    @property
    def setup(self) -> SetupService:
        if self._setup is None:
            from kiosk.setup.service import SetupService

            self._setup = SetupService(self.host.services())
        return self._setup

    def open_with(self, code: str) -> None:
        """Raises ``KioskError`` for a wrong code; else shows the next step."""
        self._gate.check(code)
        self.opened = True
        self._first_run = not self.setup.is_done()
        self.next_step()

    def next_step(self) -> None:
        pending = self.setup.pending()
        if pending:
            self.host.show_screen(step_screen(pending[0]))
        elif self._first_run:
            self.host.end_visit()
        else:
            self.host.show_screen("setup.menu")

    def enrolled(self) -> None:
        """The kiosk has a server now: the sync worker starts (it did not without one)."""
        bridge = self.host.sync()
        if bridge is not None:
            bridge.start()

    def redo(self, step: Step) -> None:
        self._first_run = False
        self.host.show_screen(step_screen(step))

    def call(
        self,
        work: Callable[[SetupService], T],
        done: Callable[[T], None],
        failed: Callable[[KioskError], None],
        *,
        pool: Pool = Pool.DATABASE,
    ) -> None:
        """One tap's core call off the UI thread (network and printers on ``Pool.IO``)."""
        setup = self.setup
        run(self.host, lambda: work(setup), pool=pool).on_success(done).on_failure(failed).start()
