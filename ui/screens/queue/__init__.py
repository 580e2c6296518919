"""Lấy số thứ tự: choose a queue, say whether you have priority, get the number.

:func:`install` puts the two screens into the window in place of the journey's
placeholder; it is the window's only contact with this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.screens.queue.choose import ChooseScreen
from ui.screens.queue.flow import (
    CHOOSE_SCREEN,
    FAILED_RETURN_MS,
    PRINTED_RETURN_MS,
    TICKET_SCREEN,
    QueueFlow,
)
from ui.screens.queue.ticket import TicketScreen

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

__all__ = ["ChooseScreen", "QueueFlow", "TicketScreen", "install"]


def install(
    window: KioskWindow,
    *,
    printed_return_ms: int = PRINTED_RETURN_MS,
    failed_return_ms: int = FAILED_RETURN_MS,
) -> QueueFlow:
    """Add the ticket screens to ``window`` ("queue" replaces the placeholder)."""
    flow = QueueFlow(window, printed_return_ms=printed_return_ms, failed_return_ms=failed_return_ms)
    window.add_screen(CHOOSE_SCREEN, ChooseScreen(flow))
    window.add_screen(TICKET_SCREEN, TicketScreen(flow))
    return flow
