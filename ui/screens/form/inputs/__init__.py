"""One question widget per kind of field (``wire.forms.FieldKind``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.screens.form.inputs.address import AddressInput
from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope
from ui.screens.form.inputs.choice import ChoiceInput
from ui.screens.form.inputs.date import DateInput
from ui.screens.form.inputs.group import GroupInput
from ui.screens.form.inputs.picker import ListChoiceInput
from ui.screens.form.inputs.text import TextInput
from wire.forms import FieldDefinition

__all__ = [
    "AddressInput",
    "ChoiceInput",
    "DateInput",
    "FieldEnv",
    "FieldInput",
    "GroupInput",
    "ListChoiceInput",
    "TextInput",
    "make_input",
]

_BY_KIND: dict[str, type[FieldInput]] = {
    "date": DateInput,
    "gender": ChoiceInput,
    "yes_no": ChoiceInput,
    "select": ChoiceInput,
    "ethnicity": ListChoiceInput,
    "nationality": ListChoiceInput,
    "address": AddressInput,
    "group": GroupInput,
}


def make_input(field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget) -> FieldInput:
    """The question for ``field``: typed kinds get a text input, the others their own."""
    question = _BY_KIND.get(field.kind, TextInput)(field, env, scope, parent)
    question.retranslate()
    return question
