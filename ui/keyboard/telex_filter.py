"""Telex for every text field of the application, from any keyboard.

Installed on the ``QApplication``, it sees each key press before the field does.
For a letter typed into a field that wants Telex it asks the core engine what the
word left of the cursor becomes; when that is more than the letter appended, it
rewrites the word and swallows the key. So a physical keyboard, and the on-screen
one (which sends key events), type Vietnamese without any system input method.
Digits, punctuation and keys with Ctrl/Alt pass untouched, and a field with the
``telex`` property ``False`` (a scanner's) always gets the raw keys.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from kiosk.config import Language
from kiosk.text import type_key
from ui.keyboard.target import (
    replace_word_before_cursor,
    text_field,
    wants_telex,
    word_before_cursor,
)

_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class TelexFilter(QObject):
    """Application-wide Telex for the fields of ``window``.

    ``enabled`` is the citizen's ``Gõ dấu: Bật/Tắt``. Only fields in ``window`` are
    touched, so a closed window's filter, still installed, never types twice.

    Its default follows the display language (:meth:`follow_language`): on in
    Vietnamese, off in English, where a citizen typing "birth" means "birth" and not
    "bỉth".
    """

    enabled_changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._enabled = True
        self._default = True

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        if enabled != self._enabled:
            self._enabled = enabled
            self.enabled_changed.emit(enabled)

    def follow_language(self, language: Language) -> None:
        """The display language changed: Telex goes to that language's default, whatever
        the citizen had chosen in the other language."""
        self._default = language == Language.VIETNAMESE
        self.set_enabled(self._default)

    def reset(self) -> None:
        """Back to the language's default for the next citizen (the engine itself keeps
        no state)."""
        self.set_enabled(self._default)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._enabled:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.text()
        if len(key) != 1 or not key.isalpha() or event.modifiers() & _COMMAND_MODIFIERS:
            return False
        field = text_field(watched)
        if field is None or field.window() is not self._window or not wants_telex(field):
            return False
        word = word_before_cursor(field)
        typed = type_key(word, key)
        if typed == word + key:
            return False  # a plain letter: let the field insert it as usual
        replace_word_before_cursor(field, len(word), typed)
        return True
