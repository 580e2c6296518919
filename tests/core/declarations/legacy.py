"""A declaration as kiosks stored it before the mã tờ khai: an ``HS-…`` reference."""

from __future__ import annotations

from sqlalchemy import select, update

from kiosk.db.models import Declaration, OutboxEntry, Ticket
from kiosk.services import KioskServices


def make_legacy(services: KioskServices, reference: str, legacy: str) -> None:
    """Give the stored declaration ``reference`` the older reference ``legacy``, as a
    kiosk from before the change wrote it: its row, its outbox payload and any ticket
    linked to it. The sealed answers are bound to the row's id, not to its reference,
    so they open as before."""
    with services.db.transaction() as session:
        declaration = session.scalars(
            select(Declaration).where(Declaration.reference == reference)
        ).one()
        declaration.reference = legacy
        for entry in session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == declaration.id)
        ):
            entry.payload = {**entry.payload, "reference": legacy}
        session.execute(
            update(Ticket)
            .where(Ticket.declaration_reference == reference)
            .values(declaration_reference=legacy)
        )
