"""Home, the queue ticket, the lookup and the questions over the window on the centres'
panels, driven as a citizen would: on a standing portrait kiosk (1080×1920) and on
the common 1366×768 one at the largest text.

What a citizen must see is inside the window and whole (its words not cut, as the
layout audit measures them): the home tiles' titles, the ticket's number, its QR code
and "Xong", the bottom bar's buttons, the search box's hint, the overlay's question.
And the home screen is laid out for its panel, not stretched: two columns of tiles
sharing a landscape page, one column of cards as tall as their words standing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.config import Language, TextScale
from tests.ui.test_queue import click, take_ticket
from ui.audit.checks import text_problem
from ui.fonts import load_bundled_fonts
from ui.main_window import KioskWindow
from ui.panel import PanelShape
from ui.screens.home import HomeScreen
from ui.screens.lookup.procedure import ProcedureScreen
from ui.screens.lookup.search import SearchScreen

SHORT = (1366, 768)
LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
#: The birth registration: its page has both actions ("Điền tờ khai", "Lấy số thứ tự").
BIRTH_REGISTRATION = "1.001193"


@pytest.fixture(autouse=True)
def kiosk_fonts() -> None:
    """The bundled Noto Sans, as the kiosk app loads it: words are measured in the
    font the citizen reads, not in the platform's fallback."""
    load_bundled_fonts()


def settle() -> None:
    """Let the layouts that follow a resize settle."""
    for _ in range(4):
        QApplication.processEvents()


def place(qtbot: QtBot, window: KioskWindow, panel: tuple[int, int]) -> None:
    """The window fills ``panel``, as the kiosk fills its screen."""
    window.resize(*panel)
    qtbot.waitUntil(lambda: window.size() == QSize(*panel))
    settle()


def shape(home: HomeScreen) -> PanelShape | None:
    """The panel shape the home screen is laid out for now."""
    return home.shape


def window_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def unseen(*widgets: QWidget) -> list[str]:
    """The widgets a citizen cannot read whole: hidden, partly outside the window, or
    with words cut (``ui.audit.checks.text_problem``)."""
    problems = []
    for widget in widgets:
        window = widget.window()
        name = widget.objectName() or type(widget).__name__
        if not widget.isVisible():
            problems.append(f"{name} is hidden")
        elif not window.rect().contains(window_rect(widget)):
            problems.append(f"{name} at {window_rect(widget)} is outside {window.rect()}")
        elif (problem := text_problem(widget)) is not None:
            problems.append(f"{name}: {problem.widget.text!r} cut {problem.numbers}")
    return problems


# -- home -----------------------------------------------------------------------------


def test_home_lays_out_for_the_panel_two_columns_across_one_column_standing(
    qtbot: QtBot, window: KioskWindow
) -> None:
    home = window.home
    lookup, form, vneid, queue = (
        home.tiles[key] for key in ("lookup", "form", "register", "queue")
    )
    place(qtbot, window, LANDSCAPE)
    assert shape(home) == PanelShape.LANDSCAPE
    # Two by two, sharing the page's height.
    assert window_rect(lookup).top() == window_rect(form).top()
    assert window_rect(lookup).left() < window_rect(form).left()
    assert window_rect(vneid).top() > window_rect(lookup).bottom()

    place(qtbot, window, PORTRAIT)
    assert window.panel == PanelShape.PORTRAIT
    assert shape(home) == PanelShape.PORTRAIT
    rects = [window_rect(tile) for tile in (lookup, form, vneid, queue)]
    # One column, in reading order, each card as tall as its words (no card with its
    # words floating in the middle of 300 px of white).
    assert len({rect.left() for rect in rects}) == 1
    assert all(above.bottom() < below.top() for above, below in itertools.pairwise(rects))
    for tile in (lookup, form, vneid, queue):
        assert tile.height() == tile.heightForWidth(tile.width())
        assert tile.height() < 2 * tile.title.height() + tile.subtitle.height() + 2 * 40
    # The kiosk's line under the centre's name, across the header; its badge one line.
    assert home.status.height() < 2 * home.status.fontMetrics().height()
    assert window_rect(home.kiosk_line).top() > window_rect(home.centre_name).bottom()
    assert not unseen(*(tile.title for tile in home.tiles.values()), home.status)

    place(qtbot, window, SHORT)
    assert shape(home) == PanelShape.SHORT
    assert window_rect(lookup).top() == window_rect(form).top()


@pytest.mark.parametrize("panel", [PORTRAIT, SHORT], ids=["1080x1920", "1366x768"])
@pytest.mark.parametrize("language", [Language.VIETNAMESE, Language.ENGLISH])
def test_home_at_the_largest_text_shows_every_tile_and_choice_whole(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    panel: tuple[int, int],
    language: Language,
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=language)
    place(qtbot, window, panel)
    home = window.home
    shown = [label for tile in home.tiles.values() for label in (tile.title, tile.subtitle)]
    choices = [
        home.help_button,
        home.language_button,
        home.text_size_button,
        home.contrast_button,
    ]
    assert not unseen(*shown, *choices, home.centre_name, home.status)
    # The network badge stays one line at every panel.
    assert home.status.height() < 2 * home.status.fontMetrics().height()

    click(qtbot, home.tiles["lookup"])
    assert window.current_screen() == "lookup"


# -- the queue ticket ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("panel", "scale"),
    [(PORTRAIT, TextScale.NORMAL), (PORTRAIT, TextScale.LARGEST), (SHORT, TextScale.LARGEST)],
    ids=["1080x1920-100", "1080x1920-150", "1366x768-150"],
)
def test_a_ticket_taken_shows_its_number_qr_and_done_whole(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    panel: tuple[int, int],
    scale: TextScale,
) -> None:
    window = window_factory(text_scale=scale)
    place(qtbot, window, panel)
    ticket = take_ticket(qtbot, window, "A", priority=False)
    settle()

    assert ticket.number.text() == "A-001"
    parts = (ticket.number, ticket.counters, ticket.qr, ticket.qr_caption, ticket.done_button)
    assert not unseen(*parts, ticket.status, ticket.countdown)
    number, qr, done = (
        window_rect(ticket.number),
        window_rect(ticket.qr),
        window_rect(ticket.done_button),
    )
    if panel == PORTRAIT:
        # One column: the number, then the code, then the message, then "Xong".
        assert qr.top() > number.bottom()
        assert window_rect(ticket.status).top() > qr.bottom()
        assert done.top() > window_rect(ticket.status).bottom()
        assert abs(qr.center().x() - window.width() // 2) < 4
    else:
        # Across: the number and the code side by side, the message beside "Xong".
        assert qr.left() > number.right()
        assert done.left() > window_rect(ticket.status).right()

    click(qtbot, ticket.done_button)
    assert window.current_screen() == "home"


def test_a_ticket_that_did_not_print_is_whole_in_english_at_the_largest_text(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], closed_port: int
) -> None:
    """The longest ticket: the printer's problem, its error, the countdown, in English,
    on the short panel where the screen is now the only ticket."""
    window = kiosk_factory(
        printer=f"tcp://127.0.0.1:{closed_port}",
        text_scale=TextScale.LARGEST,
        language=Language.ENGLISH,
    )
    place(qtbot, window, SHORT)
    ticket = take_ticket(qtbot, window, "A", priority=False)
    settle()
    assert ticket.ticket is not None
    assert ticket.ticket.print_status == "failed"
    assert not unseen(
        ticket.number,
        ticket.qr,
        ticket.done_button,
        ticket.status,
        ticket.print_error,
        ticket.countdown,
    )


# -- the bottom bar, the search box ------------------------------------------------------


def test_a_procedure_page_standing_puts_its_actions_above_back_and_home(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST)
    place(qtbot, window, PORTRAIT)
    click(qtbot, window.home.tiles["lookup"])
    screen = window.journey_screen("lookup.procedure")
    assert isinstance(screen, ProcedureScreen)
    screen.flow.open_procedure(BIRTH_REGISTRATION, "lookup")
    qtbot.waitUntil(lambda: window.current_screen() == "lookup.procedure")
    settle()
    nav = screen.nav
    buttons = (nav.back_button, screen.form_button, screen.ticket_button, nav.home_button)
    assert not nav.one_line
    assert not unseen(*buttons)
    back, form, ticket, home = (window_rect(button) for button in buttons)
    assert form.bottom() < back.top()
    assert ticket.bottom() < home.top()
    assert back.left() < home.left()

    click(qtbot, screen.ticket_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue")


@pytest.mark.parametrize("panel", [PORTRAIT, SHORT], ids=["1080x1920", "1366x768"])
def test_the_search_box_hint_is_whole_in_english_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=Language.ENGLISH)
    place(qtbot, window, panel)
    click(qtbot, window.home.tiles["lookup"])
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    settle()
    field = screen.search_field
    assert not field.text()
    assert field.placeholderText()
    assert not unseen(field)
    # The filters wrap to a second line rather than cut their words.
    if not window.keyboard.isVisible():
        assert not unseen(*screen.level_toggles.values(), screen.online_toggle)


def test_the_search_box_keeps_its_example_where_it_fits(qtbot: QtBot, window: KioskWindow) -> None:
    place(qtbot, window, LANDSCAPE)
    click(qtbot, window.home.tiles["lookup"])
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    example = QCoreApplication.translate("Lookup", "Gõ tên thủ tục, ví dụ: khai sinh, kết hôn")
    assert screen.search_field.placeholderText() == example


# -- over the window -------------------------------------------------------------------


@pytest.mark.parametrize("panel", [SHORT, PORTRAIT], ids=["1366x768", "1080x1920"])
def test_end_your_visit_is_asked_whole_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=Language.ENGLISH)
    place(qtbot, window, panel)
    click(qtbot, window.home.tiles["lookup"])
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    screen.search_field.setText("khai sinh")  # the visit holds something now
    window.hide_keyboard()
    settle()
    click(qtbot, screen.nav.home_button)
    overlay = window.end_visit_overlay
    assert overlay.isVisible()
    settle()
    assert not unseen(overlay.title, overlay.body, overlay.stay_button, overlay.end_button)
    assert overlay.card.height() == overlay.card.heightForWidth(overlay.card.width())

    click(qtbot, overlay.stay_button)
    assert window.current_screen() == "lookup"


@pytest.mark.parametrize("panel", [SHORT, PORTRAIT], ids=["1366x768", "1080x1920"])
def test_the_idle_warning_is_whole_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], panel: tuple[int, int]
) -> None:
    window = window_factory(text_scale=TextScale.LARGEST, language=Language.ENGLISH)
    place(qtbot, window, panel)
    click(qtbot, window.home.tiles["lookup"])
    window.idle.warn_now()  # as if the citizen had walked away
    overlay = window.overlay
    assert overlay.isVisible()
    settle()
    assert not unseen(overlay.title, overlay.countdown, overlay.body, overlay.continue_button)

    click(qtbot, overlay.continue_button)
    assert not overlay.isVisible()


def test_the_error_screen_is_whole_in_english_at_the_largest_text(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow]
) -> None:
    window = window_factory(
        text_scale=TextScale.LARGEST, language=Language.ENGLISH, error_return_ms=600_000
    )
    for panel in (SHORT, PORTRAIT):
        place(qtbot, window, panel)
        window.show_crash()
        settle()
        error = window.error_screen
        assert not unseen(error.title, error.body, error.note)


def test_the_portrait_home_keeps_its_buttons_finger_sized(
    qtbot: QtBot, window: KioskWindow
) -> None:
    place(qtbot, window, PORTRAIT)
    buttons = [b for b in window.home.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == len(window.home.tiles) + 4
    assert all(button.height() >= 64 for button in buttons)
