"""Topping up số thứ tự leases, so a kiosk that goes offline still has numbers in hand.

For each queue still open today, when the numbers left in the blocks the server
leased fall below :data:`LOW_WATER`, the kiosk asks for another block of
:data:`BLOCK_SIZE` and holds it through ``NumberLeases.add_block(..., source="server")``.
A block the server granted but the kiosk never stored (the answer was lost) is only a
gap in the numbering, never a duplicate. See ``docs/queue-numbers.md``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import select

from kiosk.clock import LOCAL_TZ, Clock
from kiosk.db import Database
from kiosk.db.models import QueueService
from kiosk.queue.numbering import NumberLeases
from kiosk.queue.services import closed_for_today
from kiosk.sync.api import LeaseGrant
from kiosk.sync.errors import NumbersExhaustedOnServerError, ProtocolError, RequestRefusedError
from wire.protocol import LeaseRequest

if TYPE_CHECKING:
    from kiosk.sync.client import SyncClient

log = logging.getLogger("kiosk.sync")

#: Ask for a block when fewer shared numbers than this are left for a queue today.
LOW_WATER = 20
#: Numbers asked for at a time (the protocol's default block).
BLOCK_SIZE = 50


def top_up_leases(
    client: SyncClient,
    db: Database,
    leases: NumberLeases,
    clock: Clock,
    *,
    low_water: int = LOW_WATER,
    block_size: int = BLOCK_SIZE,
) -> tuple[LeaseGrant, ...]:
    """Lease blocks for today's open queues that run low; raises transient errors.

    A queue the server refuses (no numbers left, unknown to it) is skipped: the kiosk
    falls back on its offline band for it, and the other queues still get theirs.
    """
    local_now = clock().astimezone(LOCAL_TZ)
    day = local_now.date()
    with db.transaction() as session:
        queues = [
            (row.code, dict(row.opening_hours))
            for row in session.scalars(select(QueueService).order_by(QueueService.code))
        ]
    granted: list[LeaseGrant] = []
    for code, hours in queues:
        if closed_for_today(hours, local_now):
            continue
        if leases.remaining(code, day, shared_only=True) >= low_water:
            continue
        try:
            lease = client.lease(LeaseRequest(service_code=code, service_day=day, size=block_size))
        except NumbersExhaustedOnServerError:
            log.info("server has no numbers left for queue %s today", code)
            continue
        except RequestRefusedError as exc:
            log.warning("server refused a lease for queue %s: %s", code, exc.code)
            continue
        try:
            leases.add_block(code, day, lease.first, lease.last, source="server")
        except ValueError as exc:
            # A block overlapping one held, or outside 1-699: a server bug, never merged.
            raise ProtocolError(what=f"lease {code} {lease.first}-{lease.last}") from exc
        log.info("leased %s %d-%d for %s", code, lease.first, lease.last, day)
        granted.append(LeaseGrant(code, day, lease.first, lease.last))
    return tuple(granted)
