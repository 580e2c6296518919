"""Lấy số thứ tự: choose a queue, say whether you have priority, get the number.

The journey's screens are built for one visit by :func:`build` (see :mod:`ui.host`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import HomeTile, JourneySpec
from wire.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen

TITLE = QT_TRANSLATE_NOOP("Journeys", "Lấy số thứ tự")
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "In phiếu số thứ tự để được gọi vào quầy")


def build(host: Host) -> Mapping[str, Screen]:
    """The choose (``queue``) and ticket screens over one flow."""
    from ui.screens.queue.choose import ChooseScreen
    from ui.screens.queue.flow import CHOOSE_SCREEN, TICKET_SCREEN, QueueFlow
    from ui.screens.queue.ticket import TicketScreen

    flow = QueueFlow(host)
    choose = ChooseScreen(flow)
    flow.setParent(choose)  # deleted with the journey's screens when the visit ends
    return {CHOOSE_SCREEN: choose, TICKET_SCREEN: TicketScreen(flow)}


JOURNEY = JourneySpec("queue", build, HomeTile(TITLE, SUBTITLE, order=40))
