"""A tờ khai being filled in: the answers so far and where the citizen is.

Held in memory only, in the citizen's :class:`~kiosk.visit.Visit`: it is never written
to disk, and ending the visit drops it (:meth:`Draft.wipe` empties it first, so a
reference kept somewhere by mistake holds nothing either). Pure logic over the form's
definition (which pages apply, where "Tiếp tục" leads), so it is tested without a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from wire.answers import Answers, drop_hidden, section_is_shown, shown_fields
from wire.forms import FieldDefinition, FormDefinition, Section

# The review page's position after the sections.
REVIEW = -1


def unanswered(value: Any) -> bool:
    return value is None or value in ("", [])


def carry_copies(
    fields: Iterable[FieldDefinition], answers: Answers, source_id: str, before: Any
) -> list[str]:
    """After the answer to ``source_id`` changed from ``before``: each address that was
    a copy of it ("Giống địa chỉ của người đi khai", ``same_as``) takes the new one, so
    a copy the citizen made never goes stale behind them; the ids changed.

    A copy is an answer equal to its source: one the citizen changed since is theirs
    and stays. ``fields`` are those answered in ``answers`` (the form's, or one group
    item's); a copy of a copy follows too.
    """
    if unanswered(before):
        return []
    fields = list(fields)
    after = answers.get(source_id)
    changed: list[str] = []
    for copy in fields:
        if copy.same_as is None or copy.same_as.field != source_id:
            continue
        if answers.get(copy.id) != before:
            continue
        if unanswered(after):
            answers.pop(copy.id, None)
        else:
            answers[copy.id] = deepcopy(after)
        changed += [copy.id, *carry_copies(fields, answers, copy.id, before)]
    return changed


def item_defaults(fields: tuple[FieldDefinition, ...]) -> Answers:
    """A new item of a group, or a new form: the fields' ``default`` values."""
    return {f.id: f.default for f in fields if f.default is not None and f.kind != "group"}


@dataclass(eq=False)
class Draft:
    form: FormDefinition
    procedure_code: str
    answers: Answers = field(default_factory=dict)
    # The section shown (an index into ``form.sections``), or :data:`REVIEW`.
    page: int = 0
    # The citizen came from the review page to change a section: "Tiếp tục" goes back.
    back_to_review: bool = False

    @classmethod
    def start(cls, form: FormDefinition, procedure_code: str) -> Draft:
        answers = item_defaults(tuple(f for s in form.sections for f in s.fields))
        draft = cls(form, procedure_code, answers)
        draft.page = draft.pages()[0] if draft.pages() else REVIEW
        return draft

    def set(self, field_id: str, value: Any) -> None:
        """Answer ``field_id``; the addresses copied from it follow (:func:`carry_copies`)."""
        before = self.answers.get(field_id)
        if unanswered(value):
            self.answers.pop(field_id, None)
        else:
            self.answers[field_id] = value
        if before != value:
            carry_copies(self.fields(), self.answers, field_id, before)

    def fields(self) -> Iterator[FieldDefinition]:
        for section in self.form.sections:
            yield from section.fields

    def section_of(self, field_id: str) -> int:
        """The index of the section asking ``field_id`` (top-level ids only)."""
        for index, section in enumerate(self.form.sections):
            if any(f.id == field_id for f in section.fields):
                return index
        raise KeyError(field_id)

    def shown(self, section: Section) -> list[FieldDefinition]:
        return shown_fields(section.fields, self.answers)

    def pages(self) -> list[int]:
        """The indices of the sections that ask something with the answers so far
        (``wire.answers.section_is_shown``), in order."""
        return [i for i, s in enumerate(self.form.sections) if section_is_shown(s, self.answers)]

    def next_page(self) -> int:
        later = [i for i in self.pages() if i > self.page]
        return REVIEW if self.page == REVIEW or not later else later[0]

    def previous_page(self) -> int | None:
        """The page before this one; ``None`` on the first."""
        pages = self.pages()
        if self.page == REVIEW:
            return pages[-1] if pages else None
        earlier = [i for i in pages if i < self.page]
        return earlier[-1] if earlier else None

    def step(self) -> tuple[int, int]:
        """ "Bước n/total": the sections asked, then the review."""
        pages = self.pages()
        total = len(pages) + 1
        if self.page == REVIEW or self.page not in pages:
            return (total if self.page == REVIEW else 1), total
        return pages.index(self.page) + 1, total

    def to_submit(self) -> Answers:
        """The answers without those to fields the other answers hid."""
        return drop_hidden(list(self.fields()), self.answers)

    @property
    def started(self) -> bool:
        """Whether the citizen has entered anything beyond the form's defaults."""
        defaults = item_defaults(tuple(self.fields()))
        return any(defaults.get(k) != v for k, v in self.answers.items())

    def wipe(self) -> None:
        self.answers.clear()
        self.page = 0
        self.back_to_review = False
