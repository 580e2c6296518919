"""Pieces the lookup screens share: result rows with highlighted matches, the result list,
and the documents checklist's rows a citizen ticks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from ui.i18n import translate
from ui.screens.lookup.texts import ONLINE_BADGES, levels_text
from ui.widgets.label import Label, Markup, MarkupLabel, bold, escape, join
from ui.widgets.navigation import kinetic_scroll_area

if TYPE_CHECKING:
    from kiosk.catalog.search.api import SearchHit


def highlighted(name: str, spans: Sequence[tuple[int, int]]) -> Markup:
    """``name`` as markup with the matched spans in bold, every part of it escaped (a
    procedure's name is data); bad spans are ignored."""
    out: list[Markup] = []
    position = 0
    for span_start, span_end in sorted(spans):
        start, end = max(span_start, position), min(span_end, len(name))
        if start >= end:
            continue
        out.append(escape(name[position:start]))
        out.append(bold(name[start:end]))
        position = end
    out.append(escape(name[position:]))
    return join(out)


class ResultRow(QPushButton):
    """One procedure in a list: its name (matched words bold), field, level and a badge.

    The whole row is one touch target; its labels let presses through to it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.code = ""
        self.name = MarkupLabel(self)
        self.name.setObjectName("ResultName")
        self.name.setWordWrap(True)
        self.meta = Label(self)
        self.meta.setObjectName("ResultMeta")
        self.meta.setWordWrap(True)
        self.badge = Label(self)
        self.badge.setObjectName("OnlineBadge")
        arrow = Label("›", self)
        arrow.setObjectName("RowArrow")
        for label in (self.name, self.meta, self.badge, arrow):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        meta_row = QHBoxLayout()
        meta_row.setSpacing(14)
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        texts.addWidget(self.name)
        texts.addLayout(meta_row)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 14, 20, 14)
        row.setSpacing(16)
        row.addLayout(texts, 1)
        row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignVCenter)

    def show_hit(self, hit: SearchHit, field_name: str) -> None:
        self.code = hit.code
        self.name.set_markup(highlighted(hit.name, hit.highlights))
        self.meta.setText(
            " · ".join(part for part in (field_name, levels_text(hit.levels)) if part)
        )
        badge = ONLINE_BADGES.get(hit.online)
        self.badge.setVisible(badge is not None)
        self.badge.setText(translate(badge) if badge is not None else "")
        self.badge.setProperty("online", hit.online)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        self.setAccessibleName(hit.name)


class ResultList(QWidget):
    """A flickable list of procedures; rows are reused, so typing stays cheap."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._field_name: Callable[[str], str] = str
        self.rows: list[ResultRow] = []
        self._content = QWidget(self)
        self._content.setObjectName("ResultListContent")
        self._rows_layout = QVBoxLayout(self._content)
        self._rows_layout.setContentsMargins(0, 0, 12, 0)
        self._rows_layout.setSpacing(12)
        self._rows_layout.addStretch(1)
        self.scroll_area = kinetic_scroll_area(self, self._content)
        # May shrink to one row: the docked keyboard takes room from the list first.
        self.scroll_area.setMinimumHeight(72)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    @property
    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def visible_rows(self) -> list[ResultRow]:
        return self.rows[: len(self._hits)]

    def set_hits(self, hits: Sequence[SearchHit], field_name: Callable[[str], str]) -> None:
        self._hits = list(hits)
        self._field_name = field_name
        while len(self.rows) < len(hits):
            row = ResultRow(self._content)
            row.clicked.connect(lambda _=False, r=row: self.chosen.emit(r.code))
            self._rows_layout.insertWidget(len(self.rows), row)
            self.rows.append(row)
        for index, row in enumerate(self.rows):
            if index < len(hits):
                row.show_hit(hits[index], field_name(hits[index].field))
            row.setVisible(index < len(hits))
        self.scroll_area.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        """Badges and levels are translated texts: redraw the rows shown."""
        for row, hit in zip(self.rows, self._hits, strict=False):
            row.show_hit(hit, self._field_name(hit.field))

    def clear(self) -> None:
        self.set_hits([], str)


class TickBox(QFrame):
    """The square of a checklist row: empty, or filled with a tick when ``ticked``.

    The tick is drawn, not a character: the kiosk's font has no check mark, and a
    fallback font's glyph would differ from kiosk to kiosk. Its size (growing with the
    text) and the tick's colour (``color`` of ``#CheckBox[ticked="true"]``) are the
    stylesheet's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckBox")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._ticked = False
        self.setProperty("ticked", "false")

    @property
    def ticked(self) -> bool:
        return self._ticked

    def set_ticked(self, ticked: bool) -> None:
        self._ticked = ticked
        self.setProperty("ticked", "true" if ticked else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the styled box
        if not self._ticked:
            return
        side = float(min(self.width(), self.height()))
        tick = QPainterPath(QPointF(side * 0.24, side * 0.52))
        tick.lineTo(QPointF(side * 0.43, side * 0.71))
        tick.lineTo(QPointF(side * 0.77, side * 0.31))
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), side * 0.13)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(tick)
        painter.end()


class DocumentCheck(QPushButton):
    """One document to bring, as a row the citizen taps to tick off what they have with
    them; a second tap takes the tick away.

    A real checkbox, the whole row its touch target (the labels let presses through):
    a square that looked tickable and did nothing would teach that the screen is
    broken. The tick is only for the citizen's eyes during the visit.
    """

    def __init__(
        self,
        name: str,
        template: str,
        quantity: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentRow")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.box = TickBox(self)
        self.name = Label(name, self)
        self.name.setObjectName("DocumentName")
        self.name.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.name)
        self.template = Label(template, self)
        self.template.setObjectName("Muted")
        self.template.setWordWrap(True)
        self.template.setVisible(bool(template))
        texts.addWidget(self.template)
        self.quantity = Label(quantity, self)
        self.quantity.setObjectName("Quantity")
        self.quantity.setVisible(bool(quantity))
        for label in (self.name, self.template, self.quantity):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 20, 12)
        row.setSpacing(16)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(texts, 1)
        row.addWidget(self.quantity, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(name)
        self.toggled.connect(self.box.set_ticked)
