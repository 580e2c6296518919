"""Ticket-number leases: blocks of a queue's numbers for one day, each granted once.

The server hands out the shared range 1–699 (``docs/queue-numbers.md``) in order:
each request gets the next ``size`` numbers after the last block granted for that
centre, queue and day, or what is left when fewer remain. Kiosks print numbers only
from their blocks, so two kiosks never print the same number.

Two kiosks asking at the same moment are serialised on their centre's row (``SELECT
... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` transactions already run
one at a time), and a unique key on the block's first number backs that up.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.db.models import Centre, NumberLease
from server.devices import AuthenticatedDevice
from server.errors import ExhaustedError
from wire.protocol import Lease, LeaseRequest

log = logging.getLogger("server.leases")

#: The numbers the server leases; 700 and up are the kiosks' own offline bands.
SHARED_FIRST = 1
SHARED_LAST = 699


def grant(
    session: Session, device: AuthenticatedDevice, request: LeaseRequest, *, now: datetime
) -> Lease:
    """The next block for ``request``'s queue and day; ``ExhaustedError`` when none is left."""
    session.execute(select(Centre.id).where(Centre.id == device.centre_id).with_for_update())
    last_granted = session.scalar(
        select(func.max(NumberLease.last_number)).where(
            NumberLease.centre_id == device.centre_id,
            NumberLease.service_code == request.service_code,
            NumberLease.service_day == request.service_day,
        )
    )
    first = SHARED_FIRST if last_granted is None else last_granted + 1
    if first > SHARED_LAST:
        raise ExhaustedError(
            f"no numbers left for queue {request.service_code} on {request.service_day}"
        )
    last = min(first + request.size - 1, SHARED_LAST)
    session.add(
        NumberLease(
            id=uuid.uuid4(),
            centre_id=device.centre_id,
            device_id=device.id,
            service_code=request.service_code,
            service_day=request.service_day,
            first_number=first,
            last_number=last,
            granted_at=now,
        )
    )
    session.flush()
    log.info(
        "lease %s %s %d-%d to device %s",
        request.service_code,
        request.service_day,
        first,
        last,
        device.id,
    )
    return Lease(
        service_code=request.service_code,
        service_day=request.service_day,
        first=first,
        last=last,
    )
