"""Staff have their own PINs; the PIN pad's lock-out is a table of its own.

Revision ID: 0007
Revises: 0006

``staff_members`` holds each member of staff: a name, an optional short code and
their own PIN's hash; the PIN a member types says who unlocked staff mode, and the
audit log names them. ``staff_lockout`` keeps the pad's wrong tries and lock for the
whole kiosk, as ``staff_credentials`` did.

The kiosk's single PIN is carried over as the unnamed member, called just "Cán bộ",
whom the audit log names ``staff`` as before; its scrypt hash is kept as it is: it
still unlocks, and the next right PIN re-hashes it with Argon2id. The count of wrong
tries and a running lock are carried over too.

Downgrade keeps one PIN, the unnamed member's (or the oldest member's), with the
lock-out, and drops the other members. A hash made with Argon2id cannot be read by
the older kiosk: there, that PIN is "wrong" until IT sets it again with
``python -m kiosk staff set-pin``.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

#: The member the single PIN becomes (``kiosk.audit.actors.UNNAMED_MEMBER``).
DEFAULT_NAME = "Cán bộ"


def upgrade() -> None:
    op.create_table(
        "staff_members",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(50), nullable=False),
        sa.Column("code", sa.String(8), nullable=True),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_members"),
        sa.UniqueConstraint("name", name="uq_staff_members_name"),
        sa.UniqueConstraint("code", name="uq_staff_members_code"),
    )
    op.create_table(
        "staff_lockout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_staff_lockout"),
        sa.CheckConstraint("id = 1", name="ck_staff_lockout_single_row"),
    )
    # A Uuid column on SQLite stores the 32 hex digits, as the models write it.
    op.execute(
        sa.text(
            "INSERT INTO staff_members (id, name, code, pin_hash, created_at, updated_at) "
            "SELECT :id, :name, NULL, pin_hash, updated_at, updated_at "
            "FROM staff_credentials WHERE id = 1"
        ).bindparams(id=uuid.uuid4().hex, name=DEFAULT_NAME)
    )
    op.execute(
        "INSERT INTO staff_lockout (id, failed_attempts, locked_until, updated_at) "
        "SELECT 1, failed_attempts, locked_until, updated_at FROM staff_credentials WHERE id = 1"
    )
    op.drop_table("staff_credentials")


def downgrade() -> None:
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
    op.execute(
        sa.text(
            "INSERT INTO staff_credentials "
            "(id, pin_hash, failed_attempts, locked_until, updated_at) "
            "SELECT 1, m.pin_hash, COALESCE(l.failed_attempts, 0), l.locked_until, m.updated_at "
            "FROM staff_members AS m LEFT JOIN staff_lockout AS l ON l.id = 1 "
            "ORDER BY m.name = :name DESC, m.created_at LIMIT 1"
        ).bindparams(name=DEFAULT_NAME)
    )
    op.drop_table("staff_lockout")
    op.drop_table("staff_members")
