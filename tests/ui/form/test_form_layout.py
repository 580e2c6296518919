"""The form journey on every panel: long answers wrap and stay tappable, list rows are
finger-sized, date and place buttons keep their words, the card's address question
and the saved page fit, nothing scrolls sideways.

The kiosk is placed on the panel (1366×768, 1920×1080 landscape, the 1080×1920
standing kiosk) at the text size of the test; a citizen taps through the form, and
what they must read or tap is measured as the layout audit measures it
(``ui.audit``): the room its words need, and where it lies on the window.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale
from kiosk.forms.samples import sample_answers
from tests.ui.form.form_driver import PARENT_CARD, PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.audit.checks import text_area, text_problem
from ui.audit.measure import plain_text_size
from ui.main_window import KioskWindow
from ui.screens.form.inputs import AddressInput, ChoiceInput, DateInput, ListChoiceInput
from ui.widgets.reflow import ColumnGrid, FlowRow
from ui.widgets.wrap_button import WrapButton
from wire.forms import FormDefinition

SHORT = (1366, 768)
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
MIN_TOUCH_PX = 64
#: The status question whose answers are whole sentences.
MARITAL_FORM = "xac-nhan-tinh-trang-hon-nhan"
LONGEST_ANSWER = "da_ly_hon"


def settle() -> None:
    """Let the layouts that follow a resize, and the scroll into view, happen."""
    for _ in range(4):
        QApplication.processEvents()


def place(qtbot: QtBot, window: KioskWindow, panel: tuple[int, int]) -> None:
    """The window fills ``panel``, as the kiosk fills its screen."""
    window.resize(*panel)
    qtbot.waitUntil(lambda: window.size() == QSize(*panel))
    settle()


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def visible_area(widget: QWidget) -> QRect:
    """Where ``widget`` can be seen: on the window, above the keyboard, inside every
    scroll area around it."""
    window = widget.window()
    assert isinstance(window, KioskWindow)
    area = QRect(0, 0, window.width(), window.height())
    if window.keyboard.isVisible():
        area.setBottom(window_rect(window.keyboard).top() - 1)
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            area = area.intersected(window_rect(parent.viewport()))
        parent = parent.parentWidget()
    return area


def bring_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` until all of it shows, as a finger
    would, and keep it on the tests' screen (1920×1080), which a portrait window is
    taller than: the window moves up as far as needed (touch scrolling reads a press
    by its place on the screen)."""
    settle()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.viewport().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
    settle()
    window = widget.window()
    screen = window.screen().geometry()
    if window.height() > screen.height():
        centre = widget.mapTo(window, widget.rect().center()).y()
        top = max(screen.height() - window.height(), min(0, screen.height() // 2 - centre))
        window.move(0, top)
        settle()


def tap(driver: FormDriver, widget: QWidget) -> None:
    bring_into_view(widget)
    driver.tap(widget)


def put_keyboard_away(driver: FormDriver) -> None:
    """The citizen is done typing: "hide" on the on-screen keyboard."""
    keyboard = driver.window.keyboard
    for hide in (keyboard.hide_button, keyboard.pad_hide_button):
        if keyboard.isVisible() and hide.isVisible():
            driver.tap(hide)
    settle()


def assert_in_view(widget: QWidget) -> None:
    bring_into_view(widget)
    assert widget.isVisible(), widget.objectName()
    assert visible_area(widget).contains(window_rect(widget)), (
        widget.objectName(),
        window_rect(widget),
        visible_area(widget),
    )


def assert_words_fit(widget: QLabel | QAbstractButton | QLineEdit) -> None:
    """The widget's words fit its text area, as the audit measures them."""
    settle()
    problem = text_problem(widget)
    assert problem is None, problem


def assert_answer_readable_and_tappable(button: WrapButton) -> None:
    """Every word of an answer shows inside its button, which is finger-sized and on screen."""
    settle()
    label = button.label
    area = text_area(label)
    needed = plain_text_size(label.text(), label.font(), float(area.width()))
    assert needed.width <= area.width() + 1, (label.text(), needed, area)
    assert needed.height <= area.height() + 1, (label.text(), needed, area)
    assert button.rect().contains(label.geometry()), (label.text(), label.geometry())
    assert button.height() >= MIN_TOUCH_PX
    assert_in_view(button)


def no_sideways_scroll(area: QAbstractScrollArea) -> bool:
    bar = area.horizontalScrollBar()
    return bar.maximum() == bar.minimum()


def open_at(
    qtbot: QtBot, driver: FormDriver, form_id: str, section_id: str, panel: tuple[int, int]
) -> None:
    """``form_id`` open, filled with its invented answers, "Tiếp tục" up to
    ``section_id``, then the kiosk on ``panel`` (the privacy notice is agreed to on
    the tests' screen, which a portrait window does not fit)."""
    screen = driver.open(form_id)
    screen.fill(sample_answers(form_id))
    while driver.section_id() != section_id:
        driver.next()
    put_keyboard_away(driver)
    place(qtbot, driver.window, panel)


# -- answers that are sentences ------------------------------------------------------


@pytest.mark.parametrize("panel", [PORTRAIT, SHORT], ids=["1080x1920", "1366x768"])
def test_long_answers_wrap_and_every_answer_is_readable_and_tappable(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    open_at(qtbot, driver, MARITAL_FORM, "tinh_trang", panel)
    question = driver.question_as("marital_status", ChoiceInput)
    longest = question.buttons[LONGEST_ANSWER]
    assert longest.words().startswith("Đã đăng ký kết hôn nhưng đã ly hôn")
    assert longest.label.height() > longest.label.fontMetrics().height() * 3 // 2  # wrapped
    for button in question.buttons.values():
        assert_answer_readable_and_tappable(button)
    # Sentences do not share a row: one column, one answer under the other.
    buttons = list(question.buttons.values())
    assert len({button.x() for button in buttons}) == 1
    assert [b.y() for b in buttons] == sorted(b.y() for b in buttons)
    assert no_sideways_scroll(driver.page().scroll_area)

    tap(driver, longest)
    assert question.value() == LONGEST_ANSWER
    assert longest.isChecked()
    assert longest.label.property("checked") == "true"  # the chosen answer's words restyled
    assert [b for b in buttons if b.isChecked()] == [longest]


def test_short_answers_stay_side_by_side_where_they_fit(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory()
    driver = FormDriver(qtbot, window)
    open_at(qtbot, driver, MARITAL_FORM, "tinh_trang", LANDSCAPE)
    yes_no = driver.question_as("has_other_residence", ChoiceInput)
    yes, no = yes_no.buttons[True], yes_no.buttons[False]
    assert yes.y() == no.y()
    assert yes.x() < no.x()
    assert yes.width() == pytest.approx(no.width(), abs=1)
    statuses = driver.question_as("marital_status", ChoiceInput)
    assert statuses.grid.columns_for(statuses.width()) == 1  # a sentence needs the row
    tap(driver, yes)
    assert yes_no.value() is True


# -- lists and pickers -----------------------------------------------------------------


@pytest.mark.parametrize("scale", [TextScale.NORMAL, TextScale.LARGEST])
def test_every_row_of_a_picker_list_is_finger_sized(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: TextScale
) -> None:
    window = window_factory(text_scale=scale)
    driver = FormDriver(qtbot, window)
    open_at(qtbot, driver, "khai-sinh", "dan_toc_que_quan", SHORT)
    picker = driver.question_as("child_ethnicity", ListChoiceInput).picker
    driver.tap(picker.current)
    assert picker.is_open
    rows = picker.list
    assert rows.count() > 5
    shown = [
        rows.visualRect(rows.model().index(row, 0))
        for row in range(rows.count())
        if rows.visualRect(rows.model().index(row, 0)).intersects(rows.viewport().rect())
    ]
    assert len(shown) >= 3
    assert all(rect.height() >= MIN_TOUCH_PX for rect in shown), [r.height() for r in shown]
    driver.pick(picker, "", "Tày")
    assert picker.current.words() == "Tày"


@pytest.mark.parametrize(
    ("panel", "language"),
    [(PORTRAIT, Language.VIETNAMESE), (SHORT, Language.ENGLISH)],
    ids=["1080x1920-vi", "1366x768-en"],
)
def test_a_place_pickers_long_placeholder_wraps_inside_its_button(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    panel: tuple[int, int],
    language: Language,
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=language)
    driver = FormDriver(qtbot, window)
    driver.open("khai-sinh")
    put_keyboard_away(driver)
    place(qtbot, window, panel)
    ward = driver.question_as("requester_residence", AddressInput).ward
    words = ward.current.words()
    vietnamese = language == Language.VIETNAMESE
    assert words.startswith("Chọn tỉnh/thành phố trước" if vietnamese else "Choose the")
    assert_words_fit(ward.current.label)
    assert ward.current.label.height() > ward.current.label.fontMetrics().height() * 3 // 2
    assert_in_view(ward.current)
    assert no_sideways_scroll(driver.page().scroll_area)


# -- dates -------------------------------------------------------------------------------


def test_a_dates_buttons_keep_their_words_on_a_narrow_panel(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    open_at(qtbot, driver, "khai-sinh", "me", PORTRAIT)
    born = driver.question_as("mother_birth_date", DateInput)
    assert born.year_only_button is not None
    for button in (born.picker_button, born.year_only_button):
        assert_words_fit(button)
        assert_in_view(button)
    assert_words_fit(born.edit)
    assert_in_view(born.edit)
    assert no_sideways_scroll(driver.page().scroll_area)
    tap(driver, born.year_only_button)
    assert born.year_only
    put_keyboard_away(driver)  # "Chỉ biết năm" puts the cursor in the year
    tap(driver, born.picker_button)
    assert born.picker.isVisible()
    # "Đóng bảng chọn ngày" is longer: the buttons go under the field rather than cut it.
    for widget in (born.edit, born.picker_button, born.year_only_button):
        assert_words_fit(widget)
        assert_in_view(widget)
    assert born.picker_button.y() > born.edit.y() + born.edit.height() - 1
    assert no_sideways_scroll(driver.page().scroll_area)


# -- the questions over a page, and the saved page ----------------------------------------


@pytest.mark.parametrize("panel", [SHORT, LANDSCAPE, PORTRAIT], ids=["short", "landscape", "p"])
def test_the_card_address_question_sizes_to_its_words(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    screen = driver.open("khai-sinh")
    put_keyboard_away(driver)
    driver.scan(PARENT_CARD)
    place(qtbot, window, panel)
    question = screen.address_panel
    assert screen.stack.currentWidget() is question
    for label in (question.heading, question.lead, question.old_address, question.new_address):
        assert_words_fit(label)
        assert_in_view(label)
    for button in (question.confirm_button, question.change_button):
        assert_words_fit(button)
        assert_in_view(button)
    tap(driver, question.confirm_button)
    assert screen.stack.currentWidget() is not question
    residence = driver.question_as("requester_residence", AddressInput)
    assert residence.ward.current.words() == "Phường Hồng Hà"


def test_the_saved_page_fits_a_portrait_panel_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], small_form: FormDefinition
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    driver = FormDriver(qtbot, window)
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    screen = driver.to_review()
    driver.tap(screen.submit_button)
    done = screen.done
    assert screen.stack.currentWidget() is done
    place(qtbot, window, PORTRAIT)
    assert no_sideways_scroll(done.scroll_area)
    assert_words_fit(done.reference)
    assert_in_view(done.reference)
    assert_in_view(done.qr)
    assert done.qr.y() > done.reference.y()  # under the words: the code needs the width


# -- the layouts themselves ---------------------------------------------------------------


def _buttons(parent: QWidget, texts: list[str]) -> list[WrapButton]:
    buttons = []
    for text in texts:
        button = WrapButton(parent, name="ChoiceButton")
        button.set_text(text)
        buttons.append(button)
    return buttons


def test_a_column_grid_drops_columns_rather_than_cut_words(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    grid = ColumnGrid(host, columns=2)
    short = _buttons(host, ["Có", "Không"])
    for button in short:
        grid.addWidget(button)
    host.resize(600, 400)
    host.show()
    settle()
    assert grid.columns_for(600) == 2
    assert short[0].y() == short[1].y()
    grid.addWidget(_buttons(host, ["Có vợ/chồng nhưng vợ/chồng đã chết, hiện tại chưa"])[0])
    settle()
    assert grid.columns_for(600) == 1
    assert grid.heightForWidth(300) > grid.heightForWidth(600)  # it wraps, never widens
    assert grid.minimumSize().width() < 300


def test_a_flow_row_stacks_what_does_not_fit_side_by_side(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = FlowRow(host, spacing=20)
    first, second = (QPushButton(text, host) for text in ("Đúng, dùng địa chỉ mới", "Sửa"))
    row.add(first, 1)
    row.add(second, 1)
    wide = first.sizeHint().width() + second.sizeHint().width() + 40
    host.resize(wide, 300)
    host.show()
    settle()
    assert first.y() == second.y()
    assert first.width() + second.width() + 20 == wide  # the spare width shared
    narrow = first.sizeHint().width() + 10
    host.resize(narrow, 300)
    settle()
    assert second.y() > first.y() + first.height() - 1
    assert first.width() == second.width() == narrow  # each takes the row
