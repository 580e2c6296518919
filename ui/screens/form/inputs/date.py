"""Dates by touch: three big columns (ngày, tháng, năm) stepped with ▲ ▼, or typed.

Typing is the quick way for someone who knows the date (``dd/mm/yyyy`` on the digit
pad, the slashes are already there); the columns are for a finger alone. Both show the
same date at all times. What is typed is checked by ``parse_input`` like any field.

Where the form accepts a year alone (a parent's "Năm sinh"), "Chỉ biết năm" turns the
input into four digits and the columns into the year's alone.

The field and its buttons share a row while their words fit; on a narrow page or at
large text the buttons go to a row of their own under the field (``FlowRow``).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from ui.screens.form.inputs.base import FieldEnv, Scope, TypedInput, plain_label
from ui.widgets.reflow import FlowRow
from ui.widgets.screen import big_button
from wire.forms import FieldDefinition
from wire.validation import EARLIEST_YEAR
from wire.validation.dates import YEAR_ONLY, years_after

MASK = "99/99/9999"
YEAR_MASK = "9999"
# Held ▲ ▼ keep stepping, as on a phone's date wheel.
REPEAT_DELAY_MS = 450
REPEAT_INTERVAL_MS = 110
# How far ahead a date that may be in the future goes (appointments, validity).
FUTURE_YEARS = 10


class DateEdit(QLineEdit):
    """``dd/mm/yyyy`` with the slashes fixed; a tap on an empty field starts at the day."""

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not any(c.isdigit() for c in self.text()):
            self.setCursorPosition(0)


def typed_date(text: str) -> date | None:
    """The date in a complete ``dd/mm/yyyy``, if it is a real one (to move the columns)."""
    try:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    except ValueError:
        return None


class StepColumn(QWidget):
    """One column of the picker: its name, ▲, the value, ▼."""

    stepped = Signal(int)

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.caption = plain_label(self, "DateCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.up = self._step_button("▲", 1)
        self.value = plain_label(self, "DateValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.down = self._step_button("▼", -1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.caption, self.up, self.value, self.down):
            layout.addWidget(widget)

    def _step_button(self, text: str, step: int) -> QPushButton:
        button = big_button(self, role="secondary", name="DateStep")
        button.setText(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRepeat(True)
        button.setAutoRepeatDelay(REPEAT_DELAY_MS)
        button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)
        button.clicked.connect(lambda: self.stepped.emit(step))
        return button


class DateInput(TypedInput):
    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(field, env, scope, parent)
        self.edit = DateEdit(self)
        self.edit.setObjectName("DateEdit")
        self.edit.setInputMask(MASK)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.edit.setProperty("telex", False)
        self.edit.textChanged.connect(self._typed)
        self.edit.editingFinished.connect(self.left)
        self.edit.returnPressed.connect(lambda: self.edit.focusNextPrevChild(True))
        self.format_hint = plain_label(self, "FieldHelp")
        self.picker_button = big_button(self, role="secondary", name="DatePickerButton")
        self.picker_button.setCheckable(True)
        self.picker_button.toggled.connect(self._toggle_picker)
        # "Chỉ biết năm": only for fields that take a year alone.
        self.year_only_button: QPushButton | None = None
        row = FlowRow()
        row.add(self.edit, 2)
        row.add(self.picker_button, 1)
        if field.allow_year_only:
            self.year_only_button = big_button(self, role="secondary", name="DateYearOnlyButton")
            self.year_only_button.setCheckable(True)
            self.year_only_button.toggled.connect(self._toggle_year_only)
            row.add(self.year_only_button, 1)
        self.body.addLayout(row)
        self.body.addWidget(self.format_hint)
        self.body.addWidget(self._build_picker())
        self._shown: date | None = None  # the date on the columns
        self.picker.hide()

    def _build_picker(self) -> QWidget:
        self.picker = QWidget(self)
        self.picker.setObjectName("DatePicker")
        self.day = StepColumn(self.picker, "DayColumn")
        self.month = StepColumn(self.picker, "MonthColumn")
        self.year = StepColumn(self.picker, "YearColumn")
        self.day.stepped.connect(lambda step: self._step(days=step))
        self.month.stepped.connect(lambda step: self._step(months=step))
        self.year.stepped.connect(lambda step: self._step(years=step))
        self.decade_up = big_button(self.picker, role="secondary", name="DecadeStep")
        self.decade_down = big_button(self.picker, role="secondary", name="DecadeStep")
        for button, years in ((self.decade_up, 10), (self.decade_down, -10)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, y=years: self._step(years=y))
        decades = QVBoxLayout()
        decades.setSpacing(6)
        decades.addStretch(1)
        decades.addWidget(self.decade_up)
        decades.addWidget(self.decade_down)
        grid = QGridLayout(self.picker)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(16)
        for column, widget in enumerate((self.day, self.month, self.year)):
            grid.addWidget(widget, 0, column)
            grid.setColumnStretch(column, 1)
        grid.addLayout(decades, 0, 3)
        grid.setColumnStretch(3, 1)
        return self.picker

    # -- typing --------------------------------------------------------------------

    def text(self) -> str:
        """What was typed, ``""`` when no digit was."""
        text = self.edit.text()
        return text if any(c.isdigit() for c in text) else ""

    @property
    def year_only(self) -> bool:
        """Whether only a year is asked for now ("Chỉ biết năm" is down)."""
        return self.year_only_button is not None and self.year_only_button.isChecked()

    def _typed(self) -> None:
        typed = self._typed_year() if self.year_only else typed_date(self.text())
        if typed is not None:
            self._show_on_columns(typed)
        self._edited()

    def _typed_year(self) -> date | None:
        """A complete four-digit year as its first day, for the year column."""
        text = self.text().strip()
        if not YEAR_ONLY.fullmatch(text) or int(text) < EARLIEST_YEAR:
            return None
        return date(int(text), 1, 1)

    def _toggle_year_only(self, on: bool) -> None:
        """Four digits for a year alone, or the whole date; what was typed of the year stays."""
        year = self.text()[-4:].strip() if self.text() else ""
        self.edit.setInputMask(YEAR_MASK if on else MASK)
        self.edit.setText(year if on else "")
        self.edit.setCursorPosition(len(year) if on else 0)  # typing goes on from there
        for column in (self.day, self.month):
            column.setVisible(not on)
        self._show_on_columns(self._typed_year() if on else None)
        self.retranslate()
        self._edited()
        if not self._loading:
            self.focus_input()

    def _set_year_only(self, on: bool) -> None:
        """Show the mode a stored value needs, without it counting as an edit."""
        if self.year_only_button is not None and self.year_only_button.isChecked() != on:
            self.year_only_button.setChecked(on)

    def _show_value(self, value: Any) -> None:
        if isinstance(value, str) and YEAR_ONLY.fullmatch(value):
            self._set_year_only(True)
            self.edit.setText(value)
            self._show_on_columns(date(int(value), 1, 1))
        elif isinstance(value, str) and value:
            self._set_year_only(False)
            shown = date.fromisoformat(value)
            self.edit.setText(shown.strftime("%d/%m/%Y"))
            self._show_on_columns(shown)
        else:
            self.edit.setText("")
            self._shown = None
            self._show_on_columns(None)

    # -- the columns ---------------------------------------------------------------

    def _bounds(self) -> tuple[int, int]:
        today = self.env.today()
        latest = today.year if self.field.not_future else today.year + FUTURE_YEARS
        if self.field.max_years_ahead is not None:
            latest = min(latest, years_after(today, self.field.max_years_ahead).year)
        earliest = today.year if self.field.not_past else EARLIEST_YEAR
        return earliest, latest

    def _toggle_picker(self, open_: bool) -> None:
        if open_ and self._shown is None:
            self._show_on_columns(typed_date(self.text()) or self.env.today())
        self.picker.setVisible(open_)
        self.retranslate()

    def _step(self, *, days: int = 0, months: int = 0, years: int = 0) -> None:
        current = self._shown or self.env.today()
        first, last = self._bounds()
        year = min(last, max(first, current.year + years))
        month = (current.month - 1 + months) % 12 + 1
        length = calendar.monthrange(year, month)[1]
        day = min(current.day, length)
        if days:
            day = (day - 1 + days) % length + 1
        chosen = date(year, month, day)
        self._show_on_columns(chosen)
        # Typed and shown stay one date (or one year).
        self.edit.setText(str(chosen.year) if self.year_only else chosen.strftime("%d/%m/%Y"))

    def _show_on_columns(self, shown: date | None) -> None:
        self._shown = shown
        self.day.value.setText(f"{shown.day:02d}" if shown else "–")
        self.month.value.setText(f"{shown.month:02d}" if shown else "–")
        self.year.value.setText(f"{shown.year}" if shown else "–")

    def focus_input(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def wipe(self) -> None:
        super().wipe()
        self.picker_button.setChecked(False)
        self._loading = True
        try:
            self._set_year_only(False)
        finally:
            self._loading = False

    def retranslate(self) -> None:
        super().retranslate()
        # The form's own help usually says how to write the date already.
        self.format_hint.setVisible(self.field.help is None or self.year_only)
        self.format_hint.setText(
            QCoreApplication.translate("Form", "Nhập năm sinh, ví dụ 1962.")
            if self.year_only
            else QCoreApplication.translate("Form", "Nhập ngày/tháng/năm, ví dụ 05/09/1990.")
        )
        if self.year_only_button is not None:
            self.year_only_button.setText(QCoreApplication.translate("Form", "Chỉ biết năm"))
        self.picker_button.setText(
            QCoreApplication.translate("Form", "Đóng bảng chọn ngày")
            if self.picker_button.isChecked()
            else QCoreApplication.translate("Form", "Chọn ngày")
        )
        self.day.caption.setText(QCoreApplication.translate("Form", "Ngày"))
        self.month.caption.setText(QCoreApplication.translate("Form", "Tháng"))
        self.year.caption.setText(QCoreApplication.translate("Form", "Năm"))
        self.decade_up.setText(QCoreApplication.translate("Form", "+10 năm"))
        self.decade_down.setText(QCoreApplication.translate("Form", "−10 năm"))
