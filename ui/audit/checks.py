"""The detectors, and the walk that runs them over every visible widget of a window.

:func:`audit_widgets` walks the tree from a root (the window, or an overlay over it)
and reports, for each widget a citizen can see:

- **text-clipped**: its text needs more room than its contents rect (labels, buttons,
  check and radio boxes, a line edit's text line and its placeholder, list rows);
- **off-window**: it lies outside the panel, or outside a scroll area's viewport where
  scrolling cannot bring it in (an axis scrolls when its range is not empty and its
  scroll bar is not switched off); **cut-by-parent**: it lies outside its parent;
  only the things a citizen reads or taps are named, not the boxes around them, and
  nothing inside a widget already named;
- **small-target**: a button, check or radio box, field, combo box or list row lower
  than :data:`MIN_TOUCH_PX`, a scroll bar narrower; keyboard keys may be
  :data:`MIN_KEY_PX_TIGHT` on the one panel and text size where six rows must share
  little height (:func:`rules_for`);
- **low-contrast**: text whose colour, against what is drawn behind it, is under
  the ratio for the theme (:func:`rules_for`);
- **horizontal-scroll**: a scroll area, list or text box whose content is wider than
  its viewport.

Colours: the text colour is the widget's palette colour for its foreground role
(labels' WindowText, buttons' ButtonText, fields' Text or PlaceholderText), which is
what the style sheet's ``color`` becomes once the widget is polished, as long as the
rendered text shows it; where a style sheet state (``:checked``, ``:pressed``) painted
another, the drawn colour that stands out most is taken. The background is read from
the rendered window: the colour most of the text's box shows, since a label's own
palette background is rarely what is painted behind it (its card's, its button's or
the screen's is). Disabled widgets are not checked for contrast: they are greyed on
purpose and not read as instructions (WCAG 1.4.3); nor are texts a scroll area's edge
cuts, which are judged where they show whole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPalette
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionFrame,
    QTextEdit,
    QWidget,
)

from ui.audit.findings import Kind, Problem, WidgetRef, short
from ui.audit.measure import (
    Colours,
    Rendering,
    TextSize,
    contrast,
    exceeds,
    line_metrics,
    plain_text_size,
    strip_mnemonic,
    text_colours,
)

MIN_TOUCH_PX = 64
MIN_KEY_PX = 64
#: Keys at 1366×768 with 150 % text: six rows of 64 px leave too little of 768 px.
MIN_KEY_PX_TIGHT = 48
TIGHT_PANEL = (1366, 768)
TIGHT_TEXT = 150
MIN_CONTRAST = 4.5
MIN_CONTRAST_HIGH = 7.0
#: The on-screen keyboard's object name: its buttons are keys.
KEYBOARD = "Keyboard"
#: Inside a line edit Qt keeps this much room around the text line (QLineEdit's own
#: horizontal and vertical margins).
LINE_EDIT_MARGIN = (2, 1)
#: Between a button's icon and its text.
ICON_GAP_PX = 4


@dataclass(frozen=True, slots=True)
class Rules:
    """The minimums at one cell of the matrix."""

    min_touch_px: int = MIN_TOUCH_PX
    min_key_px: int = MIN_KEY_PX
    min_contrast: float = MIN_CONTRAST


def rules_for(panel: tuple[int, int], text_size: int, high_contrast: bool) -> Rules:
    """The minimums for a panel, text size and theme: high contrast asks 7:1 (WCAG's
    enhanced level, for the citizens who chose it), keys may be lower only where a
    whole keyboard cannot otherwise fit."""
    tight = panel == TIGHT_PANEL and text_size == TIGHT_TEXT
    return Rules(
        min_touch_px=MIN_TOUCH_PX,
        min_key_px=MIN_KEY_PX_TIGHT if tight else MIN_KEY_PX,
        min_contrast=MIN_CONTRAST_HIGH if high_contrast else MIN_CONTRAST,
    )


def widget_ref(widget: QWidget, text: str = "") -> WidgetRef:
    """``widget`` as a developer finds it in the code: its object name, class, and the
    named boxes around it (``Screen/SectionPage/Scroll/...``)."""
    names = []
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if parent.objectName():
            names.append(parent.objectName())
        parent = parent.parentWidget()
    return WidgetRef(
        object_name=widget.objectName(),
        class_name=type(widget).__name__,
        text=short(text),
        path="/".join(reversed(names)),
    )


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    """``widget``'s rectangle in ``window``'s coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _rect_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()},{rect.width()}x{rect.height()}"


def _inside(rect: QRect, bounds: QRect) -> bool:
    return (
        rect.left() >= bounds.left() - 1
        and rect.top() >= bounds.top() - 1
        and rect.right() <= bounds.right() + 1
        and rect.bottom() <= bounds.bottom() + 1
    )


def _overflow(rect: QRect, bounds: QRect) -> int:
    return max(
        bounds.left() - rect.left(),
        bounds.top() - rect.top(),
        rect.right() - bounds.right(),
        rect.bottom() - bounds.bottom(),
        0,
    )


# -- what a widget shows and where ----------------------------------------------------


def shown_text(widget: QWidget) -> str:
    """The text a citizen reads on ``widget`` ("" when none)."""
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return strip_mnemonic(widget.text())
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    return ""


def _button_option(button: QAbstractButton) -> QStyleOptionButton:
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QPushButton) and button.isFlat():
        option.features |= QStyleOptionButton.ButtonFeature.Flat
    return option


def text_area(widget: QWidget) -> QRect:
    """Where ``widget`` draws its text, in its own coordinates: inside borders and
    padding, as the style (with the style sheet) lays it out."""
    style = widget.style()
    if isinstance(widget, QLabel):
        margin = widget.margin()
        return widget.contentsRect().adjusted(margin, margin, -margin, -margin)
    if isinstance(widget, QAbstractButton):
        element = QStyle.SubElement.SE_PushButtonContents
        if isinstance(widget, QCheckBox):
            element = QStyle.SubElement.SE_CheckBoxContents
        elif isinstance(widget, QRadioButton):
            element = QStyle.SubElement.SE_RadioButtonContents
        elif not isinstance(widget, QPushButton):
            return widget.contentsRect()
        return style.subElementRect(element, _button_option(widget), widget)
    if isinstance(widget, QLineEdit):
        option = QStyleOptionFrame()
        option.initFrom(widget)
        option.lineWidth = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        area = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, widget)
        margins = widget.textMargins()
        h, v = LINE_EDIT_MARGIN
        return area.adjusted(
            margins.left() + h, margins.top() + v, -margins.right() - h, -margins.bottom() - v
        )
    return widget.contentsRect()


# -- text fit -----------------------------------------------------------------------


def text_problem(widget: QWidget) -> Problem | None:
    """**text-clipped** when ``widget``'s text needs more than its text area."""
    area = text_area(widget)
    font = widget.font()
    text = shown_text(widget)
    if not text:
        return None
    if isinstance(widget, QLabel):
        if not widget.pixmap().isNull():
            return None
        if _is_rich(widget, text):
            return _rich_text_problem(widget, text)
        wrap = float(area.width()) if widget.wordWrap() else None
        size = plain_text_size(text, font, wrap)
    elif isinstance(widget, QAbstractButton):
        size = plain_text_size(text, font)
        if not widget.icon().isNull():
            size = replace(size, width=size.width + widget.iconSize().width() + ICON_GAP_PX)
    elif isinstance(widget, QLineEdit):
        size = plain_text_size(text, font)
        if widget.text():
            # Typed text scrolls sideways inside the field; only its height must fit.
            size = replace(size, width=0.0)
    else:
        return None
    return _fit_verdict(widget, text, size, area.width(), area.height())


def _is_rich(label: QLabel, text: str) -> bool:
    kind = label.textFormat()
    return kind == Qt.TextFormat.RichText or (
        kind == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )


def _rich_text_problem(label: QLabel, markup: str) -> Problem | None:
    """The kiosk's own markup (bold search matches): the label lays it out itself, so
    its own answer (``heightForWidth``, ``sizeHint``) is the room it needs, plus what
    stacked marks need beyond the font's line."""
    font = label.font()
    extra = max(0.0, line_metrics(font).height - QFontMetricsF(font).height())
    hint = label.sizeHint()
    if label.wordWrap():
        size = TextSize(0.0, label.heightForWidth(label.width()) + extra, 0)
    else:
        size = TextSize(float(hint.width()), hint.height() + extra, 0)
    return _fit_verdict(label, _plain(markup), size, label.width(), label.height())


def _fit_verdict(
    widget: QWidget, text: str, size: TextSize, width: int, height: int
) -> Problem | None:
    if not (exceeds(size.width, width) or exceeds(size.height, height)):
        return None
    font = widget.font()
    return Problem(
        Kind.TEXT_CLIPPED,
        widget_ref(widget, text),
        {
            "needed_width": round(size.width),
            "needed_height": round(size.height),
            "width": width,
            "height": height,
            "lines": size.lines,
            "font_px": font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF()),
        },
    )


def _plain(markup: str) -> str:
    """Markup's visible words, for naming a rich-text label in a finding."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def row_text_problems(view: QAbstractItemView) -> list[Problem]:
    """**text-clipped** for the rows of a list the citizen can see."""
    problems = []
    for index in _visible_rows(view):
        needed = view.sizeHintForIndex(index)
        rect = view.visualRect(index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else view.font()
        box = line_metrics(font)
        needed_height = max(float(needed.height()), box.height)
        if exceeds(needed.width(), rect.width()) or exceeds(needed_height, rect.height()):
            problems.append(
                Problem(
                    Kind.TEXT_CLIPPED,
                    widget_ref(view, text),
                    {
                        "needed_width": needed.width(),
                        "needed_height": round(needed_height),
                        "width": rect.width(),
                        "height": rect.height(),
                        "row": index.row(),
                    },
                )
            )
    return problems


def _visible_rows(view: QAbstractItemView) -> list[QModelIndex]:
    model = view.model()
    if model is None:
        return []
    shown = view.viewport().rect()
    rows = []
    for row in range(model.rowCount(view.rootIndex())):
        index = model.index(row, 0, view.rootIndex())
        if view.isIndexHidden(index):
            continue
        if view.visualRect(index).intersects(shown):
            rows.append(index)
    return rows


# -- touch targets --------------------------------------------------------------------


def _is_key(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == KEYBOARD:
            return True
        parent = parent.parentWidget()
    return False


def is_target(widget: QWidget) -> bool:
    """Something a finger is meant to tap."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
        return False
    if isinstance(widget, (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)):
        return True
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return False


def target_problems(widget: QWidget, rules: Rules) -> list[Problem]:
    """**small-target** for a tappable widget, a scroll bar, or a list's rows."""
    if isinstance(widget, QScrollBar):
        vertical = widget.orientation() == Qt.Orientation.Vertical
        across = widget.width() if vertical else widget.height()
        if across < rules.min_touch_px:
            side = "width" if vertical else "height"
            return [
                Problem(
                    Kind.SMALL_TARGET,
                    widget_ref(widget),
                    {side: across, "minimum": rules.min_touch_px},
                )
            ]
        return []
    if isinstance(widget, QAbstractItemView) and not widget.testAttribute(
        Qt.WidgetAttribute.WA_TransparentForMouseEvents
    ):
        problems = []
        for index in _visible_rows(widget):
            height = widget.visualRect(index).height()
            if height < rules.min_touch_px:
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                problems.append(
                    Problem(
                        Kind.SMALL_TARGET,
                        widget_ref(widget, text),
                        {"height": height, "minimum": rules.min_touch_px, "row": index.row()},
                    )
                )
        return problems
    if not is_target(widget):
        return []
    minimum = rules.min_key_px if _is_key(widget) else rules.min_touch_px
    if widget.height() >= minimum:
        return []
    return [
        Problem(
            Kind.SMALL_TARGET,
            widget_ref(widget, shown_text(widget)),
            {"height": widget.height(), "minimum": minimum},
        )
    ]


# -- contrast -------------------------------------------------------------------------


def text_colour(widget: QWidget) -> QColor:
    """The colour ``widget``'s text is drawn in (placeholder text when a field is empty)."""
    group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
    role = widget.foregroundRole()
    if isinstance(widget, QLineEdit) and not widget.text():
        role = QPalette.ColorRole.PlaceholderText
    return widget.palette().color(group, role)


def contrast_problem(
    widget: QWidget, rendering: Rendering, window: QWidget, visible: QRect, rules: Rules
) -> Problem | None:
    """**low-contrast** for ``widget``'s text as the rendered window shows it
    (``visible``: the part of the window where it can be seen now)."""
    if not widget.isEnabled():
        return None
    text = shown_text(widget)
    if not text.strip():
        return None
    if isinstance(widget, QLabel) and not widget.pixmap().isNull():
        return None
    area = text_area(widget).translated(widget.mapTo(window, QPoint(0, 0)))
    if not _inside(area, visible):
        return None  # cut by a scroll area's edge: judged where it shows whole
    colours = text_colours(rendering, area, text_colour(widget))
    if colours is None:
        return None
    return _contrast_verdict(widget, text, colours, rules)


def row_contrast_problems(
    view: QAbstractItemView, rendering: Rendering, window: QWidget, visible: QRect, rules: Rules
) -> list[Problem]:
    if not view.isEnabled():
        return []
    problems = []
    ink = view.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    for index in _visible_rows(view):
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text.strip():
            continue
        rect = view.visualRect(index).translated(view.viewport().mapTo(window, QPoint(0, 0)))
        if not _inside(rect, visible):
            continue
        colours = text_colours(rendering, rect, ink)
        if colours is None:
            continue
        problem = _contrast_verdict(view, text, colours, rules)
        if problem is not None:
            problems.append(problem)
    return problems


def _contrast_verdict(widget: QWidget, text: str, colours: Colours, rules: Rules) -> Problem | None:
    ratio = contrast(colours.text, colours.background)
    if ratio >= rules.min_contrast:
        return None
    return Problem(
        Kind.LOW_CONTRAST,
        widget_ref(widget, text),
        {
            "ratio": round(ratio, 2),
            "minimum": rules.min_contrast,
            "text_colour": colours.text.name(),
            "background": colours.background.name(),
            "colour_from": colours.source,
        },
    )


# -- sideways scrolling ---------------------------------------------------------------


def scroll_problem(area: QAbstractScrollArea) -> Problem | None:
    """**horizontal-scroll** when ``area``'s content is wider than its viewport."""
    bar = area.horizontalScrollBar()
    overflow = bar.maximum() - bar.minimum()
    if overflow <= 0:
        return None
    viewport = area.viewport().width()
    return Problem(
        Kind.HORIZONTAL_SCROLL,
        widget_ref(area),
        {"content_width": viewport + overflow, "viewport_width": viewport},
    )


def _scrolls(bar: QScrollBar, policy: Qt.ScrollBarPolicy) -> bool:
    return bar.maximum() > bar.minimum() and policy != Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def scroll_reach(area: QAbstractScrollArea, window: QWidget) -> QRect:
    """What of a scroll area's content a citizen can bring into its viewport."""
    reach = window_rect(area.viewport(), window)
    h, v = area.horizontalScrollBar(), area.verticalScrollBar()
    if _scrolls(h, area.horizontalScrollBarPolicy()):
        reach.adjust(h.minimum() - h.value(), 0, h.maximum() - h.value(), 0)
    if _scrolls(v, area.verticalScrollBarPolicy()):
        reach.adjust(0, v.minimum() - v.value(), 0, v.maximum() - v.value())
    return reach


# -- the walk -------------------------------------------------------------------------


def _is_content(widget: QWidget, children: list[QWidget]) -> bool:
    """A thing a citizen reads or taps (not merely a box around other widgets)."""
    kinds = (
        QLabel,
        QAbstractButton,
        QLineEdit,
        QAbstractScrollArea,
        QComboBox,
        QAbstractSpinBox,
        QProgressBar,
        QAbstractSlider,
    )
    return isinstance(widget, kinds) or not children


def _visible_children(widget: QWidget) -> list[QWidget]:
    return [
        child
        for child in widget.children()
        if isinstance(child, QWidget)
        and not child.isWindow()
        and child.isVisible()
        and child.width() > 0
        and child.height() > 0
    ]


@dataclass(frozen=True, slots=True)
class _Reach:
    """Where a widget can be seen (window coordinates), and what limits it there:
    the ``"window"`` (the panel) or a ``"scroll area"`` that cannot scroll further."""

    rect: QRect
    where: str


def _is_viewport(widget: QWidget) -> bool:
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is widget


class _Walk:
    def __init__(self, window: QWidget, rules: Rules, rendering: Rendering | None) -> None:
        self.window = window
        self.rules = rules
        self.rendering = rendering
        self.problems: list[Problem] = []

    def visit(self, widget: QWidget, reach: _Reach, clip: QRect, placed: bool) -> None:
        """Check ``widget`` and walk on. ``reach``: where it could be brought into view;
        ``clip``: what of the window its parent shows now; ``placed``: an ancestor was
        already reported as out of place, which says it for everything inside it."""
        rect = window_rect(widget, self.window)
        children = _visible_children(widget)
        if not placed and _is_content(widget, children) and not _inside(rect, reach.rect):
            self.problems.append(self.placement(widget, rect, reach))
            placed = True
        shown = rect.intersected(clip)
        self.check(widget, shown)
        inside = _Reach(rect.intersected(reach.rect), reach.where)
        viewport, scrolled = None, None
        if isinstance(widget, QAbstractScrollArea):
            viewport = widget.viewport()
            scrolled = _Reach(scroll_reach(widget, self.window), "scroll area")
        for child in children:
            if scrolled is not None and child is viewport:
                # Its content: judged by where scrolling can bring it.
                viewport_shown = window_rect(child, self.window).intersected(shown)
                self.check(child, viewport_shown)
                for content in _visible_children(child):
                    self.visit(content, scrolled, viewport_shown, placed)
            else:
                self.visit(child, inside, shown, placed)

    def placement(self, widget: QWidget, rect: QRect, reach: _Reach) -> Problem:
        parent = widget.parentWidget()
        cut = (
            parent is not None
            and parent is not self.window
            and not _is_viewport(parent)
            and not _inside(rect, window_rect(parent, self.window))
        )
        return Problem(
            Kind.CUT_BY_PARENT if cut else Kind.OFF_WINDOW,
            widget_ref(widget, shown_text(widget)),
            {
                "rect": _rect_text(rect),
                "visible_area": _rect_text(reach.rect),
                "outside_px": _overflow(rect, reach.rect),
                "where": "parent" if cut else reach.where,
            },
        )

    def check(self, widget: QWidget, shown: QRect) -> None:
        """The checks of ``widget`` alone; ``shown``: its part on screen now."""
        rules, rendering = self.rules, self.rendering
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            problem = text_problem(widget)
            if problem is not None:
                self.problems.append(problem)
            if rendering is not None and not shown.isEmpty():
                problem = contrast_problem(widget, rendering, self.window, shown, rules)
                if problem is not None:
                    self.problems.append(problem)
        self.problems.extend(target_problems(widget, rules))
        if isinstance(widget, QAbstractScrollArea):
            problem = scroll_problem(widget)
            if problem is not None:
                self.problems.append(problem)
        if isinstance(widget, QAbstractItemView):
            self.problems.extend(row_text_problems(widget))
            if rendering is not None and not shown.isEmpty():
                self.problems.extend(
                    row_contrast_problems(widget, rendering, self.window, shown, rules)
                )


def audit_widgets(
    root: QWidget,
    rules: Rules,
    *,
    bounds: QRect | None = None,
    image: QImage | None = None,
) -> list[Problem]:
    """Every problem of ``root`` and the visible widgets under it.

    ``bounds``: the panel, in the window's coordinates (the window's own rect when not
    given); ``image``: the window as rendered (``QWidget.grab``), for the colours behind
    text; without it contrast is not checked.
    """
    window = root.window()
    panel = bounds if bounds is not None else QRect(0, 0, window.width(), window.height())
    walk = _Walk(window, rules, Rendering(image) if image is not None else None)
    reach = _Reach(panel, "window")
    if root is window:
        whole = QRect(0, 0, window.width(), window.height())
        if not _inside(whole, panel):
            # The cause of what lies beyond: the window could not shrink to the panel.
            walk.problems.append(
                Problem(
                    Kind.OFF_WINDOW,
                    widget_ref(window),
                    {
                        "rect": _rect_text(whole),
                        "visible_area": _rect_text(panel),
                        "outside_px": _overflow(whole, panel),
                        "where": "panel",
                    },
                )
            )
        walk.check(root, panel)
        for child in _visible_children(root):
            walk.visit(child, reach, panel, placed=False)
    else:
        walk.visit(root, reach, panel, placed=False)
    return walk.problems
