"""The on-screen keyboard on the centres' panels: whole, and never over what is typed.

A citizen at a 1366×768 kiosk with the largest text taps the last field of the
birth registration's first page after "Tiếp tục" showed its message, and types on
the keys: the field, its label and its message stay above the keyboard, inside the
page's visible part. So do a ward search and its list, and the lookup's search box
and its first results; on a full-HD landscape panel and on a standing portrait one
too. The keyboard itself is never cut, its keys are tall enough for a finger and
their labels whole, at every panel, text size, theme and language.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale, Theme
from tests.ui.form.form_driver import FormDriver
from tests.ui.test_keyboard import open_fields
from ui.audit.checks import audit_widgets, rules_for
from ui.main_window import KioskWindow
from ui.screens.form.inputs import AddressInput, TextInput
from ui.screens.form.inputs.picker import SearchPicker
from ui.screens.lookup.search import SearchScreen

SHORT = (1366, 768)
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
PANELS = (SHORT, LANDSCAPE, PORTRAIT)
PANEL_IDS = ("1366x768", "1920x1080", "1080x1920")
#: Rows of a search list that must show under the search line with the keyboard up.
LIST_ROWS_SHOWN = 2


def settle() -> None:
    """Let the layouts that follow a resize, and the scroll into view, happen."""
    for _ in range(4):
        QApplication.processEvents()


def place(qtbot: QtBot, window: KioskWindow, panel: tuple[int, int]) -> None:
    """The window fills ``panel``, as the kiosk fills its screen.

    The tests' screen is 1080 px high: a portrait window is moved up so that its
    lower part, where the fields and keys are tapped, lies on the screen (touch
    scrolling reads a press by its place on the screen)."""
    screen = window.screen().geometry()
    window.setGeometry(QRect(QPoint(0, min(0, screen.height() - panel[1])), QSize(*panel)))
    qtbot.waitUntil(lambda: window.size() == QSize(*panel))
    settle()


def large_window(window_factory: Callable[..., KioskWindow]) -> KioskWindow:
    """The kiosk at the largest text (at 1366×768 until the test places it)."""
    return window_factory(text_scale=TextScale.LARGEST)


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def visible_area(widget: QWidget) -> QRect:
    """Where ``widget`` can be seen, in the window: above the keyboard's top edge and
    inside every scroll area around it."""
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


def hidden_parts(*widgets: QWidget) -> list[str]:
    """The widgets not wholly in their visible area, with where they are."""
    return [
        f"{w.objectName() or type(w).__name__} at {window_rect(w)} outside {visible_area(w)}"
        for w in widgets
        if not w.isVisible() or not visible_area(w).contains(window_rect(w))
    ]


def reach(widget: QWidget) -> None:
    """Bring ``widget`` where a finger reaches it: into its page's view, and on the
    tests' screen, which a portrait window is taller than (the window is moved up or
    down as far as needed: touch scrolling reads a press by its place on the screen)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.viewport().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 0, widget.height())
        parent = parent.parentWidget()
    window = widget.window()
    screen = window.screen().geometry()
    if window.height() > screen.height():
        centre = widget.mapTo(window, widget.rect().center()).y()
        top = max(screen.height() - window.height(), min(0, screen.height() // 2 - centre))
        window.move(0, top)
        settle()


def at_the_foot(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` as a finger would, until ``widget`` shows at its foot."""
    content = area.widget()
    assert content is not None
    foot = widget.mapTo(content, QPoint(0, widget.height())).y()
    area.verticalScrollBar().setValue(foot - area.viewport().height() + 4)
    settle()


def tap_row(driver: FormDriver, picker: SearchPicker, label: str) -> None:
    """A tap on the row of ``picker``'s list that reads ``label``."""
    rows = [picker.list.item(i) for i in range(picker.list.count())]
    item = next(row for row in rows if row.text() == label)
    picker.list.scrollToItem(item)
    reach(picker.list)
    driver.tap(picker.list.viewport(), picker.list.visualItemRect(item).center())


def assert_in_view(qtbot: QtBot, *widgets: QWidget) -> None:
    qtbot.waitUntil(lambda: not hidden_parts(*widgets))
    assert not hidden_parts(*widgets)


# -- what is typed stays in view -----------------------------------------------------


@pytest.mark.parametrize("panel", PANELS, ids=PANEL_IDS)
def test_the_last_field_of_a_long_page_its_label_and_message_stay_above_the_keys(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = large_window(window_factory)
    driver = FormDriver(qtbot, window)
    driver.open("khai-sinh")  # the page asking most: six questions
    place(qtbot, window, panel)
    driver.next()  # "Tiếp tục" on the empty page: every question says what it needs
    page = driver.page()
    last = page.inputs[page.section.fields[-1].id]
    assert isinstance(last, TextInput)
    assert last.problem.isVisible()

    # The citizen scrolled until the field is at the foot of the page's view: its
    # message is under the keyboard, or below the view.
    at_the_foot(page.scroll_area, last.edit)
    reach(last.edit)
    driver.focus(last.edit)
    assert window.keyboard.isVisible()
    assert_in_view(qtbot, last.label, last.edit, last.problem)

    driver.type_on_keyboard("me[nang]")  # mẹ: letters, then the tone key
    assert last.text() == "mẹ"
    assert window.keyboard.isVisible()
    assert last.edit.hasFocus()
    assert_in_view(qtbot, last.label, last.edit)
    if last.problem.isVisible():
        assert_in_view(qtbot, last.problem)


@pytest.mark.parametrize("panel", PANELS, ids=PANEL_IDS)
def test_a_ward_search_and_its_list_show_above_the_keys(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = large_window(window_factory)
    driver = FormDriver(qtbot, window)
    driver.open("khai-sinh")
    place(qtbot, window, panel)
    address = driver.question_as("requester_residence", AddressInput)
    reach(address.province.current)
    driver.tap(address.province.current)
    reach(address.province.search)
    driver.focus(address.province.search)
    driver.type_on_keyboard("ha noi")
    tap_row(driver, address.province, "Thành phố Hà Nội")
    ward = address.ward
    assert ward.is_open  # the next thing to choose

    # The citizen scrolled until the search line is at the foot of the page's view:
    # its list is below the view.
    at_the_foot(driver.page().scroll_area, ward.search)
    reach(ward.search)
    driver.focus(ward.search)
    driver.type_on_keyboard("ho")
    assert window.keyboard.isVisible()
    qtbot.waitUntil(lambda: ward.list.count() > LIST_ROWS_SHOWN)
    assert_in_view(qtbot, ward.search)
    rows = [
        QRect(ward.list.viewport().mapTo(window, r.topLeft()), r.size())
        for r in (ward.list.visualItemRect(ward.list.item(i)) for i in range(LIST_ROWS_SHOWN))
    ]
    area = visible_area(ward.list.viewport())
    assert all(area.contains(row) for row in rows), (rows, area)
    if panel != SHORT:  # at 768 px with the largest text, the list's first rows only
        assert_in_view(qtbot, ward.list)


@pytest.mark.parametrize("panel", PANELS, ids=PANEL_IDS)
def test_the_search_box_and_the_first_results_show_above_the_keys(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = large_window(window_factory)
    driver = FormDriver(qtbot, window)
    driver.tap(window.home.tiles["lookup"])
    place(qtbot, window, panel)
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    driver.focus(search.search_field)
    driver.type_on_keyboard("khai sinh")
    qtbot.waitUntil(lambda: search.searched_query == search.search_field.text())
    assert window.keyboard.isVisible()
    rows = search.results.visible_rows()
    assert rows
    assert_in_view(qtbot, search.search_field, rows[0])


def test_on_the_common_kiosk_panel_two_results_show_whole_while_typing(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    """At 1366×768 one result under the box hid that there is a choice: once words are
    typed the bottom bar steps aside, and comes back with "Ẩn bàn phím". Before any word
    it stays: "Tra cứu theo lĩnh vực" is the way for those who do not type."""
    window = window_factory()
    driver = FormDriver(qtbot, window)
    driver.tap(window.home.tiles["lookup"])
    place(qtbot, window, SHORT)
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    driver.focus(search.search_field)
    assert window.keyboard.isVisible()
    assert search.nav.isVisible()
    driver.type_on_keyboard("dang ky")
    qtbot.waitUntil(lambda: search.searched_query == search.search_field.text())
    rows = search.results.visible_rows()
    assert len(rows) >= 2
    assert_in_view(qtbot, search.search_field, rows[0], rows[1])
    assert not search.nav.isVisible()

    window.hide_keyboard()
    qtbot.waitUntil(search.nav.isVisible)
    assert not window.keyboard.isVisible()


# -- the keyboard itself ---------------------------------------------------------------


@pytest.mark.parametrize("panel", PANELS, ids=PANEL_IDS)
def test_the_window_takes_each_panel_with_the_keyboard_up(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = large_window(window_factory)
    driver = FormDriver(qtbot, window)
    driver.open("khai-sinh")
    driver.focus(driver.text_input("authority").edit)
    place(qtbot, window, panel)
    assert window.keyboard.isVisible()
    hint = window.minimumSizeHint()
    assert hint.width() <= panel[0], hint
    assert hint.height() <= panel[1], hint
    assert window.size() == QSize(*panel)
    assert window_rect(window.keyboard).bottom() == panel[1] - 1


@pytest.mark.parametrize("theme", [Theme.STANDARD, Theme.HIGH_CONTRAST])
@pytest.mark.parametrize("text", [TextScale.NORMAL, TextScale.LARGE, TextScale.LARGEST])
def test_no_key_is_cut_low_or_clipped_on_any_panel(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], text: TextScale, theme: Theme
) -> None:
    """What the layout audit checks, on the keyboard alone: every key whole inside the
    keyboard and the window, 64 px high (48 at 1366×768 with 150 % text), its label
    whole; letters and digits, Vietnamese and English (no tone keys), every panel."""
    window = window_factory(text_scale=text, theme=theme)
    screen = open_fields(qtbot, window)
    keyboard = window.keyboard
    for language in (Language.VIETNAMESE, Language.ENGLISH):
        window.languages.set_language(language)
        for field in (screen.name, screen.phone):  # the letters, then the digit pad
            for panel in PANELS:
                place(qtbot, window, panel)
                field.clearFocus()
                field.setFocus()
                settle()
                assert keyboard.isVisible()
                rules = rules_for(panel, int(text), theme == Theme.HIGH_CONTRAST)
                problems = audit_widgets(keyboard, rules, bounds=QRect(QPoint(0, 0), QSize(*panel)))
                assert not problems, (panel, language, problems)
                assert window_rect(keyboard).bottom() == panel[1] - 1


def test_the_tone_keys_take_a_row_of_their_own_where_the_row_is_narrow(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    screen = open_fields(qtbot, window)
    keyboard = window.keyboard
    screen.name.setFocus()
    place(qtbot, window, PORTRAIT)
    assert keyboard.tones_apart
    letters = window_rect(keyboard.letter_buttons["ă"])
    tones = [window_rect(button) for button in keyboard.tone_buttons.values()]
    assert all(tone.top() > letters.bottom() for tone in tones)
    place(qtbot, window, LANDSCAPE)
    assert not keyboard.tones_apart
    letters = window_rect(keyboard.letter_buttons["ă"])
    assert all(window_rect(b).top() == letters.top() for b in keyboard.tone_buttons.values())
