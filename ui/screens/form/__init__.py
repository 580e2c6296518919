"""Điền tờ khai: choose a form, fill it page by page, review, submit, take the receipt.

:func:`install` puts the journey's screen into the window in place of its placeholder
and starts listening for căn cước scans; it is the window's only contact with this
package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.screens.form.flow import FORM_SCREEN, FormFlow
from ui.screens.form.screen import FormScreen

if TYPE_CHECKING:
    from ui.main_window import KioskWindow

__all__ = ["FormFlow", "FormScreen", "install"]


def install(window: KioskWindow) -> FormFlow:
    """Add the form screen to ``window`` ("form" replaces the placeholder)."""
    flow = FormFlow(window)
    window.add_screen(FORM_SCREEN, FormScreen(flow))
    return flow
