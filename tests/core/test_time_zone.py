"""The kiosk's time zone comes with the kiosk: a machine without a zone database
(Windows has none) still knows Hà Nội's time, from the ``tzdata`` package."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest


@pytest.fixture
def no_system_zones() -> Iterator[None]:
    """zoneinfo as on Windows: no system folders to look in, only the package."""
    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    yield
    zoneinfo.reset_tzpath()
    zoneinfo.ZoneInfo.clear_cache()


def test_ho_chi_minh_time_loads_without_a_system_zone_database(no_system_zones: None) -> None:
    assert zoneinfo.TZPATH == ()
    zone = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    nine = datetime(2026, 3, 9, 2, 0, tzinfo=UTC).astimezone(zone)
    offset = nine.utcoffset()
    assert nine.hour == 9
    assert offset is not None
    assert offset.total_seconds() == 7 * 3600
