"""The queues (hàng đợi) as the "Lấy số thứ tự" screen lists them: open now, full, waiting.

Opening hours are the centre's, in its local time (``LOCAL_TZ``), whatever the
kiosk's system clock zone is. "Waiting" is what this kiosk knows: the tickets it
issued today for the queue and did not void; it cannot see the counters calling
numbers, nor other kiosks' tickets (the server will, once synced).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.db import models
from kiosk.queue.api import QueueServiceView
from wire.vocabulary import PRIORITY_GROUPS, PriorityGroup

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Span = tuple[time, time]


def spans_on(opening_hours: dict[str, object], day: date) -> list[Span]:
    """The opening spans of ``day``'s weekday, e.g. ``[(07:30, 11:30), (13:30, 17:00)]``."""
    raw = opening_hours.get(WEEKDAYS[day.weekday()]) or []
    assert isinstance(raw, list)
    return [(time.fromisoformat(start), time.fromisoformat(end)) for start, end in raw]


def is_open(opening_hours: dict[str, object], local_now: datetime) -> bool:
    """Whether a counter serves the queue right now (start inclusive, end exclusive)."""
    now = local_now.time()
    return any(start <= now < end for start, end in spans_on(opening_hours, local_now.date()))


def closed_for_today(opening_hours: dict[str, object], local_now: datetime) -> bool:
    """Whether no span is left today: after the last one ends, or on a day without any.

    Before opening and in the lunch break a ticket is still useful (citizens queue
    before 07:30), so only this says "come back tomorrow".
    """
    now = local_now.time()
    return not any(now < end for _start, end in spans_on(opening_hours, local_now.date()))


def priority_groups(row: models.QueueService) -> tuple[PriorityGroup, ...]:
    """The queue's groups in the canonical order, unknown names dropped."""
    chosen = set(row.priority_groups)
    return tuple(group for group in PRIORITY_GROUPS if group in chosen)


def issued_counts(session: Session, day: date) -> dict[str, int]:
    """Per queue, the tickets issued on ``day`` that were not voided."""
    rows = session.execute(
        select(models.Ticket.service_code, func.count())
        .where(models.Ticket.service_day == day, models.Ticket.voided_at.is_(None))
        .group_by(models.Ticket.service_code)
    )
    return {code: int(count) for code, count in rows}


def service_views(session: Session, local_now: datetime) -> list[QueueServiceView]:
    """Every queue in screen order, with today's counts as this kiosk knows them."""
    counts = issued_counts(session, local_now.date())
    queues = session.scalars(
        select(models.QueueService).order_by(models.QueueService.position, models.QueueService.code)
    )
    views = []
    for row in queues:
        issued = counts.get(row.code, 0)
        views.append(
            QueueServiceView(
                code=row.code,
                name=row.name,
                counters=tuple(row.counters),
                waiting=issued,
                open_now=is_open(row.opening_hours, local_now),
                full=row.daily_limit is not None and issued >= row.daily_limit,
                priority_groups=priority_groups(row),
            )
        )
    return views
