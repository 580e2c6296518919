"""The core services the UI and the command line talk to, built in one place."""

from __future__ import annotations

import logging

from kiosk.audit import AuditLog
from kiosk.bundled_data import load_bundled_data
from kiosk.catalog.service import CatalogService
from kiosk.changes import ChangeFeed
from kiosk.clock import Clock, utc_now
from kiosk.config import Settings
from kiosk.consent import ConsentService
from kiosk.crypto.keys import key_store
from kiosk.db import Database
from kiosk.declarations import DeclarationService
from kiosk.forms.library import FormLibrary
from kiosk.paths import KioskPaths
from kiosk.printing.office import spool_folder
from kiosk.printing.service import PrintService
from kiosk.privacy import KioskFolders, PrivacyService
from kiosk.queue.desk import TicketDesk
from kiosk.queue.tickets import TicketService
from kiosk.sealing import DataKeyService
from kiosk.slips import SlipService
from kiosk.staff import StaffAccess
from kiosk.sync.refused import RefusedUploads
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
        #: What each committed transaction changed: screens and the sync worker listen.
        self.changes = ChangeFeed()
        #: Personal data is sealed with the data key kept where the settings say.
        self.db = Database(
            paths.database,
            self.changes,
            keys=key_store(settings.data_key_file, paths.data_dir),
        )
        self.audit = AuditLog(self.db, clock)
        #: The staff PIN, and the grants every staff-only call below checks.
        self.staff = StaffAccess(self.db, self.audit, clock)
        self.catalog = CatalogService(self.db, clock, portal_domains=settings.portal_domains)
        self.forms = FormLibrary(self.db)
        #: The privacy notice and the record of a citizen's consent, before any form.
        self.consent = ConsentService(settings, clock)
        self.printing = PrintService(settings.printer, paths.printouts)
        #: Numbers from the server's leases as soon as the kiosk has a server, configured
        #: or enrolled (even while running): one server URL for every part of the kiosk.
        self.tickets = TicketService(
            self.db,
            self.audit,
            clock,
            settings,
            staff=self.staff,
            standalone=lambda session: not self.sync.has_server_in(session),
        )
        #: Tờ khai đã điền: save a filled tờ khai, its slip and A4 PDF, staff look-ups.
        self.declarations = DeclarationService(
            self.db,
            self.audit,
            clock,
            settings,
            catalog=self.catalog,
            forms=self.forms,
            staff=self.staff,
            spool=spool_folder(paths.printouts),
        )
        #: Every slip on the receipt printer, one call each: ticket, receipt, checklist, test.
        self.slips = SlipService(
            self.printing,
            settings.centre_name,
            catalog=self.catalog,
            declarations=self.declarations,
            audit=self.audit,
            staff=self.staff,
        )
        #: Issues and prints số thứ tự: the screen's, the CLI's and the benchmark's path.
        self.desk = TicketDesk(self.tickets, self.slips)
        #: Personal data leaving on time, rows and printed files; what the kiosk holds.
        self.privacy = PrivacyService(
            self.db,
            self.audit,
            clock,
            settings,
            folders=KioskFolders(
                paths.printouts, spool_folder(paths.printouts), self.printing.file_folder
            ),
            has_server=lambda: self.sync.server_url() is not None,
            staff=self.staff,
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
            purge=self.privacy.purge_due,
        )
        #: Outbox entries the server refused: staff list, retry or discard them.
        self.refused = RefusedUploads(self.db, self.audit, clock, staff=self.staff)
        #: The data key's state and what it cannot open, for doctor and IT.
        self.data_key = DataKeyService(self.db, self.audit, clock, staff=self.staff)

    def open(self) -> None:
        """Create or upgrade the database and load the bundled data; raises ``KioskError``."""
        self.db.open()
        try:
            load_bundled_data(self.db, self.clock)
        except BaseException:
            self.db.close()
            raise
        log.info("database ready at %s", self.paths.database)

    def close(self) -> None:
        self.db.close()
