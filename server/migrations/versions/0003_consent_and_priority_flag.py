"""Consent stored with each dossier; a ticket's priority group becomes a plain flag.

Revision ID: 0003
Revises: 0002

``dossiers.consent`` keeps the citizen's consent to the kiosk's privacy notice as the
kiosk sent it (``wire.protocol.Consent``); dossiers received before have ``NULL``, as
do those from kiosks older than the notice.

Priority groups are ticket facts only (DESIGN.md, "Privacy"): ``tickets.priority``
becomes a boolean, true where a group was received, and the group is dropped; a
priority ticket is never linked to a dossier, so those tickets lose their
``dossier_reference``. The ticket payloads kept in ``received_entries`` are rewritten
the same way, so the server holds no group and no such link anywhere.

Downgrade drops the consent column and turns the flag back into an empty group
column (in the table and the payloads): priority tickets come back as ordinary ones.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_tickets = sa.table(
    "tickets",
    sa.column("priority", sa.String(32)),
    sa.column("is_priority", sa.Boolean()),
    sa.column("dossier_reference", sa.String(32)),
)
_entries = sa.table(
    "received_entries",
    sa.column("entry_id", sa.Uuid()),
    sa.column("entity_type", sa.String(16)),
    sa.column("operation", sa.String(16)),
    sa.column("payload", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("consent", sa.JSON(), nullable=True))
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(
            sa.Column("is_priority", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.execute(
        _tickets.update()
        .where(_tickets.c.priority.is_not(None))
        .values(is_priority=True, dossier_reference=None)
    )
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("priority")
        batch.alter_column("is_priority", new_column_name="priority")
    _rewrite_ticket_payloads(upgrading=True)


def _rewrite_ticket_payloads(*, upgrading: bool) -> None:
    """Every received ticket ``create`` payload with the flag in place of the group
    (upgrade), or with no group at all, as the older protocol has it (downgrade)."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(_entries.c.entry_id, _entries.c.payload).where(
            _entries.c.entity_type == "ticket", _entries.c.operation == "create"
        )
    ).all()
    for entry_id, stored in rows:
        if not isinstance(stored, dict):
            continue
        payload: dict[str, Any] = dict(stored)
        priority = bool(payload.get("priority"))
        payload["priority"] = priority if upgrading else None
        if priority:
            payload["dossier_reference"] = None
        connection.execute(
            _entries.update().where(_entries.c.entry_id == entry_id).values(payload=payload)
        )


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("priority")
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("priority", sa.String(32), nullable=True))
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("consent")
    _rewrite_ticket_payloads(upgrading=False)
