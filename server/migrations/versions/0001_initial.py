"""The server's first schema: centres, kiosks, publications, what kiosks sent, leases.

Revision ID: 0001
Revises:

Times are naive UTC ``timestamp`` columns (``server.db.types.UTCDateTime`` adds the
zone back), so SQLite and PostgreSQL store the same values.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _centre() -> sa.Column[object]:
    return sa.Column("centre_id", sa.Uuid(), sa.ForeignKey("centres.id"), nullable=False)


def _device(nullable: bool = False) -> sa.Column[object]:
    return sa.Column("device_id", sa.Uuid(), sa.ForeignKey("devices.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "centres",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _centre(),
        sa.Column("name", sa.String(20), nullable=False),
        sa.Column("kiosk_number", sa.Integer(), nullable=False),
        sa.Column("app_version", sa.String(32), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
    )
    op.create_index(op.f("ix_devices_centre_id"), "devices", ["centre_id"])
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        _centre(),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        _device(nullable=True),
    )
    op.create_index(op.f("ix_enrolment_codes_centre_id"), "enrolment_codes", ["centre_id"])
    op.create_table(
        "publications",
        sa.Column("sequence", sa.Integer(), primary_key=True, autoincrement=True),
        _centre(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('catalogue', 'form')", name=op.f("ck_publications_kind")),
    )
    op.create_index("ix_publications_centre_sequence", "publications", ["centre_id", "sequence"])
    op.create_table(
        "received_entries",
        sa.Column("entry_id", sa.Uuid(), primary_key=True),
        _device(),
        _centre(),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("entity_type", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("error", sa.String(200), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('accepted', 'rejected')", name=op.f("ck_received_entries_outcome")
        ),
    )
    op.create_index(op.f("ix_received_entries_centre_id"), "received_entries", ["centre_id"])
    op.create_index(
        "ix_received_entries_device_sequence", "received_entries", ["device_id", "sequence"]
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _centre(),
        _device(),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("procedure_code", sa.String(32), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("kiosk_name", sa.String(20), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("centre_id", "reference"),
        sa.CheckConstraint(
            "state IN ('received', 'processing', 'needs_more', 'done', 'rejected')",
            name=op.f("ck_dossiers_state"),
        ),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _centre(),
        _device(),
        sa.Column("service_code", sa.String(4), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("people_ahead", sa.Integer(), nullable=False),
        sa.Column("priority", sa.String(32), nullable=True),
        sa.Column("dossier_reference", sa.String(32), nullable=True),
        sa.Column("kiosk_name", sa.String(20), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('issued', 'voided')", name=op.f("ck_tickets_status")),
    )
    op.create_index(
        "ix_tickets_centre_service_day", "tickets", ["centre_id", "service_code", "service_day"]
    )
    op.create_table(
        "number_leases",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _centre(),
        _device(),
        sa.Column("service_code", sa.String(4), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("first_number", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("centre_id", "service_code", "service_day", "first_number"),
        sa.CheckConstraint("first_number <= last_number", name=op.f("ck_number_leases_range")),
        sa.CheckConstraint(
            "first_number >= 1 AND last_number <= 699",
            name=op.f("ck_number_leases_shared_range"),
        ),
    )
    op.create_index(op.f("ix_number_leases_device_id"), "number_leases", ["device_id"])


def downgrade() -> None:
    for table in (
        "number_leases",
        "tickets",
        "dossiers",
        "received_entries",
        "publications",
        "enrolment_codes",
        "devices",
        "centres",
    ):
        op.drop_table(table)
