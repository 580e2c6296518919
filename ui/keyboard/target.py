"""The text fields the keyboard and Telex write into, and how a field opts out.

Properties a screen may set on a field:

- ``telex`` = ``False``: raw text, no Telex (barcode or QR scanner wedges, codes);
- ``keyboard`` = ``False``: no on-screen keyboard (a screen with its own pad).

Password fields, read-only fields, and fields whose ``inputMethodHints`` ask for
digits, e-mail addresses, URLs or Latin only never get Telex; digit-only fields get
the digit pad instead of the letters.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from kiosk.text import current_word_start

TextField = QLineEdit | QTextEdit | QPlainTextEdit

_IMH = Qt.InputMethodHint
_RAW_HINTS = (
    _IMH.ImhDigitsOnly
    | _IMH.ImhFormattedNumbersOnly
    | _IMH.ImhDialableCharactersOnly
    | _IMH.ImhEmailCharactersOnly
    | _IMH.ImhUrlCharactersOnly
    | _IMH.ImhLatinOnly
    | _IMH.ImhHiddenText
    | _IMH.ImhSensitiveData
)
_DIGIT_HINTS = _IMH.ImhDigitsOnly | _IMH.ImhFormattedNumbersOnly | _IMH.ImhDialableCharactersOnly


def text_field(widget: object) -> TextField | None:
    """``widget`` if it is a text field a citizen can type into now, else ``None``."""
    if isinstance(widget, QLineEdit):
        return widget if not widget.isReadOnly() and widget.isEnabled() else None
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return widget if not widget.isReadOnly() and widget.isEnabled() else None
    return None


def wants_telex(field: TextField) -> bool:
    if field.property("telex") is False:
        return False
    if isinstance(field, QLineEdit) and field.echoMode() != QLineEdit.EchoMode.Normal:
        return False
    return not (field.inputMethodHints() & _RAW_HINTS)


def wants_keyboard(field: QWidget) -> bool:
    return field.property("keyboard") is not False


def wants_digits(field: QWidget) -> bool:
    return bool(field.inputMethodHints() & _DIGIT_HINTS)


def word_before_cursor(field: TextField) -> str:
    """The run of letters just left of the cursor (empty if text is selected)."""
    if isinstance(field, QLineEdit):
        if field.hasSelectedText():
            return ""
        before = field.text()[: field.cursorPosition()]
    else:
        cursor = field.textCursor()
        if cursor.hasSelection():
            return ""
        block = cursor.block().text()
        before = block[: cursor.positionInBlock()]
    return before[current_word_start(before) :]


def replace_word_before_cursor(field: TextField, length: int, text: str) -> None:
    """Replace the ``length`` characters left of the cursor by ``text``, undoably.

    ``QLineEdit.insert`` goes through the field's validator and maximum length, so
    a rewritten word can never put a field in a state typing could not reach.
    """
    if isinstance(field, QLineEdit):
        end = field.cursorPosition()
        field.setSelection(end - length, length)
        field.insert(text)
        return
    cursor = field.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, length)
    cursor.insertText(text)
    field.setTextCursor(cursor)
