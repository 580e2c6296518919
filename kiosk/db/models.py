"""The kiosk's local tables, as SQLAlchemy 2.0 declarative models.

Three kinds of data live here (see DESIGN.md, "Data the kiosk keeps"):

- the **catalogue** (thủ tục, lĩnh vực, cơ quan, quầy): owned by the server, replaced
  whole; keyed by its natural national codes, which are what the server sends;
- **citizen data** (tài khoản, tờ khai đã điền, số thứ tự): made on the kiosk; UUID keys made
  here, so an upload can be retried any number of times and the server keeps one copy;
- **bookkeeping**: the outbox, sync state, the audit log, staff members and their PINs.

Citizen rows name catalogue rows by code *without* a foreign key on purpose: a
catalogue update may withdraw a procedure, and a declaration already filed for it must
stay. The schema is owned by Alembic (``migrations/``); a change here needs a new
migration, and ``tests/core/test_migrations.py`` fails until both agree.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.db.sealed import SealedJSON, install_row_binding
from kiosk.db.types import UTCDateTime

#: A JSON object column's Python type.
JsonObject = dict[str, Any]

#: Named constraints, so later migrations can alter them in SQLite's batch mode
#: (which must drop and recreate constraints by name).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every kiosk table; its metadata is what Alembic compares against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), JsonObject: JSON()}  # noqa: RUF012


#: Sealed values are bound to their rows in every flush (see ``kiosk.db.sealed``),
#: for every table, those declared later included.
install_row_binding(Base)


# --- Catalogue (server-owned, read-only on the kiosk) ---------------------------------
#
# Shaped by ``wire.catalogue`` (see ``kiosk.catalog.store``): the columns are what
# the kiosk filters, joins and lists by; ``procedures.body`` keeps the whole procedure.

#: A procedure code with a province's suffix: ``1.001193`` or ``1.001193.HN``.
PROCEDURE_CODE_LENGTH = 32
#: A slugged code (lĩnh vực, cơ quan): ``ho-tich``, ``ubnd-xa``.
SLUG_LENGTH = 64
#: What ``declarations.answers`` values are sealed for (see ``Declaration.answers``).
ANSWERS_LABEL = "dossiers.answers"


class CatalogMeta(Base):
    """Which catalogue is loaded: one row, replaced with the catalogue itself."""

    __tablename__ = "catalog_meta"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: The catalogue's own version (``catalogue_version`` in the file).
    version: Mapped[str] = mapped_column(String(64))
    #: ``bundled`` (shipped with the kiosk), ``import`` (IT's command) or ``server``.
    source: Mapped[str] = mapped_column(String(16))
    #: The file's format: ``kiosk`` (kiosk-catalogue) or ``portal``.
    format: Mapped[str] = mapped_column(String(16))
    loaded_at: Mapped[datetime]
    #: SHA-256 of the catalogue's canonical encoding: the same content is not re-written.
    content_hash: Mapped[str] = mapped_column(String(64))


class Field(Base):
    """A lĩnh vực (field) such as "Hộ tịch", used to browse procedures."""

    __tablename__ = "fields"

    code: Mapped[str] = mapped_column(String(SLUG_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    #: Order on the browse screen.
    position: Mapped[int] = mapped_column(Integer, default=0)


class Agency(Base):
    """A cơ quan (agency) that receives or decides a procedure."""

    __tablename__ = "agencies"

    code: Mapped[str] = mapped_column(String(SLUG_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    #: ``bo``, ``tinh``, ``xa`` or ``khac`` (schema ``Level``).
    level: Mapped[str] = mapped_column(String(8))


class QueueService(Base):
    """A queue (hàng đợi) citizens take a số thứ tự for, such as "A – Tư pháp – Hộ tịch"."""

    __tablename__ = "queue_services"

    #: The letter printed before the ticket number: ``A`` in "A-015".
    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(1000))
    #: Counter (quầy) numbers serving this queue, e.g. ``[1, 2]``.
    counters: Mapped[list[int]] = mapped_column(JSON)
    #: Opening hours per weekday, e.g. ``{"mon": [["07:30", "11:30"], ...], ...}``.
    opening_hours: Mapped[JsonObject]
    #: Tickets a day before the kiosk says "hết số"; ``None`` means no limit.
    daily_limit: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Đối tượng ưu tiên this queue serves first, e.g. ``["nguoi_cao_tuoi", ...]``.
    priority_groups: Mapped[list[str]] = mapped_column(JSON)


class Procedure(Base):
    """A thủ tục hành chính, keyed by its national code (e.g. ``1.001193``)."""

    __tablename__ = "procedures"

    code: Mapped[str] = mapped_column(String(PROCEDURE_CODE_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    #: Cấp thực hiện, comma-joined schema levels: ``xa`` or ``bo,tinh``.
    levels: Mapped[str] = mapped_column(String(32))
    field_code: Mapped[str] = mapped_column(ForeignKey("fields.code"), index=True)
    #: ``toan_trinh``, ``mot_phan`` or ``khong``.
    online: Mapped[str] = mapped_column(String(16))
    popularity: Mapped[int] = mapped_column(Integer, default=0)
    #: The queue a citizen joins for this procedure at the counters.
    queue_service_code: Mapped[str | None] = mapped_column(ForeignKey("queue_services.code"))
    #: The form (tờ khai) the kiosk offers; the newest version of it is used.
    form_id: Mapped[str | None] = mapped_column(String(64))
    #: The whole ``schema.Procedure`` as JSON text written by msgspec. Text, not the JSON
    #: type, so reading it back skips the standard library's (slower) JSON parser.
    body: Mapped[str] = mapped_column(Text)


class ProcedureAgency(Base):
    """Which cơ quan handle a procedure, in the catalogue's order."""

    __tablename__ = "procedure_agencies"

    procedure_code: Mapped[str] = mapped_column(
        ForeignKey("procedures.code", ondelete="CASCADE"), primary_key=True
    )
    agency_code: Mapped[str] = mapped_column(
        ForeignKey("agencies.code"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class FormDefinition(Base):
    """A tờ khai's fields and pages, versioned so old declarations keep their meaning."""

    __tablename__ = "form_definitions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    definition: Mapped[JsonObject]


# --- Citizen data (kiosk-owned until the server acknowledges it) ----------------------


class Account(Base):
    """A citizen's portal account registration, made at the kiosk."""

    __tablename__ = "accounts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    #: What the citizen entered, sealed (``kiosk.db.sealed``); removed (``{}``) when purged.
    data: Mapped[JsonObject] = mapped_column(SealedJSON("accounts.data"))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    acknowledged_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]


class Declaration(Base):
    """A tờ khai đã điền: a filled form for one procedure, with the mã tờ khai on its slip.

    Not a hồ sơ: the citizen brings it to the counter, where the dossier is received
    into the province's system with its own mã hồ sơ. The table was ``dossiers`` until
    migration 0008.
    """

    __tablename__ = "declarations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    #: The mã tờ khai (``kiosk.declarations.reference``): printed on the slip, typed by
    #: staff to find the declaration again.
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    procedure_code: Mapped[str] = mapped_column(String(PROCEDURE_CODE_LENGTH))
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[int] = mapped_column(Integer)
    #: The citizen's answers, sealed (``kiosk.db.sealed``); removed (``{}``) when purged.
    #: Sealed under the label of the table's old name: the label is part of every stored
    #: value's associated data, so changing it would make the rows sealed so far
    #: unreadable (and a migration has no key to seal them again).
    answers: Mapped[JsonObject] = mapped_column(SealedJSON(ANSWERS_LABEL))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    #: When the server confirmed it has the declaration; purging waits for this.
    acknowledged_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]
    #: The citizen's consent to the privacy notice (``kiosk.consent.ConsentRecord`` as
    #: JSON: purposes, time, notice version and hash, language); ``None`` for declarations
    #: from before 0006. Not personal data: kept when the answers are purged.
    consent: Mapped[JsonObject | None]


class Ticket(Base):
    """A số thứ tự printed for one queue on one service day."""

    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("service_code", "service_day", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    service_code: Mapped[str] = mapped_column(String(4))
    #: The centre's local day (Asia/Ho_Chi_Minh) the number belongs to.
    service_day: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime]
    people_ahead: Mapped[int] = mapped_column(Integer)
    declaration_reference: Mapped[str | None] = mapped_column(String(40))
    #: ``pending``, ``printed``, ``failed`` or ``voided``, so staff can reprint what did
    #: not come out; a voided ticket keeps its number (never reused, never silently skipped).
    print_status: Mapped[str] = mapped_column(String(16))
    #: A priority ticket (ưu tiên). Which group the citizen belongs to is never
    #: recorded, and a priority ticket has no ``declaration_reference`` (DESIGN.md, "Privacy").
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The kiosk that issued it (``settings.kiosk_name``); ``None`` for tickets before 0003.
    kiosk_name: Mapped[str | None] = mapped_column(String(20))
    printed_at: Mapped[datetime | None]
    #: Why the last print failed, as a translatable text ``{context, source, params}``.
    print_error: Mapped[JsonObject | None]
    #: How many times staff reprinted it.
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    voided_at: Mapped[datetime | None]


class NumberLease(Base):
    """A block of ticket numbers this kiosk may print, so kiosks never collide."""

    __tablename__ = "number_leases"
    __table_args__ = (
        Index("ix_number_leases_service_day", "service_code", "service_day"),
        CheckConstraint("first_number <= last_number", name="range"),
        CheckConstraint(
            "next_number BETWEEN first_number AND last_number + 1", name="next_in_range"
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    service_code: Mapped[str] = mapped_column(String(4))
    service_day: Mapped[date] = mapped_column(Date)
    first_number: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)
    #: The next number to hand out; ``last_number + 1`` once the block is used up.
    next_number: Mapped[int] = mapped_column(Integer)
    #: ``server`` for a block the server leased, ``local`` for this kiosk's offline band,
    #: ``standalone`` for a block a kiosk without a server took from the shared range
    #: (see ``docs/queue-numbers.md``).
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


# --- Bookkeeping ------------------------------------------------------------------------


class OutboxEntry(Base):
    """A change the server must receive, written in the same transaction as the change.

    ``sequence`` gives the upload order; ``AUTOINCREMENT`` keeps it monotonic even
    after the newest rows are deleted. ``entry_id`` is the idempotency key the
    server deduplicates on, so a retried upload is harmless.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "acknowledged_at", "sequence"),
        {"sqlite_autoincrement": True},
    )

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    #: ``dossier`` (a declaration: protocol v1's name), ``ticket``, ``account``...
    entity_type: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: ``create``, ``update`` or ``delete``.
    operation: Mapped[str] = mapped_column(String(16))
    #: What the server receives, sealed: a declaration's or an account's copies its answers.
    #: Bound to ``entry_id``, the one id known before the INSERT.
    payload: Mapped[JsonObject] = mapped_column(SealedJSON("outbox.payload", row_key="entry_id"))
    created_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    #: Back-off: not retried before this instant; ``None`` means as soon as possible.
    next_attempt_at: Mapped[datetime | None]
    #: Why the last upload failed, for the staff screen; never personal data.
    last_error: Mapped[str | None] = mapped_column(Text)
    acknowledged_at: Mapped[datetime | None]
    #: The server refused the entry for good (its payload is wrong): kept for staff,
    #: never sent again, and no longer holding up the entries behind it.
    rejected_at: Mapped[datetime | None]
    #: Staff closed a refused entry for good (the reason is in the audit log); its
    #: payload and its row's personal data were removed then. Never sent, never retried.
    discarded_at: Mapped[datetime | None]


class SyncState(Base):
    """Small facts the sync worker keeps between runs (catalogue cursor, last success)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditRecord(Base):
    """One staff action (unlock, reprint, leave kiosk mode...); never holds a PIN."""

    __tablename__ = "audit_log"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(64))
    #: A dotted name such as ``staff.unlock``.
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[JsonObject]


#: A member's name, short enough to be an audit actor (``staff:<name>``, 64 at most).
STAFF_NAME_LENGTH = 50
#: A member's optional short code, such as ``CB01``.
STAFF_CODE_LENGTH = 8


class StaffMemberRecord(Base):
    """A member of staff (cán bộ): a name, an optional short code, their own PIN's hash.

    The PIN alone says who unlocks, so no two members share one (checked when set).
    """

    __tablename__ = "staff_members"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    #: Shown on the staff screen and written into the audit log as ``staff:<name>``.
    name: Mapped[str] = mapped_column(String(STAFF_NAME_LENGTH), unique=True)
    #: Upper-case letters and digits; IT may name the member by it on the command line.
    code: Mapped[str | None] = mapped_column(String(STAFF_CODE_LENGTH), unique=True)
    #: ``$argon2id$v=19$m=...`` or an older kiosk's ``scrypt$n$r$p$salt$hash``
    #: (see ``kiosk.staff.pin``).
    pin_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class StaffLockout(Base):
    """The PIN pad's wrong tries and lock-out, for the whole kiosk: one row, so a restart
    keeps the lock. A wrong PIN names no member, so tries cannot be counted per member."""

    __tablename__ = "staff_lockout"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Wrong PINs since the last right one (or IT's ``staff unlock``): every fifth locks
    #: the pad, each time for longer (``kiosk.staff.lockout``).
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime]
