"""PrivacyService: citizens' personal data leaves the kiosk on time, rows and files alike.

One purge for every caller: the window runs :meth:`PrivacyService.purge_due` at
start-up and then on a timer (a kiosk with no server has no sync worker to do it), the
sync worker after each pass, IT with ``python -m kiosk privacy purge``. Each run

1. blanks the database rows the retention allows, discards refused uploads nobody
   resolved in time, and truncates the write-ahead log (``kiosk.sync.purge``);
2. sweeps the printouts, the ``file:`` printer's folder and the A4 spool
   (``kiosk.privacy.files``): files of purged declarations, files past their age, and the
   oldest files over the size cap.

Runs never overlap within a process (a lock); across processes each step is its own
transaction, and a file another run removed first is simply gone.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

from kiosk.audit import AuditLog
from kiosk.clock import Clock
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.privacy.files import FileRules, KioskFolders, contents, sweep_folders
from kiosk.privacy.report import PrivacyReport, build_report
from kiosk.staff.grant import GrantCheck, StaffGrant
from kiosk.sync.api import PurgeReport
from kiosk.sync.purge import RetentionPolicy, purge_personal_data


class PrivacyService:
    """Purges and reports the personal data this kiosk holds."""

    def __init__(
        self,
        db: Database,
        audit: AuditLog,
        clock: Clock,
        settings: Settings,
        *,
        folders: KioskFolders,
        has_server: Callable[[], bool],
        staff: GrantCheck,
    ) -> None:
        """``has_server``: whether a server will acknowledge what the kiosk sends (one is
        configured or enrolled); without one the retention counts from submission."""
        self._db = db
        self._audit = audit
        self._clock = clock
        self._settings = settings
        self._folders = folders
        self._has_server = has_server
        self._staff = staff
        self._lock = threading.Lock()

    @property
    def folders(self) -> KioskFolders:
        return self._folders

    def purge_due(self) -> PurgeReport:
        """Remove what the settings' retention says is due; audited by ``kiosk`` when
        anything was. Cheap when nothing is due: a few indexed queries and two folder
        listings."""
        return self._purge(self._policy(), actor=None)

    def purge_now(
        self, grant: StaffGrant | None, *, older_than_days: int | None = None
    ) -> PurgeReport:
        """IT's or staff's purge: as :meth:`purge_due`, with ``older_than_days`` in place of
        ``retention_days`` when given (0: everything the rules allow at all). Always
        audited ``privacy.purge`` by the grant's actor.
        """
        actor = self._staff.require(grant)
        if older_than_days is not None and older_than_days < 0:
            raise ValueError("older_than_days must not be negative")
        return self._purge(self._policy(older_than_days), actor=actor)

    def report(self, grant: StaffGrant | None) -> PrivacyReport:
        """What personal data the kiosk holds now and when it leaves; staff only."""
        self._staff.require(grant)
        now = self._clock()
        printed, spool = contents(self._folders)
        with self._db.transaction() as session:
            return build_report(session, self._policy(), now, printed, spool)

    def _policy(self, retention_days: int | None = None) -> RetentionPolicy:
        return RetentionPolicy.of(
            self._settings, standalone=not self._has_server(), retention_days=retention_days
        )

    def _purge(self, policy: RetentionPolicy, *, actor: str | None) -> PurgeReport:
        with self._lock:
            if actor is None:
                rows = purge_personal_data(self._db, self._clock, policy, audit=self._audit)
            else:
                rows = purge_personal_data(
                    self._db, self._clock, policy, audit=self._audit, actor=actor, always_audit=True
                )
            files = sweep_folders(
                self._db,
                self._folders,
                FileRules.of(self._settings, policy.retention),
                self._clock(),
            )
        return replace(rows, files=files.files, file_bytes=files.bytes)
