"""Questions answered by typing: names, numbers, phone, e-mail, free text.

Every field gets the on-screen keyboard by being a ``QLineEdit``; fields that take
digits only ask for the digit pad and skip Telex (``ui.keyboard.target``). What was
typed becomes the stored value through ``wire.checks.parse_input``, the same
rule the declaration service applies, so the screen never accepts what the core refuses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from typing_extensions import override

from ui.screens.form.inputs.base import FieldEnv, Scope, TypedInput
from ui.widgets.screen import big_button
from wire.forms import FieldDefinition

_IMH = Qt.InputMethodHint
# Input hints by kind: digits get the digit pad; all of these skip Telex.
DIGIT_HINTS = {
    "id_number": _IMH.ImhDigitsOnly,
    "number": _IMH.ImhDigitsOnly,
    "phone": _IMH.ImhDialableCharactersOnly,
}
MAX_CHARS = {"id_number": 12, "phone": 15, "number": 9, "email": 254, "person_name": 100}
# The on-screen keyboard has "@" and "."; these add, in one tap, the endings most
# citizens' addresses have.
EMAIL_PARTS = ("@gmail.com", ".com", ".vn")


class PlainTextField(QPlainTextEdit):
    """A several-line answer; says when the citizen leaves it, as a line edit does."""

    left = Signal()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


def configure_digits(edit: QLineEdit, kind: str) -> None:
    hint = DIGIT_HINTS.get(kind)
    if hint is not None:
        edit.setInputMethodHints(hint)
        edit.setProperty("telex", False)
    if kind == "email":
        edit.setInputMethodHints(_IMH.ImhEmailCharactersOnly)
        edit.setProperty("telex", False)


class TextInput(TypedInput):
    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        self.edit: QLineEdit | PlainTextField
        self.email_parts: list[QPushButton] = []
        if field.multiline:
            area = PlainTextField(self)
            area.setObjectName("FieldArea")
            area.setTabChangesFocus(True)
            area.textChanged.connect(self._edited)
            area.left.connect(self.left)
            self.edit = area
            self.body.addWidget(area)
            return
        line = QLineEdit(self)
        line.setObjectName("FieldEdit")
        line.setMaxLength(field.max_length or MAX_CHARS.get(field.kind, 200))
        configure_digits(line, field.kind)
        line.textChanged.connect(lambda _: self._edited())
        line.editingFinished.connect(self.left)
        line.returnPressed.connect(lambda: line.focusNextPrevChild(True))
        self.edit = line
        if field.kind != "email":
            self.body.addWidget(line)
            return
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(line, 1)
        for text in EMAIL_PARTS:
            button = big_button(self, role="secondary", name="EmailPart")
            button.setText(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self._insert(t))
            self.email_parts.append(button)
            row.addWidget(button)
        self.body.addLayout(row)

    def text(self) -> str:
        if isinstance(self.edit, QLineEdit):
            return self.edit.text()
        return self.edit.toPlainText()

    def _insert(self, text: str) -> None:
        assert isinstance(self.edit, QLineEdit)
        self.edit.setFocus()
        self.edit.insert(text)
        self._edited()

    def _show_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if isinstance(self.edit, QLineEdit):
            self.edit.setText(text)  # also drops the undo history
        else:
            self.edit.setPlainText(text)

    def focus_input(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
