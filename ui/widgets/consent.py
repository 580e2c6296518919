"""The privacy notice and one box per purpose, before a citizen gives any personal data.

A page for any journey that collects data (the tờ khai today, account registration
next): it shows the core's :class:`~kiosk.consent.Notice` exactly as written, large and
scrollable, with a touch-sized row per purpose, none ticked. "Đồng ý và tiếp tục" is
enabled once every purpose the service needs is ticked and emits :attr:`agreed` with
the ticked ids; "Không đồng ý" emits :attr:`declined`, and the journey ends the visit.
Recording the consent is the core's (``ConsentService.agree``); this page only asks.

The notice's own words are not translated here: the core holds them per language, so
the text on screen is the text whose hash the consent record names. Only the buttons
and the instruction go through Qt's translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from kiosk.config import TextScale, Theme
from kiosk.consent import Notice, Purpose
from ui.theme import HIGH_CONTRAST, MIN_TOUCH_PX, STANDARD, Palette, palette, px
from ui.widgets.label import Label
from ui.widgets.navigation import kinetic_scroll_area
from ui.widgets.row_button import RowButton
from ui.widgets.screen import big_button

#: The notice's column: lines longer than this are hard to follow.
TEXT_MAX_PX = 1100
#: A purpose row is at least this high at 100 % text, more at larger text.
ROW_MIN_PX = 88


def consent_stylesheet(theme: Theme, scale: TextScale) -> str:
    """The notice's look for ``theme`` at ``scale``: body text 24 px at 100 %."""
    p = palette(theme)
    hc = p is HIGH_CONTRAST

    def s(size: float) -> int:
        return px(size, scale)

    title = p.text if hc else p.primary
    chosen = f"{p.border_px + 2}px solid {p.accent if hc else p.primary}"
    return f"""
#ConsentContent {{ background: transparent; }}
#ConsentTitle {{ font-size: {s(32)}px; font-weight: bold; color: {title}; }}
#ConsentText {{ font-size: {s(24)}px; color: {p.text}; }}
#ConsentInstruction {{ font-size: {s(24)}px; font-weight: bold; color: {p.text}; }}
QPushButton#PurposeRow {{
    min-height: {max(ROW_MIN_PX, s(ROW_MIN_PX))}px;
    padding: 0;
    text-align: left;
    background: {p.surface};
    border: {p.border_px}px solid {p.border};
    border-radius: 14px;
}}
QPushButton#PurposeRow:checked {{ border: {chosen}; }}
QPushButton#PurposeRow:pressed {{ background: {p.window if not hc else p.primary_pressed}; }}
#PurposeLabel {{ font-size: {s(24)}px; font-weight: bold; color: {p.text}; }}
#PurposeNote {{ font-size: {s(20)}px; font-weight: normal; color: {p.muted}; }}
QPushButton#AgreeButton, QPushButton#DeclineButton {{
    min-height: {max(MIN_TOUCH_PX, s(72))}px;
    font-size: {s(26)}px;
}}
QPushButton#AgreeButton:disabled {{
    color: {p.muted};
    background: {p.window if not hc else p.surface};
    border-color: {p.border};
}}
"""


def _box_colours(p: Palette) -> tuple[QColor, QColor]:
    """The box's ink and the tick's colour: blue and white, or white and black."""
    return QColor(p.text if p is HIGH_CONTRAST else p.primary), QColor(p.surface)


class TickBox(QWidget):
    """The row's box, painted (no font has to carry a tick): empty, or filled and ticked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("TickBox")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.checked = False
        self.ink, self.paper = _box_colours(STANDARD)

    def set_colours(self, ink: QColor, paper: QColor) -> None:
        self.ink, self.paper = ink, paper
        self.update()

    def set_checked(self, checked: bool) -> None:
        self.checked = checked
        self.update()

    @override
    def sizeHint(self) -> QSize:
        side = max(44, round(self.fontInfo().pixelSize() * 1.8))
        return QSize(side, side)

    @override
    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        ink = self.ink
        side = min(self.width(), self.height())
        box = QRectF(2, (self.height() - side) / 2 + 2, side - 4, side - 4)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink, max(3.0, side / 14)))
        painter.setBrush(ink if self.checked else QColor(0, 0, 0, 0))
        painter.drawRoundedRect(box, side / 8, side / 8)
        if self.checked:
            tick = QPen(self.paper, max(4.0, side / 9))
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(tick)
            left, top, width = box.left(), box.top(), box.width()
            painter.drawPolyline(
                [
                    QPointF(left + width * 0.22, top + width * 0.52),
                    QPointF(left + width * 0.42, top + width * 0.72),
                    QPointF(left + width * 0.78, top + width * 0.30),
                ]
            )
        painter.end()


class PurposeRow(RowButton):
    """One purpose as one touch target: the box, what it is for, whether it is needed."""

    def __init__(self, purpose: Purpose, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("PurposeRow")
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.purpose = purpose
        self.box = TickBox(self)
        self.label = _plain(self, "PurposeLabel")
        self.note = _plain(self, "PurposeNote")
        for label in (self.label, self.note):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.label)
        texts.addWidget(self.note)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 12, 20, 12)
        row.setSpacing(20)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(texts, 1)
        self.toggled.connect(self.box.set_checked)
        self.show_purpose(purpose)

    def show_purpose(self, purpose: Purpose) -> None:
        self.purpose = purpose
        self.label.setText(purpose.label)
        self.note.setText(purpose.note)
        self.setAccessibleName(f"{purpose.label} ({purpose.note})")


class ConsentNotice(QWidget):
    """The notice page: read, tick, agree or decline. Holds nothing after the visit."""

    #: "Đồng ý và tiếp tục": the ticked purpose ids (``frozenset[str]``).
    agreed = Signal(object)
    #: "Không đồng ý".
    declined = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConsentNotice")
        self.notice: Notice | None = None
        self.rows: list[PurposeRow] = []
        self.paragraphs: list[Label] = []
        self._look: tuple[object, object] | None = None
        self._colours = _box_colours(STANDARD)

        content = QWidget(self)
        content.setObjectName("ConsentContent")
        content.setMaximumWidth(TEXT_MAX_PX)
        self._content = content
        self.title = _plain(content, "ConsentTitle")
        self.instruction = _plain(content, "ConsentInstruction")
        self._text = QVBoxLayout()
        self._text.setSpacing(14)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(14)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 16, 16)
        column.setSpacing(18)
        column.addWidget(self.title)
        column.addLayout(self._text)
        column.addWidget(self.instruction)
        column.addLayout(self._rows)
        column.addStretch(1)
        self.scroll_area = kinetic_scroll_area(self, content)

        self.decline_button = big_button(self, role="secondary", name="DeclineButton")
        self.decline_button.clicked.connect(self.declined)
        self.agree_button = big_button(self, role="action", name="AgreeButton")
        self.agree_button.clicked.connect(self._agree)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.decline_button, 1)
        buttons.addWidget(self.agree_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_notice(self, notice: Notice) -> None:
        """Show ``notice``; a box already ticked stays ticked when only the language changed."""
        ticked = self.ticked() if self.notice is not None else frozenset()
        self.notice = notice
        self.title.setText(notice.title)
        while len(self.paragraphs) < len(notice.paragraphs):
            label = _plain(self._content, "ConsentText")
            self._text.addWidget(label)
            self.paragraphs.append(label)
        for index, label in enumerate(self.paragraphs):
            shown = index < len(notice.paragraphs)
            label.setText(notice.paragraphs[index] if shown else "")
            label.setVisible(shown)
        for row in self.rows:
            self._rows.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for purpose in notice.purposes:
            row = PurposeRow(purpose, self._content)
            row.box.set_colours(*self._colours)
            row.setChecked(purpose.id in ticked)
            row.toggled.connect(self._update_agree)
            self._rows.addWidget(row)
            self.rows.append(row)
        self._update_agree()

    def ticked(self) -> frozenset[str]:
        return frozenset(row.purpose.id for row in self.rows if row.isChecked())

    def row(self, purpose_id: str) -> PurposeRow:
        return next(row for row in self.rows if row.purpose.id == purpose_id)

    def wipe(self) -> None:
        """Untick every box (the notice is read again by the next person to open it)."""
        for row in self.rows:
            row.setChecked(False)

    def _update_agree(self) -> None:
        notice = self.notice
        self.agree_button.setEnabled(notice is not None and notice.required <= self.ticked())

    def _agree(self) -> None:
        if self.agree_button.isEnabled():
            self.agreed.emit(self.ticked())

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        self._apply_look()
        super().showEvent(event)

    def _apply_look(self) -> None:
        """The notice's styles for the window's theme and text size (set on the home
        screen, so showing the page is the moment to catch up)."""
        window = self.window()
        look = (getattr(window, "theme", None), getattr(window, "text_scale", None))
        if look != self._look and all(part is not None for part in look):
            self._look = look
            theme, scale = look
            self.setStyleSheet(consent_stylesheet(theme, scale))  # type: ignore[arg-type]
            self._colours = _box_colours(palette(theme))  # type: ignore[arg-type]
            for row in self.rows:
                row.box.set_colours(*self._colours)

    def retranslate(self) -> None:
        self.instruction.setText(
            QCoreApplication.translate("Consent", "Bấm vào từng mục Ông/Bà đồng ý:")
        )
        self.agree_button.setText(QCoreApplication.translate("Consent", "Đồng ý và tiếp tục"))
        self.decline_button.setText(QCoreApplication.translate("Consent", "Không đồng ý"))


def _plain(parent: QWidget, name: str) -> Label:
    label = Label(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label
