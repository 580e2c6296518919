"""Thiết lập kiosk: IT's first-run setup on the kiosk's screen, behind the setup code.

The same steps as ``python -m kiosk setup`` (``kiosk.setup``), one page each: the code
page (``setup``), then each step not done yet (``setup.<step>``), then the list of steps
(``setup.menu``), from which any step can be redone. Opened at start while the setup
is not done and ``setup_code`` is configured, and from staff mode ("Thiết lập kiosk").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import JourneySpec

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen


def build(host: Host) -> Mapping[str, Screen]:
    from ui.screens.setup.flow import SetupFlow
    from ui.screens.setup.pages import CodePage, MenuPage, step_pages

    flow = SetupFlow(host)
    code = CodePage(flow)
    flow.setParent(code)  # deleted with the journey's screens when the visit ends
    screens: dict[str, Screen] = {"setup": code, "setup.menu": MenuPage(flow)}
    screens.update(step_pages(flow))
    return screens


JOURNEY = JourneySpec("setup", build)
