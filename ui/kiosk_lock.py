"""Kiosk mode's hold on the screen: the window comes back, and OS shortcuts do nothing.

A citizen who finds a way out of the kiosk — a desktop's Win+D or Super key, a
minimise gesture, another program that pops up and takes the focus — must not be left
at a desktop, nor leave one for the next citizen. :class:`KioskLock` is one event
filter on the application, installed while the window is in kiosk mode:

- **Minimised** (Win+D, Win+M, a gesture): the window is full screen again as soon as
  the event loop turns (a queued call: the window is still changing state when told).
- **Deactivated** (another program took the focus, or a window the kiosk did not open):
  after :data:`TAKE_BACK_MS` the window is raised and activated again, so a flicker of
  focus while a popup opens, or the OS's own short-lived windows, cause no tug of war.
  The kiosk's own dialogs and popups (any window whose parent chain leads to the kiosk
  window) are left alone.
- **Keys**: the Meta/Super key, anything held with it (Win+D, Win+R, Win+Tab…), Alt+Tab,
  Alt+Esc, Alt+Space, Alt+F1/F2, Ctrl+Esc, Ctrl+Shift+Esc and Ctrl+Alt with T, Delete,
  Backspace, Tab, arrows or F-keys are swallowed before any widget sees them. Letters,
  Vietnamese text, Backspace, Enter, Tab, Esc and the staff shortcut (Ctrl+Alt+S) go
  through, as do AltGr characters that some layouts report as Ctrl+Alt.

What the lock cannot do: the operating system takes many of these keys before any
application sees them — Ctrl+Alt+Del and SysRq always, usually Alt+Tab and the Windows
key, a text console switch (Ctrl+Alt+F1…), edge swipes and a desktop's own shortcuts.
Those are the OS lockdown's job (``cage`` on Linux, a custom shell and the keyboard
filter on Windows; ``doctor``'s ``lockdown`` check says whether it is in place). Here
they at least never act inside the kiosk, and what they do to the window (minimise it,
cover it) is undone. A window that only covers the kiosk without taking the focus gives
Qt no event and is not noticed.

Nothing is forced once staff leave kiosk mode: the window releases the lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

log = logging.getLogger("kiosk.ui")

#: How long another window may hold the focus before the kiosk takes it back.
TAKE_BACK_MS = 300

_Key = Qt.Key
_Mod = Qt.KeyboardModifier
_SUPER_KEYS = frozenset(
    {_Key.Key_Meta, _Key.Key_Super_L, _Key.Key_Super_R, _Key.Key_Hyper_L, _Key.Key_Hyper_R}
)
#: With Alt alone: switch or close windows, the window menu, a desktop's menus and runner.
_ALT_KEYS = frozenset(
    {_Key.Key_Tab, _Key.Key_Backtab, _Key.Key_Escape, _Key.Key_Space, _Key.Key_F1, _Key.Key_F2}
)
#: With Ctrl+Alt: a terminal, the security screen, killing the X server, switching
#: workspaces or text consoles. Not letters in general: AltGr is Ctrl+Alt on Windows.
_CTRL_ALT_KEYS = frozenset(
    {
        _Key.Key_T,
        _Key.Key_Delete,
        _Key.Key_Backspace,
        _Key.Key_Tab,
        _Key.Key_Left,
        _Key.Key_Right,
        _Key.Key_Up,
        _Key.Key_Down,
        *(_Key(_Key.Key_F1.value + n) for n in range(12)),
    }
)
_KEY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
)


def is_os_shortcut(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether a key is one the operating system means for itself, not for the kiosk."""
    ctrl = bool(modifiers & _Mod.ControlModifier)
    alt = bool(modifiers & _Mod.AltModifier)
    if key in _SUPER_KEYS or modifiers & _Mod.MetaModifier:
        return True
    if alt and not ctrl and key in _ALT_KEYS:
        return True
    if ctrl and not alt and key == _Key.Key_Escape:
        return True  # Ctrl+Esc: the Start menu; with Shift, the Task Manager
    return ctrl and alt and key in _CTRL_ALT_KEYS


class KioskLock(QObject):
    """Keeps ``window`` full screen, active and deaf to OS shortcuts while engaged.

    ``restore`` shows the window full screen again (the window knows how: on a bare X
    session it also covers the screen by geometry).
    """

    #: The window was brought back: ``"minimised"`` or ``"deactivated"``.
    taken_back = Signal(str)

    def __init__(
        self,
        window: QWidget,
        restore: Callable[[], None],
        *,
        take_back_ms: int = TAKE_BACK_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._restore = restore
        self._engaged = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(take_back_ms)
        self._timer.timeout.connect(self._reactivate)

    @property
    def engaged(self) -> bool:
        return self._engaged

    @property
    def pending(self) -> bool:
        """Another window holds the focus and the kiosk takes it back shortly."""
        return self._timer.isActive()

    def engage(self) -> None:
        """Install (again) on the application, in front of the filters installed since:
        the latest filter sees events first, and OS keys must reach no other."""
        app = QCoreApplication.instance()
        if app is None:
            return
        app.removeEventFilter(self)
        app.installEventFilter(self)
        self._engaged = True

    def release(self) -> None:
        """Staff left kiosk mode: nothing is forced any more."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()
        self._engaged = False

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            return self._swallow(event)
        if watched is not self._window:
            return False
        if kind == QEvent.Type.WindowStateChange and self._window.isMinimized():
            # The window is mid-change: come back once the event loop turns.
            QTimer.singleShot(0, self, self._unminimise)
        elif kind == QEvent.Type.WindowDeactivate:
            self._timer.start()
        elif kind == QEvent.Type.WindowActivate:
            self._timer.stop()
        return False

    def _swallow(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        if not is_os_shortcut(event.key(), event.modifiers()):
            return False
        event.accept()  # as ShortcutOverride: no application shortcut fires either
        return True

    def _unminimise(self) -> None:
        if self._engaged and self._window.isMinimized():
            log.info("kiosk window minimised: shown full screen again")
            self._restore()
            self._activate()
            self.taken_back.emit("minimised")

    def _reactivate(self) -> None:
        if not self._engaged or not self._foreign_focus():
            return
        log.info("another window took the focus: the kiosk window takes it back")
        if self._window.isMinimized() or not self._window.isFullScreen():
            self._restore()
        self._activate()
        self.taken_back.emit("deactivated")

    def _activate(self) -> None:
        self._window.raise_()
        self._window.activateWindow()

    def _foreign_focus(self) -> bool:
        """Nothing of the kiosk's is active: another program, or a window the kiosk did
        not open, has the focus."""
        widget = QApplication.activeWindow()
        while widget is not None:
            if widget is self._window:
                return False
            widget = widget.parentWidget()
        return True
