"""The data key as IT sees it: how it stands, what it cannot open, and clearing that away.

The key itself is found or made when the database opens (``kiosk.db.datakey``); the
column types seal and open (``kiosk.db.sealed``). This service is what ``doctor`` and
``python -m kiosk datakey`` ask: one call each.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.audit import AuditLog
from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.db.datakey import DataKeyStatus, fold_wal
from kiosk.db.unreadable import ColumnCensus, UnreadableRemoved, census, remove_unreadable
from kiosk.staff.grant import GrantCheck, StaffGrant

log = logging.getLogger("kiosk.db")


@dataclass(frozen=True, slots=True)
class DataKeyReport:
    """The key's state at opening, and every sealed column's values now."""

    status: DataKeyStatus
    columns: tuple[ColumnCensus, ...]

    @property
    def unreadable(self) -> int:
        return sum(column.unreadable_count for column in self.columns)

    @property
    def plain(self) -> int:
        return sum(column.plain for column in self.columns)

    @property
    def opened(self) -> int:
        return sum(column.opened for column in self.columns)

    @property
    def missing_keys(self) -> tuple[str, ...]:
        return tuple(sorted({key for column in self.columns for key in column.missing_keys}))


class DataKeyService:
    """The data key's report, and IT's removal of what a lost key sealed."""

    def __init__(self, db: Database, audit: AuditLog, clock: Clock, *, staff: GrantCheck) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock
        self._staff = staff

    def report(self) -> DataKeyReport:
        """How the key stands and what each sealed column holds; opens every value."""
        return DataKeyReport(self._db.data_key, tuple(census(self._db.engine)))

    def remove_unreadable(self, grant: StaffGrant | None) -> UnreadableRemoved:
        """IT's word that the old key is gone for good: blank what it sealed (see
        ``kiosk.db.unreadable``), audited ``datakey.purge_unreadable`` with the counts.

        Raises ``DataKeyUnavailableError`` (nothing changed) while the kiosk has no key:
        the blanked rows are sealed too.
        """
        actor = self._staff.require(grant)
        with self._db.transaction() as session:
            removed = remove_unreadable(session, self._clock())
            if removed.total:
                self._audit.record_in(
                    session,
                    actor,
                    "datakey.purge_unreadable",
                    declarations=removed.declarations,
                    accounts=removed.accounts,
                    entries=removed.outbox_entries,
                )
        if removed.total:
            fold_wal(self._db.engine)
            log.warning(
                "removed unreadable personal data: %d declarations, %d accounts, %d outbox entries",
                removed.declarations,
                removed.accounts,
                removed.outbox_entries,
            )
        return removed


def assess(report: DataKeyReport) -> tuple[str, str]:
    """``(status, detail)`` for ``doctor`` and ``datakey status``: ``ok``, ``warning``
    (values lost with a key) or ``error`` (no key: personal data cannot be stored).

    Names key ids and counts, never a key or a value.
    """
    status = report.status
    if not status.can_seal:
        why = status.problem.render() if status.problem is not None else "no key store"
        waiting = f"; {report.plain} values stored in clear wait for a key" if report.plain else ""
        return "error", f"no data key ({why}): personal data cannot be stored{waiting}"
    found = f"key {status.key_id} in {status.store}"
    if report.unreadable:
        missing = ", ".join(report.missing_keys) or "none"
        return "warning", (
            f"{found}; {report.unreadable} stored values cannot be opened (sealed with key "
            f"{missing}, which this kiosk does not have, or altered). What the server "
            "acknowledged is safe there; what was not synced is lost unless that key comes "
            "back. Restore it (keyring entry mot-cua-kiosk/data-key-<id>, or the right "
            "data_key_file) and restart, or remove them: "
            "python -m kiosk datakey purge-unreadable --yes"
        )
    replaced = (
        f" (replaced lost key {status.lost_key_id}; nothing it sealed is left)"
        if status.lost_key_id
        else ""
    )
    return "ok", f"{found}{replaced}; {report.opened} values sealed"
