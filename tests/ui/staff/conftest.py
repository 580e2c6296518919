"""Staff's hands on the kiosk: the PIN pad, the staff screen and its pages, the keyboard.

:class:`StaffDriver` is the citizens' :class:`~tests.ui.form.form_driver.FormDriver`
(taps that bring a widget into view first, the on-screen keyboard) with what staff
do besides: unlock with the PIN, open a page from the staff screen, read its outcome
line. Kiosks whose uploads a server refused are made as ``tests/core/sync`` makes
them: the protocol double on loopback refuses the entries a test names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.services import KioskServices
from tests.conftest import STAFF_PIN
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import outbox_rows
from tests.ui.form.form_driver import FormDriver
from tests.ui.sync_driver import submit_declaration
from ui.main_window import KioskWindow
from ui.screens.staff.declaration import DeclarationPage
from ui.screens.staff.page import StaffPage
from ui.screens.staff.pin_pad import PinPadScreen
from ui.screens.staff.refused import RefusedPage
from ui.screens.staff.screen import StaffScreen
from ui.screens.staff.tickets import TicketsPage

P = TypeVar("P", bound=StaffPage)

#: The server's reason for the refused uploads these tests make (names no value).
REFUSAL = "procedure 1.001193 is not offered at this centre"


class StaffDriver(FormDriver):
    """A member of staff at the kiosk window."""

    @property
    def services(self) -> KioskServices:
        return self.window.services()

    @property
    def pad(self) -> PinPadScreen:
        pad = self.window.journey_screen("staff.pin")
        assert isinstance(pad, PinPadScreen)
        return pad

    @property
    def hub(self) -> StaffScreen:
        hub = self.window.journey_screen("staff")
        assert isinstance(hub, StaffScreen)
        return hub

    def type_pin(self, pin: str) -> None:
        """The digits on the pad, then OK."""
        for digit in pin:
            self.tap(self.pad.digit_buttons[digit])
        assert self.pad.field.text() == pin
        assert self.pad.field.displayText() != pin  # masked
        self.tap(self.pad.ok_button)

    def unlock(self, pin: str = STAFF_PIN) -> StaffScreen:
        """Ctrl+Alt+S's way in (the window's ``open_staff``), then the PIN."""
        self.window.open_staff()
        assert self.window.current_screen() == "staff.pin"
        self.type_pin(pin)
        assert self.window.current_screen() == "staff"
        return self.hub

    def open_page(self, button: QPushButton, page_type: type[P]) -> P:
        """A tap on one of the staff screen's buttons; the page it opens."""
        self.tap(button)
        page = self.window.screens[self.window.current_screen()]
        assert isinstance(page, page_type), self.window.current_screen()
        return page

    def tickets(self) -> TicketsPage:
        return self.open_page(self.hub.tickets_button, TicketsPage)

    def declaration(self) -> DeclarationPage:
        return self.open_page(self.hub.declaration_button, DeclarationPage)

    def refused(self) -> RefusedPage:
        return self.open_page(self.hub.refused_button, RefusedPage)

    def printouts(self) -> list[Path]:
        """What the ``file:`` receipt printer wrote, oldest first."""
        return sorted(self.services.paths.printouts.glob("*.bin"))

    def audit_actions(self, limit: int = 50) -> list[str]:
        return [entry.action for entry in self.services.audit.recent(limit)]

    def staff_screens(self) -> list[str]:
        """The staff journey's screens still on the window, once deletions ran."""
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return [name for name in self.window.screens if name.split(".")[0] == "staff"]


def database_holds(services: KioskServices, value: str) -> bool:
    """Whether any byte SQLite keeps for the kiosk's database (the file, its write-ahead
    log and index) holds ``value``, as UTF-8 or escaped inside stored JSON."""
    path = services.paths.database
    files = [path, *(Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal"))]
    data = b"".join(file.read_bytes() for file in files if file.exists())
    traces = (value.encode(), json.dumps(value).strip('"').encode())
    return any(trace in data for trace in traces)


def window_rect(widget: QWidget) -> QRect:
    """Where ``widget`` is, in its window's coordinates."""
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def shown_labels(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel) if label.isVisibleTo(root)]


@pytest.fixture
def staff(qtbot: QtBot, window: KioskWindow, staff_pin: str) -> StaffDriver:
    """Staff at the ``window`` fixture's kiosk, not unlocked yet."""
    return StaffDriver(qtbot, window)


@pytest.fixture
def staff_at(qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow]) -> Callable[..., StaffDriver]:
    """``staff_at(**settings)``: staff at a kiosk of its own (a printer, a server of the
    test's choice), the PIN set, not unlocked yet."""

    def make(**settings: object) -> StaffDriver:
        window = kiosk_factory(**settings)
        window.services().staff.set_pin(STAFF_PIN)
        return StaffDriver(qtbot, window)

    return make


@pytest.fixture
def double() -> Iterator[ProtocolDouble]:
    """The protocol double on loopback: a centre server a test can make refuse entries."""
    server = ProtocolDouble()
    server.start()
    yield server
    server.stop()


def refused_upload(services: KioskServices, double: ProtocolDouble) -> str:
    """Enrol the kiosk with the double, file a citizen's declaration and have the server refuse
    it at a sync pass: the declaration's reference."""
    services.sync.enrol(double.add_code())
    reference = submit_declaration(services)
    for row in outbox_rows(services):
        if row.entity_type == "dossier":
            double.refuse_entries[row.entry_id] = REFUSAL
    report = services.sync.sync_once()
    assert report.push.rejected == 1, report
    return reference


@pytest.fixture
def refused_declaration(
    staff_at: Callable[..., StaffDriver], double: ProtocolDouble
) -> tuple[StaffDriver, str]:
    """A kiosk enrolled with the double, whose citizen's declaration the server refused: staff
    there (not unlocked yet), and the declaration's reference."""
    driver = staff_at(server_url=double.url)
    return driver, refused_upload(driver.services, double)
