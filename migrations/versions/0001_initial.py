"""The kiosk's first schema: catalogue, citizen data, outbox, audit log, staff PIN.

Revision ID: 0001
Revises: (none)

Written by hand to read like the models in ``kiosk/db/models.py``;
``tests/core/test_migrations.py`` proves the two agree. The types are plain
SQLAlchemy types (the models' ``UTCDateTime`` stores a ``DATETIME``), so this file
never changes when the models' Python code does.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Catalogue: server-owned, keyed by the national codes the server sends.
    op.create_table(
        "catalog_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_catalog_meta"),
        sa.CheckConstraint("id = 1", name="ck_catalog_meta_single_row"),
    )
    op.create_table(
        "fields",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_fields"),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_agencies"),
    )
    op.create_table(
        "queue_services",
        sa.Column("code", sa.String(4), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("counters", sa.JSON(), nullable=False),
        sa.Column("opening_hours", sa.JSON(), nullable=False),
        sa.Column("daily_limit", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_queue_services"),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(64), nullable=False),
        sa.Column("field_code", sa.String(32), nullable=False),
        sa.Column("agency_code", sa.String(32), nullable=True),
        sa.Column("online_level", sa.String(16), nullable=False),
        sa.Column("queue_service_code", sa.String(4), nullable=True),
        sa.Column("form_id", sa.String(64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_procedures"),
        sa.ForeignKeyConstraint(
            ["field_code"], ["fields.code"], name="fk_procedures_field_code_fields"
        ),
        sa.ForeignKeyConstraint(
            ["agency_code"], ["agencies.code"], name="fk_procedures_agency_code_agencies"
        ),
        sa.ForeignKeyConstraint(
            ["queue_service_code"],
            ["queue_services.code"],
            name="fk_procedures_queue_service_code_queue_services",
        ),
    )
    op.create_index("ix_procedures_field_code", "procedures", ["field_code"])
    op.create_table(
        "form_definitions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", "version", name="pk_form_definitions"),
    )

    # Citizen data: UUIDs made on the kiosk, so uploads can be retried safely.
    op.create_table(
        "accounts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
    )
    op.create_table(
        "dossiers",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("procedure_code", sa.String(20), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_dossiers"),
        sa.UniqueConstraint("reference", name="uq_dossiers_reference"),
    )
    op.create_table(
        "tickets",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_code", sa.String(4), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("people_ahead", sa.Integer(), nullable=False),
        sa.Column("dossier_reference", sa.String(40), nullable=True),
        sa.Column("print_status", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
        sa.UniqueConstraint(
            "service_code",
            "service_day",
            "number",
            name="uq_tickets_service_code_service_day_number",
        ),
    )
    op.create_table(
        "number_leases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("service_code", sa.String(4), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("first_number", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.Column("next_number", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_number_leases"),
        sa.CheckConstraint("first_number <= last_number", name="ck_number_leases_range"),
        sa.CheckConstraint(
            "next_number BETWEEN first_number AND last_number + 1",
            name="ck_number_leases_next_in_range",
        ),
    )
    op.create_index(
        "ix_number_leases_service_day", "number_leases", ["service_code", "service_day"]
    )

    # Bookkeeping.
    op.create_table(
        "outbox",
        # AUTOINCREMENT: upload order stays monotonic even after rows are deleted.
        sa.Column("sequence", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("entity_type", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name="pk_outbox"),
        sa.UniqueConstraint("entry_id", name="uq_outbox_entry_id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_pending", "outbox", ["acknowledged_at", "sequence"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_sync_state"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_table(
        "staff_credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_credentials"),
        sa.CheckConstraint("id = 1", name="ck_staff_credentials_single_row"),
    )


def downgrade() -> None:
    # Children before parents, so foreign keys (which are on) never block a drop.
    for table in (
        "staff_credentials",
        "audit_log",
        "sync_state",
        "outbox",
        "number_leases",
        "tickets",
        "dossiers",
        "accounts",
        "form_definitions",
        "procedures",
        "queue_services",
        "agencies",
        "fields",
        "catalog_meta",
    ):
        op.drop_table(table)
