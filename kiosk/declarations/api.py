"""What the declaration service hands out: plain frozen values, never live database rows."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from kiosk.consent import ConsentRecord
from wire.answers import Answers
from wire.forms import Wording

#: ``pending``: waiting for the sync worker (or being retried); ``sent``: the server
#: acknowledged it; ``rejected``: the server refused it for good and staff must look;
#: ``discarded``: staff closed the refused upload and the answers were deleted.
OutboxStatus = Literal["pending", "sent", "rejected", "discarded"]


@dataclass(frozen=True, slots=True)
class SubmittedDeclaration:
    """A declaration just committed to the kiosk's database with its outbox entry, and all the
    done page shows of it: the screen needs no second call to the core."""

    id: uuid.UUID
    reference: str
    procedure_code: str
    form_id: str
    form_version: int
    submitted_at: datetime
    #: The tờ khai's title, in both languages.
    form_title: Wording
    #: The thủ tục's name; ``None`` when the catalogue does not list it.
    procedure_name: str | None
    #: The counter queue of the thủ tục, for "Lấy số thứ tự"; ``None`` when the
    #: catalogue names none or does not list the procedure.
    queue_service: str | None


@dataclass(frozen=True, slots=True)
class OutboxState:
    """Where the declaration's upload stands, for the staff screen and ``declaration show``."""

    status: OutboxStatus
    attempts: int
    #: Why the last upload failed; never personal data.
    last_error: str | None
    next_attempt_at: datetime | None
    acknowledged_at: datetime | None
    rejected_at: datetime | None
    #: When staff discarded the refused upload (the reason is in the audit log).
    discarded_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeclarationView:
    """A stored declaration as staff look it up: what was submitted and how far it got.

    ``answers`` is a copy and is empty once the declaration is purged (``purged_at``).
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
    #: ``None`` only for a declaration whose outbox entry was already cleaned up.
    outbox: OutboxState | None
    #: The thủ tục's name and the tờ khai's title, filled by ``DeclarationService.lookup``
    #: so the staff screen needs no second call; ``None`` when the catalogue or the
    #: form library no longer knows them (and in the views other calls return).
    procedure_name: str | None = None
    form_title: Wording | None = None
    #: The citizen's consent stored with it; ``None`` for a declaration from before the
    #: privacy notice. Kept after the answers are purged: it proves they were allowed.
    consent: ConsentRecord | None = None
