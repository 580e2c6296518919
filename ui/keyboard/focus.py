"""Which field the keyboard is for: it follows focus across the whole window.

Screens do nothing: when an editable text field of the window gets focus the
keyboard appears (digits pad for digit-only fields), and when focus leaves text
fields it goes. After the citizen hid it, a tap on the field brings it back.

The field is brought into view above the keyboard with what belongs to it: the
largest of its enclosing widgets that fits the scroll area's viewport — in a form,
the whole question (its label, the field, its message); for a search list, the
search line and the rows under it. It is brought back whenever the room changes
while the citizen types there: the keyboard's arrival shrinks the viewport, the
chrome steps aside, a message appears under the field, the list fills.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from typing_extensions import override

from ui.keyboard.target import TextField, text_field, wants_digits, wants_keyboard
from ui.keyboard.widget import OnScreenKeyboard

#: Room left above and below what is brought into view, when there is room for it.
VIEW_MARGIN_PX = 12
_ROOM_EVENTS = (QEvent.Type.Resize, QEvent.Type.LayoutRequest)


class KeyboardFocus(QObject):
    """Shows ``keyboard`` for the focused text field of ``window``."""

    def __init__(self, keyboard: OnScreenKeyboard, window: QWidget) -> None:
        super().__init__(window)
        self._keyboard = keyboard
        self._window = window
        self._watched: list[QWidget] = []
        self._field: TextField | None = None
        # Many resizes come at once (keyboard, chrome, messages): one scroll after them.
        self._rescroll = QTimer(self)
        self._rescroll.setSingleShot(True)
        self._rescroll.setInterval(0)
        self._rescroll.timeout.connect(self._bring_field_into_view)
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
        self._rescroll.start()

    def _watch(self, field: TextField) -> None:
        self._field = field
        self._watched = [field]
        if isinstance(field, QAbstractScrollArea):
            self._watched.append(field.viewport())
        area = _scroll_area_of(field)
        if area is not None:
            # Its viewport resizes with the room left; its content with what it shows.
            self._watched.append(area.viewport())
            content = area.widget()
            if content is not None:
                self._watched.append(content)
        for widget in self._watched:
            widget.installEventFilter(self)

    def _unwatch(self) -> None:
        for widget in self._watched:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = []
        self._field = None

    def _bring_field_into_view(self) -> None:
        field = self._field
        if field is not None and shiboken6.isValid(field) and self._keyboard.isVisible():
            bring_into_view(field)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and self._keyboard.isHidden():
            field = self._field_for(QApplication.focusWidget())
            if field is not None:
                self.show_for(field)
        elif kind in _ROOM_EVENTS and watched is not self._field:
            self._rescroll.start()
        return False


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The nearest scroll area whose content holds ``widget``."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and content.isAncestorOf(widget):
                return parent
        parent = parent.parentWidget()
    return None


def _context(field: QWidget, content: QWidget) -> list[QRect]:
    """The rects of ``field`` and of each widget around it up to ``content``'s child,
    in ``content``'s coordinates, smallest first."""
    rects = []
    widget: QWidget | None = field
    while widget is not None and widget is not content:
        if widget.isVisible():
            rects.append(QRect(widget.mapTo(content, QPoint(0, 0)), widget.size()))
        widget = widget.parentWidget()
    return rects


def bring_into_view(field: QWidget) -> None:
    """Scroll ``field``'s scroll area so the field shows with as much as fits of
    what belongs to it.

    The largest enclosing widget that fits the viewport is shown whole (with a
    margin when there is room). Of the next one, which does not fit, as much is shown
    from its top as the first allows: a question's label before its message, a search
    line's list under it. A field taller than the viewport shows its top.
    """
    area = _scroll_area_of(field)
    if area is None:
        return
    content = area.widget()
    assert content is not None
    room = area.viewport().height()
    bar = area.verticalScrollBar()
    rects = _context(field, content)
    fitting = [rect for rect in rects if rect.height() <= room]
    if not fitting:
        bar.setValue(rects[0].top())
        return
    shown = fitting[-1]
    larger = rects[len(fitting)] if len(fitting) < len(rects) else None
    margin = min(VIEW_MARGIN_PX, (room - shown.height()) // 2)
    top = bar.value()
    if larger is not None:
        # Show the larger widget from its top, as far as the shown one allows.
        top = max(larger.top(), shown.bottom() + margin - room + 1)
        top = min(top, shown.top() - margin)
    elif shown.top() - margin < top:
        top = shown.top() - margin
    elif shown.bottom() + margin >= top + room:
        top = shown.bottom() + margin - room + 1
    bar.setValue(top)
