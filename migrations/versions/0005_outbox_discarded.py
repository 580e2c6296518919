"""The outbox remembers refused entries staff discarded.

Revision ID: 0005
Revises: 0004

``outbox.discarded_at`` marks a refused entry staff closed for good, with a reason
in the audit log; its payload's personal fields were removed then. Entries already on
a kiosk start as not discarded. Downgrade drops the column again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("discarded_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("discarded_at")
