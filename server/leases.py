"""Ticket-number leases: blocks of a queue's numbers for one day, each granted once.

The server hands out the shared range 1–699 (``docs/queue-numbers.md``) in order:
each request gets the next ``size`` numbers after the last block granted for that
centre, queue and day, or what is left when fewer remain. Kiosks print numbers only
from their blocks, so two kiosks never print the same number.

Two kiosks asking at the same moment are serialised on their centre's row (``SELECT
... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` transactions already run
one at a time), and a unique key on the block's first number backs that up.

Numbers are leased only for a queue of the centre's current catalogue, and for the
centre's yesterday, today or tomorrow (a kiosk near midnight, or whose clock is a
little off); anything else is ``400 bad_request``. One kiosk holds at most
:data:`MAX_PER_KIOSK` numbers of a queue and day (fewer when the queue's
``daily_limit`` is lower), so no kiosk can drain a queue for the others: past it,
``409 exhausted``, and the kiosk prints from its own offline band.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import published
from server.clock import centre_today
from server.db.models import Centre, NumberLease
from server.devices import AuthenticatedDevice
from server.errors import BadRequestError, ExhaustedError
from wire.protocol import Lease, LeaseRequest

log = logging.getLogger("server.leases")

#: The numbers the server leases; 700 and up are the kiosks' own offline bands.
SHARED_FIRST = 1
SHARED_LAST = 699
#: The most numbers of one queue and day one kiosk may hold: 300 of the 699, so at
#: least three kiosks share a busy queue's numbers and none can take them all.
MAX_PER_KIOSK = 300


def grant(
    session: Session, device: AuthenticatedDevice, request: LeaseRequest, *, now: datetime
) -> Lease:
    """The next block for ``request``'s queue and day; ``ExhaustedError`` when none is left.

    ``BadRequestError`` for a queue the centre's catalogue lacks or a day out of reach;
    ``ExhaustedError`` too when the kiosk already holds its share of the queue's day.
    """
    _check_day(request, now)
    queues = published.current_queues(session, device.centre_id)
    if request.service_code not in queues:
        raise BadRequestError(
            f"queue {request.service_code} is not in the centre's published catalogue"
        )
    session.execute(select(Centre.id).where(Centre.id == device.centre_id).with_for_update())
    daily_limit = queues[request.service_code]
    allowance = _allowance(session, device, request, daily_limit or SHARED_LAST)
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
    last = min(first + min(request.size, allowance) - 1, SHARED_LAST)
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


def _check_day(request: LeaseRequest, now: datetime) -> None:
    today = centre_today(now)
    if abs((request.service_day - today).days) > 1:
        raise BadRequestError(
            f"the centre's day is {today.isoformat()}: numbers are leased for that day, "
            "the day before or the day after"
        )


def _allowance(
    session: Session, device: AuthenticatedDevice, request: LeaseRequest, daily_limit: int
) -> int:
    """How many more numbers of the queue's day this kiosk may hold (at least 1), or
    ``ExhaustedError``."""
    ceiling = min(MAX_PER_KIOSK, daily_limit)
    held = session.scalar(
        select(func.sum(NumberLease.last_number - NumberLease.first_number + 1)).where(
            NumberLease.centre_id == device.centre_id,
            NumberLease.device_id == device.id,
            NumberLease.service_code == request.service_code,
            NumberLease.service_day == request.service_day,
        )
    )
    allowance = ceiling - int(held or 0)
    if allowance <= 0:
        raise ExhaustedError(
            f"this kiosk already holds {ceiling} numbers of queue {request.service_code} "
            f"for {request.service_day}, its share; it prints from its own band"
        )
    return allowance
