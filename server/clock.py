"""Time as the server sees it; injectable so tests can move it.

Queue numbers and the days kiosks work on are counted in the centre's local time:
every centre is in Vietnam, one time zone with no daylight saving.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]

#: The centres' time zone (UTC+7 all year), as the kiosks count their days.
CENTRE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def utc_now() -> datetime:
    return datetime.now(UTC)


def centre_today(now: datetime) -> date:
    """The centre's calendar day at the instant ``now``."""
    return now.astimezone(CENTRE_TZ).date()
