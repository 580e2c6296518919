"""Protocol v1 between a kiosk and its centre's server: the one definition of the wire.

Both sides decode every body with these structs (``msgspec.json.decode(body,
type=..., strict=True)``), so a payload one side accepts is a payload the other can
have sent; anything else is refused whole with an :class:`ErrorBody`. The server
shares only the ``wire`` package with the kiosk: this module and the catalogue and form
formats (with their readers and checks), so both ends validate a publication the same
way.
``docs/sync.md`` describes the exchanges for people.

Every request but enrolment and health carries ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

import msgspec
from msgspec import Meta

from wire.bounds import MAX_INT32, ONE_LINE
from wire.catalogue import CatalogueFile
from wire.forms import FormDefinition

PROTOCOL_VERSION = 1

#: The largest request body the server reads; an outbox batch stays well under it.
MAX_REQUEST_BYTES = 2 * 1024 * 1024
#: Entries in one outbox upload.
MAX_BATCH_ENTRIES = 500

ServiceCode = Annotated[str, Meta(pattern=r"^[A-Z]{1,4}\Z")]
#: A declaration's mã tờ khai: ``TK-…``, or ``HS-…`` as kiosks made them before.
Reference = Annotated[str, Meta(pattern=r"^(?:TK|HS)-[0-9]{1,2}-[0-9]{6}-[0-9]{3,6}\Z")]
ShortText = Annotated[str, Meta(max_length=200)]
#: A time with its UTC offset; its range is checked against the reader's clock
#: (``wire.bounds.time_problem``).
Instant = Annotated[datetime, Meta(tz=True)]
#: Texts a kiosk sends: one line, no control character (NUL would break PostgreSQL).
KioskName = Annotated[str, Meta(max_length=20, pattern=ONE_LINE)]
Int32 = Annotated[int, Meta(ge=0, le=MAX_INT32)]
#: A consent purpose's stable id, such as ``prepare_declaration``.
ConsentPurpose = Annotated[str, Meta(pattern=r"^[a-z][a-z0-9_]{0,39}\Z")]


class _Wire(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Unknown fields are refused: a newer peer must raise ``PROTOCOL_VERSION``."""


# --- errors ---------------------------------------------------------------------------

ErrorCode = Literal[
    "bad_request",  # the body or a parameter does not match this module
    "unauthorised",  # no token, an unknown token, or a revoked device
    "forbidden",  # the token is good but the thing belongs to another centre
    "not_found",
    "code_used",  # an enrolment code already used, expired or unknown
    "too_large",  # body above MAX_REQUEST_BYTES or batch above MAX_BATCH_ENTRIES
    "rate_limited",  # with a Retry-After header
    "exhausted",  # no ticket numbers left to lease for that service and day
    "kiosk_number_taken",  # another live kiosk of the centre has that kiosk_number
    "server_error",
]


class ErrorBody(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Every non-2xx answer. ``message`` is English for logs and staff, never shown raw
    to a citizen; the kiosk maps ``error`` to a translated text."""

    error: ErrorCode
    message: ShortText


# --- health and enrolment -------------------------------------------------------------


class Health(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``GET /v1/health``: no token needed; the kiosk's "is the server there" probe."""

    status: Literal["ok"] = "ok"
    protocol: int = PROTOCOL_VERSION
    server_time: Instant


class EnrolRequest(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``POST /v1/devices/enrol``: a one-time code from the centre's admin."""

    code: Annotated[str, Meta(min_length=6, max_length=64, pattern=ONE_LINE)]
    kiosk_name: Annotated[KioskName, Meta(min_length=1)]
    #: Unique among the centre's live kiosks: it sets the kiosk's offline number band
    #: and the middle of its mã tờ khai (``kiosk_number_taken`` otherwise).
    kiosk_number: Annotated[int, Meta(ge=1, le=9)]
    app_version: Annotated[str, Meta(max_length=32, pattern=ONE_LINE)]


class EnrolResponse(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The token is shown once; the server keeps only its hash."""

    device_id: uuid.UUID
    token: Annotated[str, Meta(min_length=32, max_length=128)]
    centre_id: uuid.UUID
    centre_name: Annotated[str, Meta(max_length=200)]


# --- catalogue change feed ------------------------------------------------------------


class CatalogChanges(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``GET /v1/catalog/changes?since=CURSOR`` (no ``since``: from the beginning).

    ``catalogue`` is the centre's whole current catalogue (procedures and queue
    services) when it changed after ``since``, else ``None``; ``forms`` are the form
    versions published after ``since``, oldest first. ``full`` says the kiosk must
    drop what it holds and take this as everything (first sync, or the server's data
    format moved on). ``more``: call again with ``cursor`` for the rest.

    The response carries ``ETag: "<cursor>"``; a request with ``If-None-Match`` of the
    current cursor gets ``304 Not Modified`` and no body: an unchanged catalogue costs
    one small request.
    """

    cursor: Annotated[str, Meta(min_length=1, max_length=64)]
    full: bool = False
    more: bool = False
    catalogue: CatalogueFile | None = None
    forms: tuple[FormDefinition, ...] = ()


# --- outbox upload --------------------------------------------------------------------

#: ``dossier`` is a declaration filled at the kiosk (v1 keeps the name, docs/sync.md).
EntityType = Literal["ticket", "dossier", "account"]
Operation = Literal["create", "update"]

#: A priority group's name as kiosks before the "ưu tiên only" rule sent it.
LegacyPriorityGroup = Annotated[str, Meta(max_length=32, pattern=ONE_LINE)]


def ticket_priority(value: bool | str | None) -> bool:
    """Whether a ``TicketCreate.priority`` as sent means a priority ticket."""
    return bool(value)


class TicketCreate(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``ticket``/``create``: queue facts only, never personal data.

    ``priority`` says only that the ticket is a priority one (ưu tiên), never which
    group the citizen belongs to (DESIGN.md, "Privacy"); a priority ticket carries no
    ``dossier_reference``. Kiosks from before that rule sent the group's name or
    ``null``: the server still accepts both, keeps ``True``/``False`` and drops the
    group and, for a priority ticket, the reference (see :func:`ticket_priority`).
    """

    id: uuid.UUID
    service_code: ServiceCode
    service_day: date
    number: Annotated[int, Meta(ge=1, le=999)]
    label: Annotated[str, Meta(max_length=16, pattern=ONE_LINE)]
    issued_at: Instant
    people_ahead: Int32
    priority: bool | LegacyPriorityGroup | None = False
    dossier_reference: Reference | None = None
    kiosk_name: KioskName | None = None


class TicketUpdate(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``ticket``/``update``: a staff member voided the ticket."""

    id: uuid.UUID
    status: Literal["voided"]
    voided_at: Instant


class Consent(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The citizen's consent to the kiosk's privacy notice (Law 91/2025/QH15).

    The purpose ids ticked, when, and which text: the notice's version and the hex
    SHA-256 of the exact text shown, in its language. Nothing about the person.
    """

    purposes: Annotated[tuple[ConsentPurpose, ...], Meta(max_length=16)]
    agreed_at: Instant
    notice_version: Annotated[str, Meta(pattern=r"^[0-9A-Za-z._-]{1,32}\Z")]
    notice_sha256: Annotated[str, Meta(pattern=r"^[0-9a-f]{64}\Z")]
    language: Annotated[str, Meta(pattern=r"^[a-z]{2}\Z")]


class DossierCreate(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``dossier``/``create``: a declaration filled at the kiosk (tờ khai đã điền) with
    its answers. Protocol v1 calls it a dossier; the name stays until a later version.

    ``consent`` is the record the kiosk refuses to submit without; kiosks from before
    the privacy notice send none, which the server accepts and stores as ``null``.
    """

    id: uuid.UUID
    reference: Reference
    procedure_code: Annotated[str, Meta(max_length=25, pattern=ONE_LINE)]
    form_id: Annotated[str, Meta(max_length=64, pattern=ONE_LINE)]
    form_version: Annotated[int, Meta(ge=1, le=MAX_INT32)]
    #: Checked by the server against the form version it published (``wire.checks``).
    answers: dict[str, Any]
    submitted_at: Instant
    kiosk_name: KioskName | None = None
    consent: Consent | None = None


class AccountCreate(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``account``/``create``: a citizen's registration made at the kiosk."""

    id: uuid.UUID
    data: dict[str, Any]
    created_at: Instant


#: The payload struct of each (entity type, operation) the server accepts.
PAYLOADS: dict[tuple[str, str], type[_Wire]] = {
    ("ticket", "create"): TicketCreate,
    ("ticket", "update"): TicketUpdate,
    ("dossier", "create"): DossierCreate,
    ("account", "create"): AccountCreate,
}


class OutboxItem(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One outbox row on the wire; ``id`` (the row's ``entry_id``) makes a retry harmless.

    ``payload`` is decoded again as ``PAYLOADS[(entity_type, operation)]``.
    """

    id: uuid.UUID
    sequence: Annotated[int, Meta(ge=1)]
    entity_type: EntityType
    entity_id: uuid.UUID
    operation: Operation
    payload: dict[str, Any]
    #: Not ``Instant``: a time without its offset here refuses this entry (the server
    #: checks it, ``wire.bounds.time_problem``), not the whole batch behind it.
    created_at: datetime


class OutboxBatch(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``POST /v1/outbox``: entries in the kiosk's outbox order."""

    entries: Annotated[tuple[OutboxItem, ...], Meta(min_length=1, max_length=MAX_BATCH_ENTRIES)]


EntryOutcome = Literal[
    "accepted",  # stored now
    "duplicate",  # stored before: this is a retry; as good as accepted
    "rejected",  # the payload is wrong; retrying will not help (see ``error``)
]


class EntryResult(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    id: uuid.UUID
    outcome: EntryOutcome
    error: ShortText | None = None


class OutboxResult(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One result per entry, in the order sent."""

    results: tuple[EntryResult, ...]


# --- ticket-number leases -------------------------------------------------------------


class LeaseRequest(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``POST /v1/leases``: a block of numbers for one queue and day."""

    service_code: ServiceCode
    service_day: date
    size: Annotated[int, Meta(ge=1, le=200)] = 50


class Lease(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``first``..``last`` (inclusive) are this kiosk's alone; never granted again."""

    service_code: ServiceCode
    service_day: date
    first: Annotated[int, Meta(ge=1, le=699)]
    last: Annotated[int, Meta(ge=1, le=699)]


# --- dossier status -------------------------------------------------------------------

DossierState = Literal["received", "processing", "needs_more", "done", "rejected"]


class DossierStatus(_Wire, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """``GET /v1/dossiers/{reference}``: what the counter did with a hồ sơ."""

    reference: Reference
    state: DossierState
    updated_at: Instant
    note: ShortText = ""


def encode(message: _Wire) -> bytes:
    return msgspec.json.encode(message)


T = TypeVar("T", bound=_Wire)


def decode(body: bytes, kind: type[T]) -> T:
    """``kind`` from ``body``; raises ``msgspec.ValidationError``/``DecodeError`` as is."""
    return msgspec.json.decode(body, type=kind, strict=True)
