"""What sync tells the rest of the kiosk: plain frozen values, safe to pass between threads.

The staff screen shows :class:`SyncStatus`; ``python -m kiosk sync`` prints a
:class:`SyncReport`. Neither carries personal data: counts, times, versions and
translatable error texts only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from wire.i18n import TrText

#: ``ok``: every step ran; ``retry``: the server or network failed, try again later;
#: ``needs_enrolment``: the server refused the token or there is none;
#: ``not_configured``: no server URL at all, the kiosk is offline-only.
Outcome = Literal["ok", "retry", "needs_enrolment", "not_configured"]


def _iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat()


def _text(error: TrText | None) -> str | None:
    return None if error is None else error.render()


@dataclass(frozen=True, slots=True)
class Enrolment:
    """Who this kiosk is to its server; the token is in the keyring, not here."""

    device_id: uuid.UUID
    centre_id: uuid.UUID
    centre_name: str
    server_url: str
    enrolled_at: datetime

    def as_json(self) -> dict[str, object]:
        return {
            "device_id": str(self.device_id),
            "centre_id": str(self.centre_id),
            "centre_name": self.centre_name,
            "server_url": self.server_url,
            "enrolled_at": self.enrolled_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class LeaseGrant:
    """A block of số thứ tự the server leased during a pass."""

    service_code: str
    service_day: date
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge removed: rows whose personal data went, and files (``kiosk.privacy``)."""

    declarations: int = 0
    accounts: int = 0
    outbox_entries: int = 0
    #: Refused uploads nobody resolved in ``refused_retention_days``, discarded.
    refused_discarded: int = 0
    #: Printouts and spool files removed, and their bytes.
    files: int = 0
    file_bytes: int = 0

    @property
    def removed_anything(self) -> bool:
        """Whether a row lost personal data (files aside: they never touch the database)."""
        return bool(
            self.declarations or self.accounts or self.outbox_entries or self.refused_discarded
        )

    def as_json(self) -> dict[str, int]:
        return {
            "declarations": self.declarations,
            "accounts": self.accounts,
            "outbox_entries": self.outbox_entries,
            "refused_discarded": self.refused_discarded,
            "files": self.files,
            "file_bytes": self.file_bytes,
        }


@dataclass(frozen=True, slots=True)
class PushReport:
    """What one pass did with the outbox."""

    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    #: Waiting for a later pass (back-off, or the push stopped on an error).
    deferred: bool = False


@dataclass(frozen=True, slots=True)
class SyncReport:
    """One sync pass, for the CLI and the logs."""

    outcome: Outcome
    started_at: datetime
    finished_at: datetime
    #: The server answered at least once during the pass.
    online: bool
    error: TrText | None = None
    #: Not worth trying before this: the server's ``Retry-After``, or the back-off of
    #: the outbox entries that failed; ``None`` lets the caller pick its own back-off.
    retry_at: datetime | None = None
    catalogue_version: str | None = None
    catalogue_updated: bool = False
    forms_published: int = 0
    push: PushReport = field(default_factory=PushReport)
    #: Entries still waiting for the server after the pass.
    pending: int = 0
    leases: tuple[LeaseGrant, ...] = ()
    purge: PurgeReport = field(default_factory=PurgeReport)

    def as_json(self) -> dict[str, object]:
        return {
            "outcome": self.outcome,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat(),
            "online": self.online,
            "error": _text(self.error),
            "retry_at": _iso(self.retry_at),
            "catalogue_version": self.catalogue_version,
            "catalogue_updated": self.catalogue_updated,
            "forms_published": self.forms_published,
            "sent": self.push.sent,
            "accepted": self.push.accepted,
            "duplicates": self.push.duplicates,
            "rejected": self.push.rejected,
            "pending": self.pending,
            "leases": [
                {
                    "service_code": grant.service_code,
                    "service_day": grant.service_day.isoformat(),
                    "first": grant.first,
                    "last": grant.last,
                }
                for grant in self.leases
            ],
            "purged": self.purge.as_json(),
        }


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The sync state the staff screen shows (trạng thái đồng bộ)."""

    #: ``None`` until the server was tried; then whether it answered.
    online: bool | None
    enrolled: bool
    needs_enrolment: bool
    device_id: uuid.UUID | None
    centre_name: str | None
    server_url: str | None
    last_attempt_at: datetime | None
    last_success_at: datetime | None
    last_error: TrText | None
    #: Outbox entries the server has not acknowledged yet (rejected ones excluded).
    pending: int
    #: Outbox entries the server refused for good, kept for staff.
    rejected: int
    catalogue_version: str | None
    #: A pass is running right now.
    syncing: bool = False
    #: When the worker plans its next pass, if it runs.
    next_attempt_at: datetime | None = None

    @property
    def connected(self) -> bool:
        """What reaches the centre now: the server answered *and* accepted this kiosk.

        A server that refuses the token answers, yet nothing a citizen submits gets
        through, so the kiosk must not call itself online.
        """
        return self.online is True and not self.needs_enrolment

    def as_json(self) -> dict[str, object]:
        return {
            "online": self.online,
            "enrolled": self.enrolled,
            "needs_enrolment": self.needs_enrolment,
            "device_id": None if self.device_id is None else str(self.device_id),
            "centre_name": self.centre_name,
            "server_url": self.server_url,
            "last_attempt_at": _iso(self.last_attempt_at),
            "last_success_at": _iso(self.last_success_at),
            "last_error": _text(self.last_error),
            "pending": self.pending,
            "rejected": self.rejected,
            "catalogue_version": self.catalogue_version,
            "syncing": self.syncing,
            "next_attempt_at": _iso(self.next_attempt_at),
        }
