"""A label's height for a width is remembered (layouts ask it the same question over
and over) and forgotten whenever what it shows or how it is styled changes: after
each change the label answers what Qt answers without memory, plus the room stacked
tone marks need."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.fonts import load_bundled_fonts
from ui.theme import FONT_FAMILY
from ui.widgets.label import Label, MarkupLabel, bold, escape, join, tone_mark_room

#: Two lines at the narrowest width asked, one at the others.
SHORT = "Đăng ký khai sinh"
LONG = (
    "Đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam có cha hoặc mẹ là công dân "
    "Việt Nam và người kia là người nước ngoài"
)
WIDTHS = (120, 240, 480)


def uncached(label: QLabel, width: int) -> int:
    """What the label would answer had it never been asked before."""
    height = QLabel.heightForWidth(label, width)
    return height + 2 * tone_mark_room(label.font()) if height >= 0 else height


def pixels(size: int) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(size)
    return font


def heights(label: QLabel) -> list[int]:
    return [label.heightForWidth(width) for width in WIDTHS]


@pytest.fixture
def page(qtbot: QtBot) -> QWidget:
    load_bundled_fonts()
    page = QWidget()
    page.setStyleSheet(f"QLabel {{ font-family: '{FONT_FAMILY}'; }}")
    QVBoxLayout(page)
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def label(page: QWidget) -> Label:
    label = Label(SHORT, page)
    label.setFont(pixels(20))
    label.setWordWrap(True)
    layout = page.layout()
    assert layout is not None
    layout.addWidget(label)
    heights(label)  # asked once: every answer below would come from memory if kept
    return label


def restyle(widget: QWidget) -> None:
    """Polish again without telling the widget its style changed, as the window does
    for its ``[panel=…]`` rules."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def _grow_minimum_by_style(label: Label) -> None:
    page = label.parentWidget()
    assert page is not None
    page.setStyleSheet(page.styleSheet() + ' QLabel[tall="true"] { min-height: 300px; }')
    label.setProperty("tall", "false")
    restyle(label)
    heights(label)  # remembered at the small minimum
    label.setProperty("tall", "true")
    restyle(label)


def _bigger_page_font(label: Label) -> None:
    page = label.parentWidget()
    assert page is not None
    page.setStyleSheet(f"QLabel {{ font-family: '{FONT_FAMILY}'; font-size: 36px; }}")


CHANGES: dict[str, Callable[[Label], None]] = {
    "longer text": lambda label: label.setText(LONG),
    "a number": lambda label: label.setNum(2026),
    "cleared": lambda label: label.clear(),
    "a bigger font": lambda label: label.setFont(pixels(40)),
    "a bigger font from the page's style sheet": _bigger_page_font,
    "its own style sheet's padding": lambda label: label.setStyleSheet("padding: 30px;"),
    "contents margins": lambda label: label.setContentsMargins(0, 25, 0, 25),
    "a margin": lambda label: label.setMargin(40),
    "an indent": lambda label: label.setIndent(200),
    "a minimum height": lambda label: label.setMinimumHeight(250),
    "a minimum height from a style rule, polished again": _grow_minimum_by_style,
    "no word wrap": lambda label: label.setWordWrap(False),
}


@pytest.mark.parametrize("change", CHANGES)
def test_after_a_change_the_label_answers_as_if_never_asked(label: Label, change: str) -> None:
    before = heights(label)
    CHANGES[change](label)
    after = heights(label)
    assert after == [uncached(label, width) for width in WIDTHS]
    assert after != before  # the change mattered, so a stale answer would be caught


def test_markup_set_anew_is_measured_anew(page: QWidget) -> None:
    label = MarkupLabel(page)
    label.setWordWrap(True)
    label.set_markup(bold(SHORT))
    before = heights(label)
    label.set_markup(join([escape(LONG[:40]), bold(LONG[40:])]))
    after = heights(label)
    assert after == [uncached(label, width) for width in WIDTHS]
    assert after != before


def test_the_same_question_lays_the_text_out_once(
    label: Label, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    laid_out = QLabel.heightForWidth

    def counting(self: QLabel, width: int) -> int:
        asked.append(width)
        return laid_out(self, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counting)
    label.setText(LONG)
    first = [label.heightForWidth(333) for _ in range(5)]
    assert asked == [333]
    assert first == [uncached(label, 333)] * 5
