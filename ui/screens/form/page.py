"""One page of the wizard: a section's title, its intro and its questions.

The page mirrors the draft: each answer goes into the draft as it changes, and the
questions whose condition (``when``) no longer holds step aside at once. "Tiếp tục"
asks :meth:`SectionPage.check`, which shows every message at once and names the
first question to fix.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget
from typing_extensions import override

from ui.screens.form.inputs import FieldEnv, FieldInput, make_input
from ui.screens.form.inputs.base import plain_label
from ui.screens.form.texts import say
from ui.widgets.navigation import kinetic_scroll_area
from wire.answers import Answers, is_shown
from wire.checks import check_section
from wire.forms import Section
from wire.i18n import TrText


class SectionPage(QWidget):
    # A question's answer changed: its field id and the new value (``None``: none).
    answered = Signal(str, object)

    def __init__(
        self,
        index: int,
        section: Section,
        env: FieldEnv,
        answers: Callable[[], Answers],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SectionPage")
        self.index = index
        self.section = section
        self.env = env
        content = QWidget(self)
        content.setObjectName("SectionContent")
        self.heading = plain_label(content, "SectionHeading")
        self.intro = plain_label(content, "SectionIntro")
        self.notice = plain_label(content, "CardNotice")
        self.notice.hide()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 24)
        column.setSpacing(22)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addWidget(self.notice)
        self.inputs: dict[str, FieldInput] = {}
        for field in section.fields:
            question = make_input(field, env, answers, content)
            question.changed.connect(lambda q=question: self.answered.emit(q.field.id, q.value()))
            self.inputs[field.id] = question
            column.addWidget(question)
        column.addStretch(1)
        self.scroll_area = kinetic_scroll_area(self, content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.retranslate()

    def load(self, answers: Answers) -> None:
        """Show the draft's answers (on opening, after a scan)."""
        for field_id, question in self.inputs.items():
            question.set_value(answers.get(field_id))
        self.refresh_visibility(answers)

    def refresh_visibility(self, answers: Answers) -> None:
        for question in self.inputs.values():
            shown = is_shown(question.field, answers)
            question.setVisible(shown)
            if not shown:
                question.show_problem(None)

    def shown_inputs(self, answers: Answers) -> list[FieldInput]:
        return [q for q in self.inputs.values() if is_shown(q.field, answers)]

    def problems(self, answers: Answers, today: date) -> dict[str, TrText]:
        """What stops the citizen from going on: typing problems first, then the
        core's rules for the section (required, formats, cross-field checks)."""
        found: dict[str, TrText] = {}
        for question in self.shown_inputs(answers):
            found.update(question.problems())
        for key, problem in check_section(self.section, answers, today=today).items():
            found.setdefault(key, problem)
        return found

    def check(self, answers: Answers, today: date) -> FieldInput | None:
        """Show every problem of the page; the first question with one, or ``None``."""
        return self.show_problems(self.problems(answers, today), answers)

    def show_problems(self, problems: dict[str, TrText], answers: Answers) -> FieldInput | None:
        first: FieldInput | None = None
        for question in self.inputs.values():
            if not is_shown(question.field, answers):
                question.show_problem(None)
            elif question.show_problems(problems) and first is None:
                first = question
        return first

    def bring_to(self, question: FieldInput) -> None:
        """Focus ``question`` and scroll it into view, once the layout has settled."""
        question.focus_input()
        self.scroll_area.ensureWidgetVisible(question, 0, 40)
        QTimer.singleShot(0, self, lambda: self._scroll_to(question))

    def _scroll_to(self, question: FieldInput) -> None:
        if question.isVisible():
            self.scroll_area.ensureWidgetVisible(question, 0, 40)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def wipe(self) -> None:
        self.show_notice("")
        for question in self.inputs.values():
            question.wipe()

    def retranslate(self) -> None:
        language = self.env.language()
        self.heading.setText(say(self.section.title, language))
        self.intro.setText(say(self.section.intro, language))
        self.intro.setVisible(self.section.intro is not None)

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
