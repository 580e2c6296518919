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

TITLE = QT_TRANSLATE_NOOP("Journeys", "Đăng ký tài khoản")
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "Tạo tài khoản dịch vụ công trực tuyến")


def build(host: Host) -> Mapping[str, Screen]:
    from ui.screens.register.screen import UnavailableScreen

    screen = UnavailableScreen(TITLE)
    screen.home_requested.connect(host.go_home)
    return {"register": screen}


JOURNEY = JourneySpec("register", build, HomeTile(TITLE, SUBTITLE, order=30))
