"""Tra cứu thủ tục: search, browse by field, and one procedure's page.

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

TITLE = QT_TRANSLATE_NOOP("Journeys", "Tra cứu thủ tục")
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "Xem giấy tờ cần mang, lệ phí, thời gian giải quyết")


def build(host: Host) -> Mapping[str, Screen]:
    """The search (``lookup``), browse and procedure screens over one flow."""
    from ui.screens.lookup.browse import BrowseScreen
    from ui.screens.lookup.flow import BROWSE_SCREEN, PROCEDURE_SCREEN, SEARCH_SCREEN, LookupFlow
    from ui.screens.lookup.procedure import ProcedureScreen
    from ui.screens.lookup.search import SearchScreen

    flow = LookupFlow(host)
    search = SearchScreen(flow)
    flow.setParent(search)  # deleted with the journey's screens when the visit ends
    flow.page_failed.connect(host.show_error)
    return {
        SEARCH_SCREEN: search,
        BROWSE_SCREEN: BrowseScreen(flow),
        PROCEDURE_SCREEN: ProcedureScreen(flow),
    }


JOURNEY = JourneySpec("lookup", build, HomeTile(TITLE, SUBTITLE, order=10))
