"""Which field the keyboard is for: it follows focus across the whole window.

Screens do nothing: when an editable text field of the window gets focus the
keyboard appears (digits pad for digit-only fields), and when focus leaves text
fields it goes. After the citizen hid it, a tap on the field brings it back.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from typing_extensions import override

from ui.keyboard.target import TextField, text_field, wants_digits, wants_keyboard
from ui.keyboard.widget import OnScreenKeyboard


class KeyboardFocus(QObject):
    """Shows ``keyboard`` for the focused text field of ``window``."""

    def __init__(self, keyboard: OnScreenKeyboard, window: QWidget) -> None:
        super().__init__(window)
        self._keyboard = keyboard
        self._window = window
        self._watched: list[QWidget] = []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _field_for(self, widget: QWidget | None) -> TextField | None:
        field = text_field(widget)
        if field is None or field.window() is not self._window or not wants_keyboard(field):
            return None
        return field

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        self._unwatch()
        field = self._field_for(new)
        if field is None:
            self._keyboard.hide()
            return
        self._watch(field)
        self.show_for(field)

    def show_for(self, field: TextField) -> None:
        self._keyboard.show_for(field, digits=wants_digits(field))
        # Once the layout made room for the keyboard, scroll the field into view.
        QTimer.singleShot(0, self, lambda: _scroll_into_view(field))

    def _watch(self, field: TextField) -> None:
        self._watched = [field]
        if isinstance(field, QAbstractScrollArea):
            self._watched.append(field.viewport())
        for widget in self._watched:
            widget.installEventFilter(self)

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and self._keyboard.isHidden():
            field = self._field_for(QApplication.focusWidget())
            if field is not None:
                self.show_for(field)
        return False


def _scroll_into_view(field: QWidget) -> None:
    if not shiboken6.isValid(field):
        return
    parent = field.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(field)
            return
        parent = parent.parentWidget()
