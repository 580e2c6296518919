"""Time as the kiosk sees it; injectable so tests never sleep."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

#: Queue days, ticket dates and on-screen times follow the centre's local day.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
