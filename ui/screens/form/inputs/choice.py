"""Questions answered with one tap: giới tính, có/không, and short lists of options.

Each answer is a big toggle button; the chosen one is filled in. Tapping the chosen
one again leaves it chosen (a citizen who taps twice must not lose the answer).

Answers can be a whole sentence ("Đã đăng ký kết hôn nhưng đã ly hôn, hiện tại chưa
đăng ký kết hôn với ai"): their words wrap inside the button, and the answers stand
in fewer columns, down to one, when a column would not hold each on one line (long
answers, large text, a portrait panel).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QWidget

from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope
from ui.screens.form.texts import say
from ui.widgets.reflow import ColumnGrid
from ui.widgets.wrap_button import WrapButton
from wire.forms import FieldDefinition

# Up to this many options sit on one row; more go into rows of ``COLUMNS``; fewer
# columns where the answers' words would not fit (``ColumnGrid``).
ONE_ROW_UP_TO = 3
COLUMNS = 2


def _options(field: FieldDefinition) -> list[Any]:
    if field.kind == "gender":
        return ["nam", "nu"]
    if field.kind == "yes_no":
        return [True, False]
    return [option.value for option in field.options]


class ChoiceInput(FieldInput):
    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # exclusivity by hand: "nothing chosen" must be possible
        self.buttons: dict[Any, WrapButton] = {}
        values = _options(field)
        self.grid = ColumnGrid(columns=len(values) if len(values) <= ONE_ROW_UP_TO else COLUMNS)
        for value in values:
            button = WrapButton(self, role="secondary", name="ChoiceButton")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, v=value: self._chosen(v))
            self.group.addButton(button)
            self.buttons[value] = button
            self.grid.addWidget(button)
        self.body.addLayout(self.grid)
        self._value: Any = None

    def _chosen(self, value: Any) -> None:
        self._check(value)
        self._edited()
        self.left.emit()

    def _check(self, value: Any) -> None:
        self._value = value if value in self.buttons else None
        for option, button in self.buttons.items():
            button.setChecked(option == self._value and type(option) is type(self._value))

    def value(self) -> Any:
        return self._value

    def _show_value(self, value: Any) -> None:
        self._check(value)

    def focus_input(self) -> None:
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        language = self.env.language()
        fixed = {
            "nam": QCoreApplication.translate("Form", "Nam"),
            "nu": QCoreApplication.translate("Form", "Nữ"),
        }
        if self.field.kind == "gender":
            for value, button in self.buttons.items():
                button.set_text(fixed[value])
        elif self.field.kind == "yes_no":
            self.buttons[True].set_text(QCoreApplication.translate("Form", "Có"))
            self.buttons[False].set_text(QCoreApplication.translate("Form", "Không"))
        else:
            for option in self.field.options:
                self.buttons[option.value].set_text(say(option.label, language))
