"""A repeating group: the children, the household members, one block each.

Each item is the group's fields under "Số 1", "Số 2"…, with a "Xóa" button; "Thêm"
adds one. The buttons respect the form's ``min_items`` and ``max_items``, so the
count is never wrong on screen. Conditions inside an item look at that item only, and
so does "Giống địa chỉ …": an item's address may copy another address of the same
item, which is on the same page, so the item keeps the copy up to date as it changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.forms.draft import carry_copies, item_defaults, unanswered
from ui.screens.form.inputs.address import AddressInput
from ui.screens.form.inputs.base import FieldEnv, FieldInput, Scope, plain_label
from ui.widgets.screen import big_button
from wire.answers import Answers, is_shown
from wire.forms import FieldDefinition
from wire.i18n import TrText


class GroupItem(QFrame):
    """One item: its own answers, and a question per field of the group."""

    changed = Signal()
    remove_requested = Signal()

    def __init__(self, group: FieldDefinition, env: FieldEnv, parent: QWidget) -> None:
        super().__init__(parent)
        from ui.screens.form.inputs import make_input  # a group is made by the same factory

        self.setObjectName("GroupItem")
        self.group = group
        self.answers: Answers = item_defaults(group.fields)
        self.title = plain_label(self, "GroupItemTitle")
        self.remove_button = big_button(self, role="secondary", name="RemoveItemButton")
        self.remove_button.clicked.connect(self.remove_requested)
        header = QHBoxLayout()
        header.setSpacing(16)
        header.addWidget(self.title, 1)
        header.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(header)
        self.inputs: dict[str, FieldInput] = {}
        for field in group.fields:
            question = make_input(field, env, lambda: self.answers, self)
            question.changed.connect(lambda q=question: self._answered(q))
            self.inputs[field.id] = question
            layout.addWidget(question)
        self.load(self.answers)

    def _answered(self, question: FieldInput) -> None:
        field_id, value = question.field.id, question.value()
        before = self.answers.get(field_id)
        if unanswered(value):
            self.answers.pop(field_id, None)
        else:
            self.answers[field_id] = value
        if before != value:
            carry_copies(self.group.fields, self.answers, field_id, before)
        self.refresh_visibility()
        self._refresh_copies()
        self.changed.emit()

    def _refresh_copies(self) -> None:
        """An address of the item may copy another of it ("Giống địa chỉ …", on the
        same page): it shows the copy as it stands, or the button once there is one."""
        for question in self.inputs.values():
            if isinstance(question, AddressInput) and question.field.same_as is not None:
                question.refresh_copy()

    def load(self, answers: Mapping[str, Any]) -> None:
        self.answers = {k: v for k, v in answers.items() if not unanswered(v)}
        for field_id, question in self.inputs.items():
            question.set_value(self.answers.get(field_id))
        self.refresh_visibility()

    def refresh_visibility(self) -> None:
        for question in self.inputs.values():
            question.setVisible(is_shown(question.field, self.answers))

    def shown_inputs(self) -> list[FieldInput]:
        return [q for q in self.inputs.values() if is_shown(q.field, self.answers)]

    def wipe(self) -> None:
        for question in self.inputs.values():
            question.wipe()
        self.answers = {}


class GroupInput(FieldInput):
    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        self.items: list[GroupItem] = []
        self._items_layout = QVBoxLayout()
        self._items_layout.setSpacing(16)
        self.body.addLayout(self._items_layout)
        self.add_button = big_button(self, role="secondary", name="AddItemButton")
        self.add_button.clicked.connect(self.add_item)
        self.body.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.set_value(None)

    # -- items ---------------------------------------------------------------------

    def add_item(self) -> GroupItem | None:
        if len(self.items) >= self.field.max_items:
            return None
        item = GroupItem(self.field, self.env, self)
        item.changed.connect(self._edited)
        item.remove_requested.connect(lambda i=item: self.remove_item(i))
        self.items.append(item)
        self._items_layout.addWidget(item)
        item.show()
        self._relabel()
        if not self._loading:
            self._edited()
            item_first = next(iter(item.inputs.values()), None)
            if item_first is not None:
                item_first.focus_input()
        return item

    def remove_item(self, item: GroupItem) -> None:
        if len(self.items) <= self.field.min_items or item not in self.items:
            return
        self.items.remove(item)
        item.wipe()  # nothing of it lingers until Qt deletes it
        self._items_layout.removeWidget(item)
        item.hide()
        item.deleteLater()
        self._relabel()
        self._edited()

    def _resize(self, count: int) -> None:
        count = max(self.field.min_items, min(self.field.max_items, count))
        while len(self.items) > count:
            item = self.items[-1]
            self.items.remove(item)
            item.wipe()
            self._items_layout.removeWidget(item)
            item.hide()
            item.deleteLater()
        while len(self.items) < count:
            self.add_item()
        self._relabel()

    def _relabel(self) -> None:
        # The group's own label heads the question; items are numbered under it.
        for number, item in enumerate(self.items, 1):
            item.title.setText(
                QCoreApplication.translate("Form", "Số {number}").format(number=number)
            )
            item.remove_button.setText(QCoreApplication.translate("Form", "Xóa"))
            item.remove_button.setVisible(len(self.items) > self.field.min_items)
        self.add_button.setText(QCoreApplication.translate("Form", "+ Thêm"))
        self.add_button.setVisible(len(self.items) < self.field.max_items)

    # -- the value -----------------------------------------------------------------

    def value(self) -> Any:
        values = [dict(item.answers) for item in self.items]
        return values or None

    def _show_value(self, value: Any) -> None:
        values = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
        self._resize(len(values))
        for item, answers in zip(self.items, values, strict=False):
            item.load(answers)
        for item in self.items[len(values) :]:
            item.load(item_defaults(self.field.fields))

    def problems(self) -> dict[str, TrText]:
        found: dict[str, TrText] = {}
        for index, item in enumerate(self.items):
            for question in item.shown_inputs():
                for key, problem in question.problems().items():
                    found[f"{self.field.id}.{index}.{key}"] = problem
        return found

    def show_problems(self, problems: Mapping[str, TrText]) -> bool:
        shown = super().show_problems(problems)
        for index, item in enumerate(self.items):
            for question in item.inputs.values():
                key = f"{self.field.id}.{index}.{question.field.id}"
                shown_here = is_shown(question.field, item.answers)
                question.show_problem(problems.get(key) if shown_here else None)
                shown = shown or question.has_problem
        return shown

    def check_now(self) -> None:
        """Items check themselves as the citizen leaves each field."""

    def first_problem(self) -> FieldInput | None:
        for item in self.items:
            for question in item.shown_inputs():
                if question.has_problem:
                    return question
        return None

    def focus_input(self) -> None:
        target = self.first_problem()
        if target is None and self.items:
            target = next(iter(self.items[0].shown_inputs()), None)
        if target is not None:
            target.focus_input()
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        for item in self.items:
            item.wipe()
        super().wipe()

    def retranslate(self) -> None:
        super().retranslate()
        self._relabel()  # each item's questions retranslate themselves
