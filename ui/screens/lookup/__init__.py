"""Tra cứu thủ tục: search, browse by field, and one procedure's page.

:func:`install` puts the three screens into the window in place of the journey's
placeholder; it is the window's only contact with this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.screens.lookup.browse import BrowseScreen
from ui.screens.lookup.flow import BROWSE_SCREEN, PROCEDURE_SCREEN, SEARCH_SCREEN, LookupFlow
from ui.screens.lookup.procedure import ProcedureScreen
from ui.screens.lookup.search import SearchScreen

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

__all__ = ["BrowseScreen", "LookupFlow", "ProcedureScreen", "SearchScreen", "install"]


def install(window: KioskWindow) -> LookupFlow:
    """Add the lookup screens to ``window`` ("lookup" replaces the placeholder)."""
    flow = LookupFlow(window)
    window.add_screen(SEARCH_SCREEN, SearchScreen(flow))
    window.add_screen(BROWSE_SCREEN, BrowseScreen(flow))
    window.add_screen(PROCEDURE_SCREEN, ProcedureScreen(flow))
    flow.page_failed.connect(window.show_error)
    return flow
