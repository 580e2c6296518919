"""Typing Vietnamese at the kiosk without a system input method.

``TelexFilter`` turns Telex key presses into Vietnamese in every text field,
``OnScreenKeyboard`` is the touch keyboard docked under the screens, and
``KeyboardFocus`` shows it for whichever field has focus. A screen needs nothing
to get either: any editable ``QLineEdit``, ``QTextEdit`` or ``QPlainTextEdit`` in
the window has them. Fields opt out with properties (see ``ui.keyboard.target``).
"""

from ui.keyboard.focus import KeyboardFocus
from ui.keyboard.telex_filter import TelexFilter
from ui.keyboard.widget import OnScreenKeyboard

__all__ = ["KeyboardFocus", "OnScreenKeyboard", "TelexFilter"]
