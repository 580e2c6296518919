"""Căn cước QR codes from a keyboard-wedge scanner, whatever has focus.

A wedge scanner is a keyboard: it types the QR payload (``001090012345|…|…``) and
Enter into the focused widget, a few milliseconds per character. Left alone, the
payload would land in whichever field the citizen last touched (the search box, a
form's field), and its spaces would press a focused button. So an event filter on
the ``QApplication`` holds back key presses that *might* be a scan and decides when
the burst ends:

- a hold starts only with a digit (a card's payload starts with its 12-digit số định
  danh cá nhân), and goes on while characters keep arriving within ``burst_gap_s`` of
  each other (a scanner's pace, not a finger's); after a ``|`` (no finger types one
  on the kiosk) pauses up to ``pipe_gap_s`` are allowed;
- Enter, quiet after the burst, or the next key after a pause ends it. If the held
  text is a card payload (:func:`kiosk.idcard.looks_like_payload`), every held key
  and the Enter are swallowed and :attr:`IdCardScanner.scanned` carries the payload.
  A burst no finger types (``MIN_SCAN_CHARS`` keys at a scanner's pace, or a ``|``)
  that is no card's code is a misread scan — garbled by the scanner, cut short, or
  some other code: it is swallowed too and :attr:`IdCardScanner.misread` says so, so
  raw scanner text never lands in a field. Anything shorter (two digits a finger
  rolled) is delivered, in order, to the widget it was meant for;
- a tap anywhere delivers what is held first, so a finger's digit is never lost or
  reordered behind the tap.

Only *spontaneous* key presses (from a device, or ``QTest``) are considered: the
on-screen keyboard sends its keys from the program, so they and the held keys
delivered later pass untouched. The Telex filter sees a held key only when it is
delivered, so a payload's letters are never turned into Vietnamese by Telex.

A key the keyboard repeats (a finger held down) is never a scanner's and passes.

The payload lives in the held keys only until the burst ends; nothing keeps it
after the signal. Where a scan is meaningful is the window's choice (``active``:
every citizen screen; staff screens never second-guess a keyboard); elsewhere the
filter stands aside entirely and keys reach widgets as typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from typing_extensions import override

from kiosk.idcard import MAX_PAYLOAD_LENGTH

# A scanner types a character every 2-20 ms; a finger on a keyboard needs 80 ms or more.
BURST_GAP_S = 0.05
# Once a "|" was typed it is a scanner: it may pause (USB buffers) a little longer.
PIPE_GAP_S = 0.4
# This many characters at a scanner's pace are a machine's, not a finger's rollover.
MIN_SCAN_CHARS = 6
DIGITS = frozenset("0123456789")
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
    }
)
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_TAPS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TabletPress})


@dataclass(frozen=True, slots=True)
class _HeldKey:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class IdCardScanner(QObject):
    """Tells card scans apart from typing in the window that shows ``scope``, while
    ``active()`` says so.

    ``clock`` (seconds, monotonic) times the gaps between keys; tests set their own.
    ``looks_like`` decides whether a finished burst is a card payload.
    """

    #: A card's payload was scanned (the text is not kept anywhere after this).
    scanned = Signal(str)
    #: A scanner burst that is no card's code: nothing was typed.
    misread = Signal()

    def __init__(
        self,
        scope: QWidget,
        *,
        active: Callable[[], bool],
        looks_like: Callable[[str], bool],
        clock: Callable[[], float] = time.monotonic,
        burst_gap_s: float = BURST_GAP_S,
        pipe_gap_s: float = PIPE_GAP_S,
    ) -> None:
        super().__init__(scope)
        self._scope = scope
        self._active = active
        self._looks_like = looks_like
        self.clock = clock
        self._burst_gap_s = burst_gap_s
        self._pipe_gap_s = pipe_gap_s
        self._held: list[_HeldKey] = []
        self._last_at = 0.0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._burst_quiet)

    # -- installing ----------------------------------------------------------------

    def listen(self) -> None:
        """Install on the application, ahead of every filter installed before.

        Qt asks the most recently installed filter first, and installing again moves
        a filter to the front: so calling this after the Telex filter exists keeps
        Telex from ever rewriting a payload's letters.
        """
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def stop_listening(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.deliver_held()

    def reset(self) -> None:
        """Drop held keys without delivering them: they belong to the previous citizen."""
        self._quiet.stop()
        self._held.clear()

    @property
    def holding(self) -> bool:
        return bool(self._held)

    # -- the filter ----------------------------------------------------------------

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _TAPS:
            if self._held and event.spontaneous():
                self.deliver_held()
            return False
        if kind != QEvent.Type.KeyPress or not event.spontaneous():
            return False
        if not isinstance(watched, QWidget) or not self._is_key_receiver(watched):
            return False
        if not self._active():
            self.deliver_held()
            return False
        assert isinstance(event, QKeyEvent)
        return self._key_pressed(watched, event)

    def _is_key_receiver(self, widget: QWidget) -> bool:
        """The widget Qt delivers this key to first (parents see it again when a child
        ignores it; those repeats are not new keys)."""
        window = self._scope.window()
        focus = QApplication.focusWidget()
        if focus is not None:
            return widget is focus and focus.window() is window
        return widget is window

    def _key_pressed(self, receiver: QWidget, event: QKeyEvent) -> bool:
        now = self.clock()
        if self._held and now - self._last_at > self._allowed_gap():
            self._burst_ended()  # a pause: what came before is over
        key, text = event.key(), event.text()
        if key in _MODIFIER_KEYS:
            return False  # scanners press Shift around capitals: not a character
        if event.isAutoRepeat():
            self.deliver_held()  # a key held down: a finger, never a scanner
            return False
        if key in _ENTER_KEYS:
            return self._enter_pressed()
        command = bool(event.modifiers() & _COMMAND_MODIFIERS)
        if command or not text or not text.isprintable():
            self.deliver_held()  # Backspace, arrows, Tab, shortcuts: after the digits
            return False
        if not self._held and text[0] not in DIGITS:
            return False  # no payload starts so: typed as usual, at once
        self._held.append(_HeldKey(receiver, key, event.modifiers(), text))
        self._last_at = now
        if sum(len(k.text) for k in self._held) > MAX_PAYLOAD_LENGTH:
            self._quiet.stop()
            self._held.clear()  # far longer than any card's: a machine's, never typing
            self.misread.emit()
        else:
            self._quiet.start(round(self._allowed_gap() * 1000))
        return True

    def _allowed_gap(self) -> float:
        return self._pipe_gap_s if any("|" in k.text for k in self._held) else self._burst_gap_s

    def _enter_pressed(self) -> bool:
        """Enter ends a burst: a scan is swallowed, Enter with it; typing goes on."""
        if not self._held:
            return False
        return self._burst_ended()

    def _burst_quiet(self) -> None:
        """No key for a while: a scanner set up without Enter has finished, or a finger
        typed a digit and stopped."""
        if not self._held:
            return
        waited = self.clock() - self._last_at
        if waited < self._allowed_gap():
            self._quiet.start(round((self._allowed_gap() - waited) * 1000) + 1)
            return
        self._burst_ended()

    def _burst_ended(self) -> bool:
        """A card's payload or a misread scan is swallowed (``True``); what a finger
        typed is delivered (``False``)."""
        payload = "".join(k.text for k in self._held)
        if self._looks_like(payload):
            self._quiet.stop()
            self._held.clear()
            self.scanned.emit(payload)
            return True
        if len(payload) >= MIN_SCAN_CHARS or "|" in payload:
            self._quiet.stop()
            self._held.clear()
            self.misread.emit()
            return True
        self.deliver_held()
        return False

    def deliver_held(self) -> None:
        """Send the held keys, in order, to the widget each was typed into."""
        self._quiet.stop()
        held, self._held = self._held, []
        for key in held:
            receiver = key.receiver if shiboken6.isValid(key.receiver) else None
            receiver = receiver or QApplication.focusWidget()
            if receiver is None:
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    receiver, QKeyEvent(kind, Qt.Key(key.key), key.modifiers, key.text)
                )
