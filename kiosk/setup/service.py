"""The setup's steps as plain calls, for the command line and the setup screens alike.

Each answer is checked, applied, then stored with its step marked done, so a step that
failed (a wrong enrolment code, a taken kiosk number) is asked again and one that
went through is not. The answers take effect through the settings (``kiosk.config``
lays them over IT's file at start-up); the enrolment and the staff member are in the
database at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from kiosk.config import Settings
from kiosk.setup import printers
from kiosk.setup.answers import SetupAnswers, read_answers, write_answers
from kiosk.setup.errors import (
    CentreNameError,
    KioskNumberError,
    OfficePrinterError,
    ServerUrlError,
)
from kiosk.setup.steps import STEPS, Step
from kiosk.staff.roster import DEFAULT_NAME
from kiosk.sync.api import Enrolment
from kiosk.sync.connection import check_server_url
from kiosk.sync.errors import InsecureServerError
from kiosk.sync.service import SyncService
from wire.i18n import TrText

if TYPE_CHECKING:
    from kiosk.printing.probe import ProbeResult
    from kiosk.services import KioskServices
    from kiosk.staff.roster import StaffMember

log = logging.getLogger("kiosk.setup")


@dataclass(frozen=True, slots=True)
class PrinterChoice:
    """The receipt printer stored, and what IT should read about it."""

    uri: str
    #: Reached now; ``None`` for a kind that cannot be checked (a folder, a queue).
    reachable: bool | None
    notes: tuple[TrText, ...]


#: Who the audit log names for what the setup does.
SETUP_ACTOR = "it"


class SetupService:
    """One kiosk's setup: its stored answers and the steps that change them."""

    def __init__(self, services: KioskServices) -> None:
        self._services = services
        self._data_dir = services.paths.data_dir

    # --- where the setup stands -----------------------------------------------------

    def answers(self) -> SetupAnswers:
        return read_answers(self._data_dir)

    def pending(self) -> list[Step]:
        done = set(self.answers().done)
        return [step for step in STEPS if step.value not in done]

    def is_done(self) -> bool:
        return not self.pending()

    def settings(self) -> Settings:
        """The settings in force with the answers stored so far laid over them."""
        values = self.answers().settings_values()
        return msgspec.structs.replace(self._services.settings, **values)

    # --- the steps ------------------------------------------------------------------

    def set_centre(self, name: str) -> None:
        clean = " ".join(name.split())
        if not 1 <= len(clean) <= 120:
            raise CentreNameError()
        self._store(Step.CENTRE, centre_name=clean)

    def set_kiosk_number(self, number: int | str) -> None:
        text = str(number).strip()
        if not (len(text) == 1 and text in "123456789"):
            raise KioskNumberError()
        before = self.answers()
        self._store(Step.KIOSK_NUMBER, kiosk_number=int(text))
        if before.server_url and before.kiosk_number != int(text):
            # The server knows the kiosk by its number: enrol again with the new one.
            self._undo(Step.SERVER)

    def enrol(self, server_url: str, code: str) -> Enrolment:
        """Enrol with the server (``SyncService.enrol``: the code is used only once the
        token can be kept), then store the server URL the whole kiosk uses.

        Raises ``SyncError`` (``KioskNumberTakenError``, a used code...) with nothing
        stored; ``ServerUrlError`` for an address that is not one.
        """
        url = self._server_url(server_url)
        settings = msgspec.structs.replace(self.settings(), server_url=url)
        services = self._services
        sync = SyncService(
            services.db,
            settings,
            leases=services.tickets.leases,
            forms=services.forms,
            on_catalogue_changed=services.catalog.invalidate,
            audit=services.audit,
            clock=services.clock,
        )
        enrolment = sync.enrol(code, url, actor=SETUP_ACTOR)
        self._store(Step.SERVER, server_url=url)
        return enrolment

    def without_server(self) -> None:
        """This kiosk runs offline only: no enrolment, tickets numbered by itself."""
        self._store(Step.SERVER, server_url="")

    def set_printer(self, uri: str, paper_width_mm: int) -> PrinterChoice:
        """Store the receipt printer with its paper width, after one probe.

        The probe (``kiosk.printing.probe``) prints nothing; a printer that is reached
        but never answers status is stored with ``status=off`` (else every ticket would
        wait out the status timeout), and the choice says so. An unreachable printer is
        stored as given (it may be plugged in later), with the message saying so; a
        serial line too slow for a ticket in a few seconds adds a warning.
        """
        from kiosk.printing.probe import probe_printer
        from kiosk.printing.speed import slow_line_warning

        text = printers.with_paper_width(uri, paper_width_mm)
        probe = probe_printer(text)
        stored = probe.suggested_uri
        self._store(Step.PRINTER, printer=stored)
        notes = [probe.message]
        if probe.fault is not None:
            notes.append(probe.fault)
        slow = slow_line_warning(stored)  # serial lines only
        if slow is not None:
            notes.append(slow)
        return PrinterChoice(stored, probe.reachable, tuple(notes))

    def probe_printer(self, uri: str) -> ProbeResult:
        """Reach the printer and ask its status once; prints and stores nothing.
        Raises ``InvalidPrinterUriError``."""
        from kiosk.printing.probe import probe_printer

        return probe_printer(uri)

    def print_test_slip(self, uri: str) -> None:
        """Print the test page on ``uri``; raises ``PrinterError``. Stores nothing."""
        printers.print_test_slip(uri, self._services.paths.printouts)

    def set_office_printer(self, queue: str | None) -> None:
        """The A4 printer's queue name, or ``None``/empty for no A4 printing."""
        name = (queue or "").strip()
        if name:
            try:
                msgspec.convert({"office_printer": name}, Settings, strict=True)
            except msgspec.ValidationError as exc:
                raise OfficePrinterError() from exc
        self._store(Step.OFFICE_PRINTER, office_printer=name)

    def set_first_staff(self, name: str, pin: str) -> StaffMember:
        """Add the first staff member with their PIN, or, redone, set that member's PIN.

        The PIN rules are the staff module's (``kiosk.staff.rules``); a refused PIN
        raises with what to choose instead, and nothing is stored.
        """
        staff = self._services.staff
        clean = name.strip() or DEFAULT_NAME
        known = {member.name for member in staff.members()}
        if clean in known:
            member = staff.reset_pin(clean, pin, actor=SETUP_ACTOR)
        else:
            member = staff.add_member(clean, pin, actor=SETUP_ACTOR)
        self._store(Step.STAFF)
        return member

    # --- plumbing -------------------------------------------------------------------

    def _server_url(self, text: str) -> str:
        url = text.strip().rstrip("/")
        try:
            msgspec.convert({"server_url": url}, Settings, strict=True)
            return check_server_url(url)
        except (msgspec.ValidationError, InsecureServerError) as exc:
            raise ServerUrlError() from exc

    def _undo(self, step: Step) -> None:
        current = self.answers()
        done = tuple(value for value in current.done if value != step.value)
        write_answers(self._data_dir, msgspec.structs.replace(current, done=done))

    def _store(self, step: Step, **values: object) -> None:
        current = self.answers()
        done = tuple(s.value for s in STEPS if s.value in current.done or s is step)
        write_answers(self._data_dir, msgspec.structs.replace(current, done=done, **values))
        log.info("setup step %s done", step.value)
