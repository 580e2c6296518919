"""Dossiers take local-variant procedure codes; the outbox remembers refused entries.

Revision ID: 0004
Revises: 0003

``dossiers.procedure_code`` grows from 20 to 32 characters, the length of
``procedures.code`` (a province's variant such as ``1.001193.HN`` can be 25).
``outbox.rejected_at`` marks an entry the server refused for good: it is kept for
staff to see and never sent again, and it no longer holds up the entries behind it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.alter_column("procedure_code", type_=sa.String(32), existing_nullable=False)
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("rejected_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("rejected_at")
    with op.batch_alter_table("dossiers") as batch:
        batch.alter_column("procedure_code", type_=sa.String(20), existing_nullable=False)
