"""Nothing a citizen types may travel to the next citizen through the clipboard.

On a shared public screen the clipboard is a channel from one visit to the next: a
citizen copies their ID number, walks away, and the next one pastes it. The kiosk needs
no copy and paste at all, so :class:`ClipboardGuard` (one application-wide event
filter) refuses every way in and out of it in every text field — the context menu
(Copy/Paste/Select all), the copy/cut/paste keys of a physical keyboard, dragging text
out or dropping text in, and the middle-button paste of the X11 selection — and
:func:`wipe_clipboard` empties both the clipboard and the X11 selection when a visit
ends, in case anything got there another way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit
from typing_extensions import override

_TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_CLIPBOARD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
)
_DRAG_AND_DROP = frozenset(
    {
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
    }
)


class ClipboardGuard(QObject):
    """Installed on the application: swallows the events that would use the clipboard."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu or kind in _DRAG_AND_DROP:
            event.ignore()
            return True
        if not isinstance(watched, _TEXT_WIDGETS):
            return False
        if isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress:
            return any(event.matches(key) for key in _CLIPBOARD_KEYS)
        # Text fields paste the X11 selection on a middle click.
        return (
            isinstance(event, QMouseEvent)
            and kind == QEvent.Type.MouseButtonPress
            and event.button() == Qt.MouseButton.MiddleButton
        )


def install_guard(parent: QObject) -> ClipboardGuard:
    """Install the guard on the running application; it lives as long as ``parent``."""
    guard = ClipboardGuard(parent)
    app = QGuiApplication.instance()
    if app is not None:
        app.installEventFilter(guard)
    return guard


def wipe_clipboard() -> None:
    """Empty the clipboard and, where the platform has one, the X11 selection."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)
