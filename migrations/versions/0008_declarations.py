"""The kiosk's record is a declaration (tờ khai đã điền), not a dossier (hồ sơ).

Revision ID: 0008
Revises: 0007

``dossiers`` becomes ``declarations``, with its constraints named after it
(``pk_declarations``, ``uq_declarations_reference``), and ``tickets.dossier_reference``
becomes ``tickets.declaration_reference``. Every row is copied as it is: ids,
references (old ``HS-…`` ones stay valid), answers and consent.

The answers stay readable without the data key, which a migration never has: a sealed
value's associated data names the column it was sealed for as ``dossiers.answers``,
and the model keeps that label (``kiosk.db.models.Declaration``), so the stored text is
copied byte for byte and opens as before.

What is not renamed: outbox entries keep ``entity_type = 'dossier'`` and ticket
payloads keep ``dossier_reference``, the names protocol v1 uses on the wire
(``docs/sync.md``); audit entries keep the action names they were written with.

Downgrade renames both back. Declarations filed by this version keep their ``TK-…``
references; an older kiosk still shows and prints them, but its protocol module
refuses to upload one that is still waiting (it knows only ``HS-…``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None

COLUMNS = (
    "id, reference, procedure_code, form_id, form_version, answers, status, "
    "created_at, acknowledged_at, purged_at, consent"
)


def _create(table: str) -> None:
    op.create_table(
        table,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
        sa.Column("procedure_code", sa.String(32), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.Column("consent", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("reference", name=f"uq_{table}_reference"),
    )


def _move(source: str, target: str) -> None:
    """``source`` becomes ``target``, its rows copied as stored (sealed text included)."""
    _create(target)
    op.execute(f"INSERT INTO {target} ({COLUMNS}) SELECT {COLUMNS} FROM {source}")
    op.drop_table(source)


def upgrade() -> None:
    _move("dossiers", "declarations")
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("dossier_reference", new_column_name="declaration_reference")


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("declaration_reference", new_column_name="dossier_reference")
    _move("declarations", "dossiers")
