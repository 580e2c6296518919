"""Queue tickets: priority groups, print outcome, void and the issuing kiosk.

Revision ID: 0003
Revises: 0002

Columns are only added, so tickets and leases already on a kiosk are kept as they
are. ``queue_services.priority_groups`` starts as all four đối tượng ưu tiên for
queues loaded before this revision (the next catalogue load replaces them whole);
``tickets.reprints`` starts at 0. Downgrade drops the new columns again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_ALL_GROUPS = '["nguoi_cao_tuoi", "nguoi_khuyet_tat", "phu_nu_co_thai", "nguoi_co_cong"]'
_TICKET_COLUMNS = ("priority", "kiosk_name", "printed_at", "print_error", "reprints", "voided_at")


def upgrade() -> None:
    with op.batch_alter_table("queue_services") as batch:
        batch.add_column(
            sa.Column(
                "priority_groups",
                sa.JSON(),
                nullable=False,
                server_default=sa.text(f"'{_ALL_GROUPS}'"),
            )
        )
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("priority", sa.String(32), nullable=True))
        batch.add_column(sa.Column("kiosk_name", sa.String(20), nullable=True))
        batch.add_column(sa.Column("printed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("print_error", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("reprints", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        for column in _TICKET_COLUMNS:
            batch.drop_column(column)
    with op.batch_alter_table("queue_services") as batch:
        batch.drop_column("priority_groups")
