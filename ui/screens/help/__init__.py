"""Hướng dẫn sử dụng: how to use the kiosk, opened from the home screen's footer.

The journey's screen is built for one visit by :func:`build` (see :mod:`ui.host`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import JourneySpec

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen


def build(host: Host) -> Mapping[str, Screen]:
    from ui.screens.help.screen import HelpScreen

    screen = HelpScreen()
    screen.home_requested.connect(host.go_home)
    return {"help": screen}


JOURNEY = JourneySpec("help", build)
