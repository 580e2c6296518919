"""Consent stored with each dossier; a ticket's priority group becomes a plain flag.

Revision ID: 0006
Revises: 0005

``dossiers.consent`` holds the citizen's consent to the privacy notice (purposes,
time, notice version and hash, language) as JSON; dossiers already on a kiosk were
filed before the notice existed and keep ``NULL``.

Priority groups are ticket facts only (DESIGN.md, "Privacy"): ``tickets.priority``
becomes a boolean, true where a group was recorded, and the group itself is dropped.
A priority ticket is never linked to a dossier, so those tickets lose their
``dossier_reference``. Their outbox payloads are rewritten the same way, whether sent
already or not, so no group and no such link is left on the kiosk or uploaded later.

Downgrade drops the consent column and turns the flag back into an empty group
column (in the tables and the payloads): the groups were deleted, so priority
tickets come back as ordinary ones.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("consent", sa.JSON(), nullable=True))
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(
            sa.Column("is_priority", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        "UPDATE tickets SET is_priority = 1, dossier_reference = NULL WHERE priority IS NOT NULL"
    )
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("priority")
        batch.alter_column("is_priority", new_column_name="priority")
    _rewrite_ticket_payloads(upgrading=True)


def _rewrite_ticket_payloads(*, upgrading: bool) -> None:
    """Every ticket ``create`` payload with the flag in place of the group (upgrade),
    or with no group at all, as the older protocol expects (downgrade)."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT sequence, payload FROM outbox "
            "WHERE entity_type = 'ticket' AND operation = 'create'"
        )
    ).all()
    for sequence, stored in rows:
        payload: Any = json.loads(stored) if isinstance(stored, str) else stored
        if not isinstance(payload, dict):
            continue
        priority = bool(payload.get("priority"))
        payload["priority"] = priority if upgrading else None
        if priority:
            payload["dossier_reference"] = None
        connection.execute(
            sa.text("UPDATE outbox SET payload = :payload WHERE sequence = :sequence"),
            {"payload": json.dumps(payload, ensure_ascii=False), "sequence": sequence},
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("priority")
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("priority", sa.String(32), nullable=True))
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("consent")
    _rewrite_ticket_payloads(upgrading=False)
