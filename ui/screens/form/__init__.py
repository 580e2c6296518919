"""Điền tờ khai: choose a form, fill it page by page, review, submit, take the receipt.

The journey's screen is built for one visit by :func:`build` (see :mod:`ui.host`); it
listens for căn cước scans while it is shown.
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
SUBTITLE = QT_TRANSLATE_NOOP("Journeys", "Khai từng bước, in biên nhận hồ sơ")


def build(host: Host) -> Mapping[str, Screen]:
    """The form screen (``form``) over its flow."""
    from ui.screens.form.flow import FORM_SCREEN, FormFlow
    from ui.screens.form.screen import FormScreen

    flow = FormFlow(host)
    screen = FormScreen(flow)
    flow.setParent(screen)  # deleted with the screen when the visit ends
    flow.watch_scans(screen)
    return {FORM_SCREEN: screen}


JOURNEY = JourneySpec("form", build, HomeTile(TITLE, SUBTITLE, order=20))
