"""The server's tables, as SQLAlchemy 2.0 declarative models.

Everything belongs to a centre (Trung tâm Hành chính công or a commune's bộ phận một
cửa): a kiosk enrolled at one centre reads and writes that centre's rows only. Rows a
kiosk made keep the kiosk's UUIDs, so an upload retried any number of times is stored
once. The schema is owned by Alembic (``server/migrations/``); a change here needs a
new migration, and ``tests/server/test_migrations.py`` fails until both agree.
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

from server.db.types import UTCDateTime

JsonObject = dict[str, Any]

#: Named constraints, so later migrations can alter them in SQLite's batch mode.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), JsonObject: JSON()}  # noqa: RUF012


class Centre(Base):
    """A centre whose kiosks share one catalogue, one queue numbering and its dossiers."""

    __tablename__ = "centres"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class Device(Base):
    """An enrolled kiosk. Only the SHA-256 of its bearer token is kept."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"), index=True)
    name: Mapped[str] = mapped_column(String(20))
    kiosk_number: Mapped[int] = mapped_column(Integer)
    app_version: Mapped[str] = mapped_column(String(32))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]


class EnrolmentCode(Base):
    """A one-time code the admin hands to IT staff; only its hash is kept."""

    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("devices.id"))


class Publication(Base):
    """A catalogue or form version published to a centre's kiosks.

    ``sequence`` orders every publication and is what the change feed's cursor counts;
    rows are never changed or deleted, so a cursor keeps meaning the same thing.
    """

    __tablename__ = "publications"
    __table_args__ = (
        CheckConstraint("kind IN ('catalogue', 'form')", name="kind"),
        Index("ix_publications_centre_sequence", "centre_id", "sequence"),
    )

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    kind: Mapped[str] = mapped_column(String(16))
    #: The form's id; the catalogue's ``catalogue_version`` for a catalogue.
    name: Mapped[str] = mapped_column(String(64))
    #: The form's version; ``None`` for a catalogue.
    version: Mapped[int | None] = mapped_column(Integer)
    #: The struct as JSON (``CatalogueFile`` or ``FormDefinition``), exactly as served.
    content: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime]


class ReceivedEntry(Base):
    """One outbox entry a kiosk uploaded, kept as sent; its id makes a retry harmless."""

    __tablename__ = "received_entries"
    __table_args__ = (
        CheckConstraint("outcome IN ('accepted', 'rejected')", name="outcome"),
        Index("ix_received_entries_device_sequence", "device_id", "sequence"),
    )

    entry_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    entity_type: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    operation: Mapped[str] = mapped_column(String(16))
    payload: Mapped[JsonObject]
    created_at: Mapped[datetime]
    received_at: Mapped[datetime]
    #: ``rejected`` entries are kept too (without their payload), so a retry gets the
    #: same answer.
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(String(200))
    #: For an account: when the operator exported it or handed it on, and when its data
    #: was purged after the retention (``server.retention``).
    exported_at: Mapped[datetime | None]
    handed_on_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]


class Dossier(Base):
    """A hồ sơ submitted at a kiosk, and what the counter did with it."""

    __tablename__ = "dossiers"
    __table_args__ = (
        UniqueConstraint("centre_id", "reference"),
        CheckConstraint(
            "state IN ('received', 'processing', 'needs_more', 'done', 'rejected')",
            name="state",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    reference: Mapped[str] = mapped_column(String(32))
    procedure_code: Mapped[str] = mapped_column(String(32))
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[int] = mapped_column(Integer)
    answers: Mapped[JsonObject]
    kiosk_name: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(16))
    #: A short word from the counter to the citizen ("thiếu bản sao giấy khai sinh").
    note: Mapped[str] = mapped_column(String(200), default="")
    submitted_at: Mapped[datetime]
    received_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    #: When the operator exported the dossier or handed it on; its answers are purged
    #: the retention after the first of these (``server.retention``), at ``purged_at``.
    exported_at: Mapped[datetime | None]
    handed_on_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]
    #: The citizen's consent to the kiosk's privacy notice, as sent
    #: (``wire.protocol.Consent``: purposes, time, notice version and hash, language);
    #: ``None`` from kiosks older than the notice. Not personal data: never purged.
    consent: Mapped[JsonObject | None]


class Ticket(Base):
    """A số thứ tự a kiosk printed: queue facts only, never personal data."""

    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint("status IN ('issued', 'voided')", name="status"),
        Index("ix_tickets_centre_service_day", "centre_id", "service_code", "service_day"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"))
    service_code: Mapped[str] = mapped_column(String(4))
    service_day: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[datetime]
    people_ahead: Mapped[int] = mapped_column(Integer)
    #: A priority ticket (ưu tiên); never which group, and then no ``dossier_reference``.
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    dossier_reference: Mapped[str | None] = mapped_column(String(32))
    kiosk_name: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16))
    voided_at: Mapped[datetime | None]
    received_at: Mapped[datetime]


class NumberLease(Base):
    """A block of ticket numbers granted to one kiosk; blocks of a queue and day never overlap."""

    __tablename__ = "number_leases"
    __table_args__ = (
        UniqueConstraint("centre_id", "service_code", "service_day", "first_number"),
        CheckConstraint("first_number <= last_number", name="range"),
        CheckConstraint("first_number >= 1 AND last_number <= 699", name="shared_range"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("centres.id"))
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("devices.id"), index=True)
    service_code: Mapped[str] = mapped_column(String(4))
    service_day: Mapped[date] = mapped_column(Date)
    first_number: Mapped[int] = mapped_column(Integer)
    last_number: Mapped[int] = mapped_column(Integer)
    granted_at: Mapped[datetime]


class AdminRead(Base):
    """An admin command that showed or wrote out personal data: who, what, when, which.

    ``os_user`` is the operating-system account that ran ``python -m server admin``;
    one row per dossier or account entry read, so "who saw this dossier" is one query.
    """

    __tablename__ = "admin_reads"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    read_at: Mapped[datetime] = mapped_column(index=True)
    os_user: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    centre_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("centres.id"))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    detail: Mapped[str] = mapped_column(String(200))
