"""The staff screen's audit and log views on a narrow panel: long lines wrap."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.staff.conftest import StaffDriver

PORTRAIT = (1080, 1920)


def test_a_log_line_wider_than_the_panel_wraps_with_no_sideways_scroll(
    qtbot: QtBot, staff: StaffDriver
) -> None:
    """A path or a hash has no space to wrap at: it wraps anywhere. A finger cannot
    find a sideways scroll bar, and staff must read the whole line."""
    hub = staff.unlock()
    staff.window.resize(*PORTRAIT)
    qtbot.waitUntil(lambda: staff.window.size() == QSize(*PORTRAIT))
    views = [hub.audit_view, hub.log_view]
    for view in views:
        view.setPlainText("/var/lib/kiosk/" + "a1b2c3d4" * 40 + " " + "kiosk.sync ok " * 60)
    for _ in range(4):
        QApplication.processEvents()
    for view in views:
        assert view.isVisible()
        assert view.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
        assert view.horizontalScrollBar().maximum() == 0
        assert view.document().size().width() <= view.viewport().width()
