"""What every question of the wizard has: its label, its help, its input, its message.

A question knows its :class:`~wire.forms.FieldDefinition` and turns what the
citizen did into the stored value (``value()``); the page keeps the draft's answers
and asks the core whether they hold (``wire.checks``). A message under the
input appears when the citizen leaves the field or taps "Tiếp tục", never while
they are still typing, and goes as soon as the answer is right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from ui.i18n import translate
from ui.screens.form.texts import FormLanguage, say
from ui.widgets.label import Label
from wire.checks import check_field, parse_input
from wire.forms import FieldDefinition
from wire.i18n import TrText
from wire.validation import InvalidValue

Scope = Callable[[], Mapping[str, Any]]


@dataclass(frozen=True, slots=True)
class FieldEnv:
    """What questions need from the wizard: the display language and the kiosk's day."""

    language: Callable[[], FormLanguage]
    today: Callable[[], date]


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def plain_label(parent: QWidget, name: str) -> QLabel:
    label = Label(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FieldInput(QFrame):
    """One question; subclasses add the input under :attr:`body`."""

    # The value changed (typed, tapped or picked).
    changed = Signal()
    # The citizen left the field: time to say what is wrong with it, if anything.
    left = Signal()

    def __init__(
        self, field: FieldDefinition, env: FieldEnv, scope: Scope, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FormField")
        self.field = field
        self.env = env
        self.scope = scope
        self._loading = False
        self._problem: TrText | None = None
        self.label = plain_label(self, "FieldLabel")
        self.help = plain_label(self, "FieldHelp")
        self.problem = plain_label(self, "FieldProblem")
        self.problem.hide()
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.help)
        layout.addLayout(self.body)
        layout.addWidget(self.problem)
        self.left.connect(self.check_now)
        self.changed.connect(self._recheck_shown_problem)

    # -- the value -----------------------------------------------------------------

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (from the draft, or ``None``) without it counting as an edit."""
        self._loading = True
        try:
            self._show_value(value)
        finally:
            self._loading = False

    def _show_value(self, value: Any) -> None:
        raise NotImplementedError

    def _edited(self) -> None:
        """Subclasses call this when the citizen changed the value."""
        if not self._loading:
            self.changed.emit()

    def typing_problem(self) -> TrText | None:
        """What is wrong with what was typed, before any rule about the value."""
        return None

    def problems(self) -> dict[str, TrText]:
        """Typing problems by answer key (``field`` or ``group.index.field``)."""
        problem = self.typing_problem()
        return {self.field.id: problem} if problem is not None else {}

    # -- messages ------------------------------------------------------------------

    def check_now(self) -> None:
        """The citizen left the field: say what is wrong with what they entered.

        An empty field says nothing yet ("required" is for "Tiếp tục"), unless a
        message is already shown: then it is brought up to date.
        """
        problem = self.typing_problem()
        value = self.value()
        if problem is None and (value is not None or self._problem is not None):
            problem = check_field(self.field, value, self.scope(), today=self.env.today())
        self.show_problem(problem)

    def show_problems(self, problems: Mapping[str, TrText]) -> bool:
        """Show this question's entry of ``problems`` (or none); whether one is shown."""
        self.show_problem(problems.get(self.field.id))
        return self._problem is not None

    def show_problem(self, problem: TrText | None) -> None:
        self._problem = problem
        self.problem.setVisible(problem is not None)
        self.problem.setText(translate(problem) if problem is not None else "")
        self.setProperty("problem", "true" if problem is not None else "false")
        repolish(self)

    @property
    def has_problem(self) -> bool:
        return self._problem is not None

    def _recheck_shown_problem(self) -> None:
        if self._problem is not None:
            self.check_now()

    # -- focus, words, forgetting --------------------------------------------------

    def focus_input(self) -> None:
        """Put focus where the citizen would start answering (or correcting)."""

    def wipe(self) -> None:
        self.set_value(None)
        self.show_problem(None)

    def retranslate(self) -> None:
        language = self.env.language()
        text = say(self.field.label, language)
        if not self.field.required and self.field.kind not in {"group", "yes_no"}:
            text += " " + QCoreApplication.translate("Form", "(không bắt buộc)")
        self.label.setText(text)
        self.help.setText(say(self.field.help, language))
        self.help.setVisible(self.field.help is not None)
        if self._problem is not None:
            self.problem.setText(translate(self._problem))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class TypedInput(FieldInput):
    """A question answered by typing (text, numbers, dates): what was typed becomes
    the stored value through ``wire.checks.parse_input``, the rule the declaration
    service applies, so the screen never accepts what the core refuses."""

    def text(self) -> str:
        raise NotImplementedError

    def _parse(self) -> tuple[Any, TrText | None]:
        try:
            return parse_input(self.field, self.text(), today=self.env.today()), None
        except InvalidValue as error:
            return None, error.message

    @override
    def value(self) -> Any:
        return self._parse()[0]

    @override
    def typing_problem(self) -> TrText | None:
        return self._parse()[1]
