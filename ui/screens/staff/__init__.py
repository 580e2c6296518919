"""Chế độ cán bộ: the PIN pad, then what counter staff and IT do at the kiosk.

The journey's screens are built for one visit by :func:`build` (see :mod:`ui.host`).
It has no home tile: staff open it with a long press on the centre's logo or
Ctrl+Alt+S, which shows the PIN pad (``staff.pin``), or the staff screen (``staff``)
when this visit already unlocked it. From there: the tickets issued here
(``staff.tickets``), a declaration by its mã tờ khai (``staff.declaration``) and the uploads the
server refused (``staff.refused``). Locking ends the visit, which deletes them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import JourneySpec

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen


def build(host: Host) -> Mapping[str, Screen]:
    from ui.screens.staff.declaration import DeclarationPage
    from ui.screens.staff.flow import (
        DECLARATION_SCREEN,
        PIN_SCREEN,
        REFUSED_SCREEN,
        STAFF_SCREEN,
        TICKETS_SCREEN,
        StaffFlow,
    )
    from ui.screens.staff.pin_pad import PinPadScreen
    from ui.screens.staff.refused import RefusedPage
    from ui.screens.staff.screen import StaffScreen
    from ui.screens.staff.tickets import TicketsPage

    flow = StaffFlow(host)
    pad = PinPadScreen()
    flow.setParent(pad)  # deleted with the journey's screens when the visit ends
    pad.submitted.connect(flow.check_pin)
    pad.cancelled.connect(flow.cancel)
    flow.pin_refused.connect(pad.show_message)
    return {
        PIN_SCREEN: pad,
        STAFF_SCREEN: StaffScreen(flow),
        TICKETS_SCREEN: TicketsPage(flow),
        DECLARATION_SCREEN: DeclarationPage(flow),
        REFUSED_SCREEN: RefusedPage(flow),
    }


JOURNEY = JourneySpec("staff", build)
