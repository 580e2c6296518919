"""What the dossier service hands out: plain frozen values, never live database rows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from kiosk.forms.answers import Answers

#: ``pending``: waiting for the sync worker (or being retried); ``sent``: the server
#: acknowledged it; ``rejected``: the server refused it for good and staff must look.
OutboxStatus = Literal["pending", "sent", "rejected"]


@dataclass(frozen=True, slots=True)
class SubmittedDossier:
    """A hồ sơ just committed to the kiosk's database with its outbox entry."""

    id: uuid.UUID
    reference: str
    procedure_code: str
    form_id: str
    form_version: int
    submitted_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxState:
    """Where the dossier's upload stands, for the staff screen and ``dossier show``."""

    status: OutboxStatus
    attempts: int
    #: Why the last upload failed; never personal data.
    last_error: str | None
    next_attempt_at: datetime | None
    acknowledged_at: datetime | None
    rejected_at: datetime | None


@dataclass(frozen=True, slots=True)
class DossierView:
    """A stored hồ sơ as staff look it up: what was submitted and how far it got.

    ``answers`` is a copy and is empty once the dossier is purged (``purged_at``).
    """

    id: uuid.UUID
    reference: str
    procedure_code: str
    form_id: str
    form_version: int
    answers: Answers
    status: str
    submitted_at: datetime
    acknowledged_at: datetime | None
    purged_at: datetime | None
    #: ``None`` only for a dossier whose outbox entry was already cleaned up.
    outbox: OutboxState | None
