"""Catalogue tables shaped by the kiosk catalogue format (``wire.catalogue``).

Revision ID: 0002
Revises: 0001

The catalogue is server-owned and replaced whole, so the old tables are dropped and
the new ones created empty rather than converted: on the next start
``Database.open()`` finds the catalogue empty and loads the bundled one (a synced
catalogue comes back with the next sync). Citizen data is not touched. Downgrade does
the same the other way round.

New: ``procedures.body`` (the whole procedure as JSON text), ``levels`` (several),
``popularity``, the ``procedure_agencies`` link (several agencies), slug codes up to
64 characters, and ``catalog_meta.format`` / ``content_hash`` for idempotent imports.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

#: Children before parents, so foreign keys (which are on) never block a drop.
_OLD_TABLES = ("procedures", "queue_services", "agencies", "fields", "catalog_meta")


def upgrade() -> None:
    for table in _OLD_TABLES:
        op.drop_table(table)
    op.create_table(
        "catalog_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("loaded_at", sa.DateTime(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_catalog_meta"),
        sa.CheckConstraint("id = 1", name="ck_catalog_meta_single_row"),
    )
    op.create_table(
        "fields",
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_fields"),
    )
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_agencies"),
    )
    op.create_table(
        "queue_services",
        sa.Column("code", sa.String(4), nullable=False),
        sa.Column("name", sa.String(1000), nullable=False),
        sa.Column("counters", sa.JSON(), nullable=False),
        sa.Column("opening_hours", sa.JSON(), nullable=False),
        sa.Column("daily_limit", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_queue_services"),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("levels", sa.String(32), nullable=False),
        sa.Column("field_code", sa.String(64), nullable=False),
        sa.Column("online", sa.String(16), nullable=False),
        sa.Column("popularity", sa.Integer(), nullable=False),
        sa.Column("queue_service_code", sa.String(4), nullable=True),
        sa.Column("form_id", sa.String(64), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_procedures"),
        sa.ForeignKeyConstraint(
            ["field_code"], ["fields.code"], name="fk_procedures_field_code_fields"
        ),
        sa.ForeignKeyConstraint(
            ["queue_service_code"],
            ["queue_services.code"],
            name="fk_procedures_queue_service_code_queue_services",
        ),
    )
    op.create_index("ix_procedures_field_code", "procedures", ["field_code"])
    op.create_table(
        "procedure_agencies",
        sa.Column("procedure_code", sa.String(32), nullable=False),
        sa.Column("agency_code", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("procedure_code", "agency_code", name="pk_procedure_agencies"),
        sa.ForeignKeyConstraint(
            ["procedure_code"],
            ["procedures.code"],
            name="fk_procedure_agencies_procedure_code_procedures",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["agencies.code"],
            name="fk_procedure_agencies_agency_code_agencies",
        ),
    )
    op.create_index("ix_procedure_agencies_agency_code", "procedure_agencies", ["agency_code"])


def downgrade() -> None:
    for table in ("procedure_agencies", *_OLD_TABLES):
        op.drop_table(table)
    # The shapes of revision 0001, empty.
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
