"""Điền tờ khai: choose a form, fill it page by page, review, submit, take the receipt.

The journey's screen is built for one visit by :func:`build` (see :mod:`ui.host`); the
căn cước scans the window reads while it is shown come to its flow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ui.host import HomeTile, JourneySpec
from wire.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ui.host import Host
    from ui.widgets.screen import Screen

TITLE = QT_TRANSLATE_NOOP("Journeys", "Điền tờ khai")
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "Khai từng bước, in tờ khai mang đến quầy")


def build(host: Host) -> Mapping[str, Screen]:
    """The form screen (``form``) over its flow."""
    from ui.screens.form.flow import FORM_SCREEN, FormFlow
    from ui.screens.form.screen import FormScreen

    flow = FormFlow(host)
    screen = FormScreen(flow)
    flow.setParent(screen)  # deleted with the screen when the visit ends
    return {FORM_SCREEN: screen}


JOURNEY = JourneySpec("form", build, HomeTile(TITLE, SUBTITLE, order=20))
