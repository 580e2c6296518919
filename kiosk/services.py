"""The core services the UI and the command line talk to, built in one place."""

from __future__ import annotations

import logging

from kiosk.audit import AuditLog
from kiosk.catalog.service import CatalogService
from kiosk.clock import Clock, utc_now
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.dossiers import DossierService
from kiosk.forms.library import FormLibrary
from kiosk.paths import KioskPaths
from kiosk.printing.service import PrintService
from kiosk.queue.desk import TicketDesk
from kiosk.queue.tickets import TicketService
from kiosk.staff import StaffAccess
from kiosk.sync.service import SyncService

log = logging.getLogger("kiosk.services")


class KioskServices:
    """Every core service of one running kiosk.

    Construction is cheap and touches no disk, so the first screen can paint before
    :meth:`open` migrates the database and loads the bundled data.
    """

    def __init__(self, settings: Settings, paths: KioskPaths, clock: Clock = utc_now) -> None:
        self.settings = settings
        self.paths = paths
        self.clock = clock
        self.db = Database(paths.database)
        self.audit = AuditLog(self.db, clock)
        self.staff = StaffAccess(self.db, self.audit, clock)
        self.catalog = CatalogService(self.db, clock)
        self.forms = FormLibrary(self.db)
        self.printing = PrintService(settings.printer, paths.printouts)
        self.tickets = TicketService(self.db, self.audit, clock, settings)
        #: Issues and prints số thứ tự: the screen's, the CLI's and the benchmark's path.
        self.desk = TicketDesk(self.tickets, self.printing, settings)
        #: Hồ sơ: submit a filled tờ khai, its receipt and A4 PDF, staff look-ups.
        self.dossiers = DossierService(
            self.db, self.audit, clock, settings, catalog=self.catalog, forms=self.forms
        )
        #: Enrolment, sync passes, purge and status; ``SyncWorker`` runs it on a thread.
        self.sync = SyncService(
            self.db,
            settings,
            leases=self.tickets.leases,
            forms=self.forms,
            on_catalogue_changed=self.catalog.invalidate,
            audit=self.audit,
            clock=clock,
        )

    def open(self) -> None:
        """Create or upgrade the database and load the bundled data; raises ``KioskError``."""
        self.db.open()
        log.info("database ready at %s", self.paths.database)

    def close(self) -> None:
        self.db.close()
