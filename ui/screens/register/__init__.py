"""Đăng ký tài khoản: not available on this kiosk yet; the screen says so plainly.

The journey's screen is built for one visit by :func:`build` (see :mod:`ui.host`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import HomeTile, JourneySpec
from wire.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen

# Accounts for the online services are VNeID accounts now: the tile says so.
TITLE = QT_TRANSLATE_NOOP("Journeys", "Hướng dẫn VNeID")
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "Cài đặt, kích hoạt, đăng nhập Cổng Dịch vụ công quốc gia")


def build(host: Host) -> Mapping[str, Screen]:
    from ui.screens.register.screen import UnavailableScreen

    screen = UnavailableScreen(TITLE)
    screen.home_requested.connect(host.go_home)
    return {"register": screen}


JOURNEY = JourneySpec("register", build, HomeTile(TITLE, SUBTITLE, order=30))
