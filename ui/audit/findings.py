"""What the layout audit reports: one :class:`Finding` per problem, at one cell of the
matrix (screen, panel, text size, theme, language).

A finding names the widget as a developer finds it in the code (its object name and
class) and as a citizen sees it (its text, shortened), never anything typed by a
citizen: the audited screens hold invented sample answers only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

#: Texts are cut to this many characters in a finding: enough to recognise the widget.
TEXT_CHARS = 60


class Kind(enum.StrEnum):
    """What is wrong; the names are the ``kind`` field of ``--json``."""

    #: The text needs more room than the widget's contents rect gives it.
    TEXT_CLIPPED = "text-clipped"
    #: Outside the window (the panel), or outside a scroll area's viewport where no
    #: scrolling brings it in; the window itself when it cannot shrink to the panel.
    OFF_WINDOW = "off-window"
    #: Partly or wholly outside its parent widget, which cuts it off.
    CUT_BY_PARENT = "cut-by-parent"
    #: A button, field, list row or scroll bar smaller than a finger.
    SMALL_TARGET = "small-target"
    #: Text too close in colour to what is behind it.
    LOW_CONTRAST = "low-contrast"
    #: Content wider than the area showing it: it would need sideways scrolling.
    HORIZONTAL_SCROLL = "horizontal-scroll"
    #: The audit could not bring the window to this screen (the screen's code failed).
    NOT_REACHED = "not-reached"


@dataclass(frozen=True, slots=True)
class WidgetRef:
    """The widget a finding is about."""

    object_name: str
    class_name: str
    text: str = ""
    #: The object names of its named ancestors, outermost first, up to the window.
    path: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """Where in the matrix: which screen, at which panel, text size, theme, language."""

    screen: str
    panel: str
    text_size: int
    theme: str
    language: str


@dataclass(frozen=True, slots=True)
class Problem:
    """A detector's result for one widget, before it is placed in the matrix."""

    kind: Kind
    widget: WidgetRef
    #: The measurements behind the verdict (needed vs available, ratio vs minimum…).
    numbers: dict[str, float | int | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Finding:
    cell: Cell
    kind: Kind
    widget: WidgetRef
    numbers: dict[str, float | int | str]

    def as_json(self) -> dict[str, object]:
        """The flat record ``--json`` prints."""
        return {
            "screen": self.cell.screen,
            "panel": self.cell.panel,
            "text_size": self.cell.text_size,
            "theme": self.cell.theme,
            "language": self.cell.language,
            "kind": self.kind.value,
            "object_name": self.widget.object_name,
            "class": self.widget.class_name,
            "text": self.widget.text,
            "path": self.widget.path,
            "numbers": self.numbers,
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> Finding:
        """A finding back from :meth:`as_json` (the audit's parallel workers print it)."""
        cell = Cell(
            screen=str(record["screen"]),
            panel=str(record["panel"]),
            text_size=int(record["text_size"]),
            theme=str(record["theme"]),
            language=str(record["language"]),
        )
        widget = WidgetRef(
            object_name=str(record["object_name"]),
            class_name=str(record["class"]),
            text=str(record["text"]),
            path=str(record["path"]),
        )
        return cls(cell, Kind(record["kind"]), widget, dict(record["numbers"]))

    def line(self) -> str:
        """One line for a person reading the terminal."""
        c, w = self.cell, self.widget
        name = w.object_name or "-"
        numbers = " ".join(f"{key}={value}" for key, value in self.numbers.items())
        text = f" {w.text!r}" if w.text else ""
        return (
            f"{c.screen} {c.panel} {c.text_size}% {c.theme} {c.language}: {self.kind.value} "
            f"{w.class_name}#{name}{text} [{numbers}]"
        )


def placed(cell: Cell, problems: list[Problem]) -> list[Finding]:
    return [Finding(cell, p.kind, p.widget, p.numbers) for p in problems]


def short(text: str) -> str:
    """``text`` on one line, cut to :data:`TEXT_CHARS`."""
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_CHARS else flat[: TEXT_CHARS - 1] + "…"
