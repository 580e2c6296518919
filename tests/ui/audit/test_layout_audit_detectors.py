"""Each detector of the layout audit finds a deliberately broken widget and stays quiet
on a correct one: too-small targets, clipped text and clipped Vietnamese marks,
widgets off the window or cut by their parent, faint text, sideways scrolling."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.audit.checks import Rules, audit_widgets, rules_for
from ui.audit.findings import Kind, Problem
from ui.audit.measure import TONE_SAMPLE, contrast, line_metrics, plain_text_size
from ui.fonts import load_bundled_fonts
from ui.theme import FONT_FAMILY
from ui.widgets.label import Label, MarkupLabel, bold, escape, join

STANDARD = rules_for((1920, 1080), 100, high_contrast=False)
HIGH_CONTRAST = rules_for((1920, 1080), 100, high_contrast=True)
BODY_PX = 22


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """An 800×600 window in the kiosk's font, black on white, nothing in it yet."""
    load_bundled_fonts()
    window = QWidget()
    window.setObjectName("Window")
    window.setStyleSheet(
        f'QWidget {{ font-family: "{FONT_FAMILY}"; font-size: {BODY_PX}px; color: #000000; }}'
        "#Window { background: #ffffff; }"
    )
    window.setFixedSize(800, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def audit(window: QWidget, rules: Rules = STANDARD) -> list[Problem]:
    """The window's problems once its layouts and styles have settled."""
    for _ in range(3):
        QApplication.processEvents()
    return audit_widgets(window, rules, image=window.grab().toImage())


def kinds(problems: list[Problem], name: str) -> list[Kind]:
    return [p.kind for p in problems if p.widget.object_name == name]


def font(pixels: int) -> QFont:
    chosen = QFont(FONT_FAMILY)
    chosen.setPixelSize(pixels)
    return chosen


# -- touch targets ---------------------------------------------------------------------


def test_a_button_lower_than_a_finger_is_found(window: QWidget) -> None:
    small = QPushButton("Xóa", window)
    small.setObjectName("Small")
    small.setGeometry(20, 20, 160, 40)
    big = QPushButton("Tiếp tục", window)
    big.setObjectName("Big")
    big.setGeometry(20, 100, 200, 64)
    small.show()
    big.show()
    problems = audit(window)
    assert kinds(problems, "Small") == [Kind.SMALL_TARGET]
    found = next(p for p in problems if p.widget.object_name == "Small")
    assert found.numbers == {"height": 40, "minimum": 64}
    assert found.widget.text == "Xóa"
    assert kinds(problems, "Big") == []


def test_keyboard_keys_may_be_48_px_only_at_1366x768_with_150_percent_text(
    window: QWidget,
) -> None:
    keyboard = QFrame(window)
    keyboard.setObjectName("Keyboard")
    keyboard.setGeometry(0, 300, 800, 200)
    key = QPushButton("a", keyboard)
    key.setObjectName("Key")
    key.setGeometry(10, 10, 80, 50)
    key.show()
    keyboard.show()
    tight = rules_for((1366, 768), 150, high_contrast=False)
    assert tight.min_key_px == 48
    assert kinds(audit(window, tight), "Key") == []
    for panel, text in (((1366, 768), 125), ((1920, 1080), 150), ((1080, 1920), 150)):
        assert kinds(audit(window, rules_for(panel, text, False)), "Key") == [Kind.SMALL_TARGET]


def test_list_rows_and_scroll_bars_are_targets_too(window: QWidget) -> None:
    rows = QListWidget(window)
    rows.setObjectName("Rows")
    rows.setGeometry(20, 20, 400, 300)
    for name in ("Phường Hồng Hà", "Phường Ba Đình"):
        rows.addItem(QListWidgetItem(name))
    rows.show()
    problems = [p for p in audit(window) if p.widget.object_name == "Rows"]
    assert {p.numbers.get("row") for p in problems if p.kind is Kind.SMALL_TARGET} == {0, 1}
    for row in range(rows.count()):
        rows.item(row).setSizeHint(QSize(380, 72))
    assert [p for p in audit(window) if p.widget.object_name == "Rows"] == []

    scroll = QScrollArea(window)
    scroll.setObjectName("Scroll")
    scroll.setGeometry(450, 20, 300, 200)
    content = QWidget()
    content.setMinimumHeight(900)
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.show()
    bars = [p for p in audit(window) if p.kind is Kind.SMALL_TARGET and "width" in p.numbers]
    assert bars, "a default scroll bar is far narrower than a finger"
    window.setStyleSheet(window.styleSheet() + " QScrollBar:vertical { width: 64px; }")
    bars = [p for p in audit(window) if p.kind is Kind.SMALL_TARGET and "width" in p.numbers]
    assert bars == []


# -- text that does not fit ------------------------------------------------------------


def test_a_label_too_narrow_for_its_text_is_found(window: QWidget) -> None:
    text = "Đúng, dùng địa chỉ mới"
    needed = math.ceil(plain_text_size(text, font(BODY_PX)).width)
    clipped = Label(text, window)
    clipped.setObjectName("Clipped")
    clipped.setGeometry(20, 20, needed - 30, 60)
    clipped.show()
    whole = Label(text, window)
    whole.setObjectName("Whole")
    whole.setGeometry(20, 100, needed + 10, 60)
    whole.show()
    problems = audit(window)
    assert kinds(problems, "Clipped") == [Kind.TEXT_CLIPPED]
    found = next(p for p in problems if p.widget.object_name == "Clipped")
    assert found.numbers["needed_width"] > found.numbers["width"]
    assert kinds(problems, "Whole") == []


def test_a_wrapping_label_too_low_for_its_lines_is_found(window: QWidget) -> None:
    text = (
        "Những thông tin Ông/Bà đã nhập sẽ bị xóa khỏi kiosk và không được lưu lại. "
        "Tờ khai đã lưu vẫn được giữ để cán bộ tại quầy tra cứu."
    )
    short = Label(text, window)
    short.setObjectName("Short")
    short.setWordWrap(True)
    short.setGeometry(20, 20, 300, 60)
    short.show()
    tall = Label(text, window)
    tall.setObjectName("Tall")
    tall.setWordWrap(True)
    tall.setGeometry(400, 20, 300, short.heightForWidth(300) + 20)
    tall.show()
    problems = audit(window)
    assert kinds(problems, "Short") == [Kind.TEXT_CLIPPED]
    found = next(p for p in problems if p.widget.object_name == "Short")
    assert int(found.numbers["lines"]) > 2
    assert kinds(problems, "Tall") == []


def test_a_search_result_with_bold_words_is_measured_as_laid_out(window: QWidget) -> None:
    markup = join([escape("Thủ tục "), bold("đăng ký"), escape(" khai sinh")])
    narrow = MarkupLabel(window)
    narrow.setObjectName("Narrow")
    narrow.set_markup(markup)
    narrow.setGeometry(20, 20, 120, 40)
    narrow.show()
    wide = MarkupLabel(window)
    wide.setObjectName("Wide")
    wide.set_markup(markup)
    wide.setGeometry(20, 100, 500, 60)
    wide.show()
    problems = audit(window)
    assert kinds(problems, "Narrow") == [Kind.TEXT_CLIPPED]
    found = next(p for p in problems if p.widget.object_name == "Narrow")
    assert found.widget.text == "Thủ tục đăng ký khai sinh"
    assert kinds(problems, "Wide") == []


def test_a_button_whose_words_run_past_its_padding_is_found(window: QWidget) -> None:
    window.setStyleSheet(window.styleSheet() + " QPushButton { padding: 8px 24px; }")
    text = "Đúng, dùng địa chỉ mới"
    needed = math.ceil(plain_text_size(text, font(BODY_PX)).width)
    narrow = QPushButton(text, window)
    narrow.setObjectName("Narrow")
    narrow.setGeometry(20, 20, needed + 20, 72)  # wider than the words, not their padding
    wide = QPushButton(text, window)
    wide.setObjectName("Wide")
    wide.setGeometry(20, 120, needed + 60, 72)
    narrow.show()
    wide.show()
    problems = audit(window)
    assert kinds(problems, "Narrow") == [Kind.TEXT_CLIPPED]
    assert kinds(problems, "Wide") == []


def test_an_empty_fields_placeholder_must_fit(window: QWidget) -> None:
    hint = "Gõ tên thủ tục, ví dụ: khai sinh, kết hôn, hộ chiếu"
    narrow = QLineEdit(window)
    narrow.setObjectName("Narrow")
    narrow.setPlaceholderText(hint)
    narrow.setGeometry(20, 20, 250, 72)
    typed = QLineEdit(window)
    typed.setObjectName("Typed")
    typed.setText(hint)  # typed text scrolls inside the field: only its height counts
    typed.setGeometry(20, 120, 250, 72)
    narrow.show()
    typed.show()
    problems = audit(window)
    assert Kind.TEXT_CLIPPED in kinds(problems, "Narrow")
    assert Kind.TEXT_CLIPPED not in kinds(problems, "Typed")


@pytest.mark.parametrize("pixels", [20, 21, 22, 24, 26, 28, 31, 33, 40, 44])
def test_a_line_is_as_tall_as_stacked_vietnamese_marks(qtbot: QtBot, pixels: int) -> None:
    """The measured line box holds the ink of "Ỗ Ặ ẫ ự" above and below the baseline,
    wherever it reaches past the font's own ascent and descent."""
    load_bundled_fonts()
    chosen = font(pixels)
    metrics = QFontMetricsF(chosen)
    ink = metrics.tightBoundingRect(TONE_SAMPLE)
    box = line_metrics(chosen)
    assert box.ascent >= -ink.top()
    assert box.descent >= ink.bottom()
    assert box.height >= metrics.height()


def test_vietnamese_marks_cut_by_a_low_label_are_found(window: QWidget) -> None:
    """A label as low as the capitals of "HA NOI" cuts the marks of "HÀ NỘI"; one as
    tall as a line that fits stacked marks does not."""
    size = 40
    chosen = font(size)
    latin = QFontMetricsF(chosen).tightBoundingRect("HA NOI")
    window.setStyleSheet(window.styleSheet() + f" QLabel {{ font-size: {size}px; }}")
    cut = Label("HÀ NỘI", window)
    cut.setObjectName("Cut")
    cut.setGeometry(20, 20, 400, math.ceil(latin.height()) + 2)
    cut.show()
    room = math.ceil(line_metrics(chosen).height) + 1
    whole = Label("HÀ NỘI", window)
    whole.setObjectName("Whole")
    whole.setGeometry(20, 200, 400, room)
    whole.show()
    problems = audit(window)
    assert kinds(problems, "Cut") == [Kind.TEXT_CLIPPED]
    found = next(p for p in problems if p.widget.object_name == "Cut")
    assert found.numbers["needed_height"] > found.numbers["height"]
    assert kinds(problems, "Whole") == []


# -- where widgets are -----------------------------------------------------------------


def test_a_widget_past_the_window_edge_is_found(window: QWidget) -> None:
    outside = QPushButton("Không thuộc diện ưu tiên", window)
    outside.setObjectName("Outside")
    outside.setGeometry(600, 560, 300, 80)  # past the right and bottom edges
    inside = QPushButton("Xong", window)
    inside.setObjectName("Inside")
    inside.setGeometry(20, 20, 200, 80)
    outside.show()
    inside.show()
    problems = audit(window)
    assert kinds(problems, "Outside") == [Kind.OFF_WINDOW]
    found = next(p for p in problems if p.widget.object_name == "Outside")
    assert found.numbers["where"] == "window"
    assert found.numbers["outside_px"] == 100
    assert kinds(problems, "Inside") == []


def test_a_panel_smaller_than_the_window_puts_what_lies_beyond_off_it(
    window: QWidget,
) -> None:
    button = QPushButton("Về trang chủ", window)
    button.setObjectName("Home")
    button.setGeometry(500, 500, 250, 80)
    button.show()
    assert kinds(audit(window), "Home") == []
    beyond = audit_widgets(window, STANDARD, bounds=QRect(0, 0, 700, 550))
    assert kinds(beyond, "Home") == [Kind.OFF_WINDOW]
    cause = next(p for p in beyond if p.widget.object_name == "Window")
    assert cause.kind is Kind.OFF_WINDOW
    assert cause.numbers["where"] == "panel"
    assert cause.numbers["outside_px"] == 100


def test_a_child_cut_by_its_parent_is_found_and_its_own_children_are_not(
    window: QWidget,
) -> None:
    card = QFrame(window)
    card.setGeometry(20, 20, 400, 200)
    cut = QPushButton("Đúng, dùng địa chỉ mới", card)
    cut.setObjectName("CutButton")
    cut.setGeometry(250, 120, 300, 72)
    cut.show()
    card.show()
    problems = audit(window)
    assert kinds(problems, "CutButton") == [Kind.CUT_BY_PARENT]


def test_what_scrolling_reaches_is_in_view_and_what_it_cannot_is_not(
    window: QWidget,
) -> None:
    scroll = QScrollArea(window)
    scroll.setGeometry(20, 20, 400, 300)
    scroll.show()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = QWidget()
    # Wider than the viewport, with no sideways bar; far taller, which scrolling reaches.
    content.setMinimumSize(700, 12 * 80 + 20)
    for number in range(12):
        button = QPushButton(f"Thủ tục {number}", content)
        button.setObjectName(f"Row{number}")
        button.setGeometry(10, 10 + number * 80, 300, 72)
        button.show()
    stray = QPushButton("Xóa", content)
    stray.setObjectName("Stray")
    stray.setGeometry(500, 10, 120, 72)
    stray.show()
    scroll.setWidget(content)
    scroll.show()
    problems = audit(window)
    assert [p for p in problems if p.widget.object_name.startswith("Row")] == []
    assert kinds(problems, "Stray") == [Kind.OFF_WINDOW]
    found = next(p for p in problems if p.widget.object_name == "Stray")
    assert found.numbers["where"] == "scroll area"


def test_content_wider_than_its_scroll_area_needs_sideways_scrolling(
    window: QWidget,
) -> None:
    scroll = QScrollArea(window)
    scroll.setObjectName("Wide")
    scroll.setGeometry(20, 20, 400, 300)
    scroll.show()
    scroll.setWidgetResizable(True)
    content = QWidget()
    content.setMinimumWidth(700)
    scroll.setWidget(content)
    fitting = QScrollArea(window)
    fitting.setObjectName("Fitting")
    fitting.setGeometry(450, 20, 300, 300)
    fitting.setWidgetResizable(True)
    fitting.setWidget(QWidget())
    scroll.show()
    fitting.show()
    problems = audit(window)
    found = [p for p in problems if p.kind is Kind.HORIZONTAL_SCROLL]
    assert [p.widget.object_name for p in found] == ["Wide"]
    assert found[0].numbers["content_width"] >= 700


# -- contrast --------------------------------------------------------------------------


def test_faint_text_is_found_and_dark_text_is_not(window: QWidget) -> None:
    faint = Label("Hộ tịch · Cấp xã", window)
    faint.setObjectName("Faint")
    faint.setStyleSheet("color: #9aa3ad;")  # about 2.5:1 on white
    faint.setGeometry(20, 20, 400, 40)
    faint.show()
    dark = Label("Hộ tịch · Cấp xã", window)
    dark.setObjectName("Dark")
    dark.setGeometry(20, 100, 400, 40)
    dark.show()
    problems = audit(window)
    assert kinds(problems, "Faint") == [Kind.LOW_CONTRAST]
    found = next(p for p in problems if p.widget.object_name == "Faint")
    assert float(found.numbers["ratio"]) < 4.5
    assert found.numbers["background"] == "#ffffff"
    assert kinds(problems, "Dark") == []


def test_high_contrast_asks_seven_to_one(window: QWidget) -> None:
    window.setStyleSheet(window.styleSheet() + " #Window { background: #000000; }")
    grey = Label("Trực tuyến một phần", window)
    grey.setObjectName("Grey")
    grey.setStyleSheet("color: #808080;")  # 5.3:1 on black
    grey.setGeometry(20, 20, 400, 40)
    grey.show()
    assert contrast(grey.palette().windowText().color(), window.palette().window().color()) > 4.5
    assert kinds(audit(window, STANDARD), "Grey") == []
    assert kinds(audit(window, HIGH_CONTRAST), "Grey") == [Kind.LOW_CONTRAST]


def test_a_checked_buttons_own_colours_are_the_ones_measured(window: QWidget) -> None:
    """The palette keeps a button's unchecked colour (blue on white); checked, the style
    sheet paints white on blue, and that is what is judged."""
    window.setStyleSheet(
        window.styleSheet()
        + " QPushButton { color: #0b4a8b; background: #ffffff; border: 2px solid #0b4a8b; }"
        " QPushButton:checked { color: #ffffff; background: #0b4a8b; }"
    )
    choice = QPushButton("Nam", window)
    choice.setObjectName("Choice")
    choice.setCheckable(True)
    choice.setChecked(True)
    choice.setGeometry(20, 20, 200, 72)
    choice.show()
    assert kinds(audit(window), "Choice") == []
    window.setStyleSheet(
        window.styleSheet() + " QPushButton:checked { color: #2f6aa8; background: #0b4a8b; }"
    )
    assert kinds(audit(window), "Choice") == [Kind.LOW_CONTRAST]
