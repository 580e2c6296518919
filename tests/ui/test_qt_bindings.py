"""The Qt bindings keep the interpreter alive through a long day at the counter.

PySide6 6.12.0 dropped a reference to ``None`` on every call that returns nothing
(``setText``, ``setVisible``…) and on reading an unset property; after a few thousand
calls Python aborts with "none_dealloc". A kiosk updates its clock every second, so
this would end it within hours. ``pyproject.toml`` excludes that release; this test
catches the next one that does the same.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 20_000


def test_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("09:41")
        label.setVisible(False)
        label.property("never-set")
    assert sys.getrefcount(None) > before - 100
