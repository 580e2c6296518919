"""Retention of personal data and the audit of admin reads.

Revision ID: 0002
Revises: 0001

A dossier's answers, and the data of an account a kiosk registered, are kept until the
centre's operator has exported them or handed them on, and for the retention after
that (``server.retention``): ``exported_at`` and ``handed_on_at`` say when, and
``purged_at`` when they were removed. ``admin_reads`` records every admin command
that showed or wrote out personal data: who (the operating-system user), what, when,
and which dossier or entry.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_MARKS = ("exported_at", "handed_on_at", "purged_at")


def upgrade() -> None:
    for table in ("dossiers", "received_entries"):
        with op.batch_alter_table(table) as batch:
            for column in _MARKS:
                batch.add_column(sa.Column(column, sa.DateTime(), nullable=True))
    op.create_table(
        "admin_reads",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.Column("os_user", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("centre_id", sa.Uuid(), sa.ForeignKey("centres.id"), nullable=True),
        sa.Column("dossier_id", sa.Uuid(), nullable=True),
        sa.Column("entry_id", sa.Uuid(), nullable=True),
        sa.Column("detail", sa.String(200), nullable=False),
    )
    op.create_index(op.f("ix_admin_reads_read_at"), "admin_reads", ["read_at"])
    op.create_index(op.f("ix_admin_reads_dossier_id"), "admin_reads", ["dossier_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_admin_reads_dossier_id"), table_name="admin_reads")
    op.drop_index(op.f("ix_admin_reads_read_at"), table_name="admin_reads")
    op.drop_table("admin_reads")
    for table in ("received_entries", "dossiers"):
        with op.batch_alter_table(table) as batch:
            for column in reversed(_MARKS):
                batch.drop_column(column)
