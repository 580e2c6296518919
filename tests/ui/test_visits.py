"""Two citizens, one after the other, at one kiosk: the second finds nothing of the first.

The first citizen searches, opens a procedure, starts its form (a scanned căn cước, a
typed name), takes a queue ticket, has something on the clipboard, and then either taps
"Về trang chủ" or walks away. The second citizen then opens every journey and finds it
as a new kiosk would show it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.screen import FormScreen
from ui.screens.lookup.procedure import ProcedureScreen
from ui.screens.lookup.search import SearchScreen, Status
from ui.screens.queue.choose import ChooseScreen
from ui.screens.queue.ticket import TicketScreen

ID_NUMBER = "001099012345"
NAME = "Nguyễn Văn An"
QUERY = "khai sinh"


def search(driver: FormDriver) -> SearchScreen:
    window = driver.window
    driver.tap(window.home.tiles["lookup"])
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    driver.qtbot.waitUntil(lambda: screen.flow.index_is_ready)
    return screen


def procedure_page(window: KioskWindow) -> ProcedureScreen:
    page = window.screens["lookup.procedure"]
    assert isinstance(page, ProcedureScreen)
    return page


def open_procedure(driver: FormDriver) -> ProcedureScreen:
    """Home → "Tra cứu thủ tục" → the query typed → the first result."""
    window, qtbot = driver.window, driver.qtbot
    screen = search(driver)
    driver.focus(screen.search_field)
    driver.type_keys(QUERY)
    qtbot.waitUntil(lambda: screen.searched_query == QUERY)
    driver.tap(screen.results.visible_rows()[0])
    page = procedure_page(window)
    assert page.procedure is not None
    return page


def first_citizen_fills_a_form(driver: FormDriver) -> str:
    """A search, a procedure, its tờ khai started with a card; something on the clipboard."""
    window = driver.window
    page = open_procedure(driver)
    assert page.form_button is not None
    driver.tap(page.form_button)
    assert window.current_screen() == "form"
    driver.agree()  # the privacy notice
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    draft = window.visit.draft
    assert draft is not None
    assert ID_NUMBER in draft.answers.values()  # the card filled the form
    copy_to_clipboard(ID_NUMBER)
    assert window.visit.holds_anything()
    return ID_NUMBER


def first_citizen_takes_a_ticket(driver: FormDriver) -> str:
    """A search, a procedure, the ticket for its counter; something on the clipboard."""
    window, qtbot = driver.window, driver.qtbot
    page = open_procedure(driver)
    assert page.ticket_button is not None
    driver.tap(page.ticket_button)
    choose = window.screens["queue"]
    assert isinstance(choose, ChooseScreen)
    assert choose.asking_priority  # the procedure's queue, chosen for them
    driver.tap(choose.none_button)
    qtbot.waitUntil(lambda: window.current_screen() == "queue.ticket")
    ticket = window.screens["queue.ticket"]
    assert isinstance(ticket, TicketScreen)
    label = ticket.number.text()
    assert label
    assert window.visit.ticket is not None
    copy_to_clipboard(label)
    return label


def copy_to_clipboard(text: str) -> None:
    """The OS clipboard got something of the citizen's some other way (both X11 modes)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text, QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.setText(text, QClipboard.Mode.Selection)


def go_home(driver: FormDriver) -> None:
    """ "Về trang chủ" (answering "Kết thúc" when asked), or "Xong" on a ticket."""
    window = driver.window
    current = window.screens[window.current_screen()]
    if isinstance(current, TicketScreen):
        driver.tap(current.done_button)
        return
    assert isinstance(current, FormScreen)
    driver.tap(current.nav.home_button)
    # The visit holds a started tờ khai: the kiosk asks before dropping it.
    assert window.end_visit_overlay.isVisible()
    assert window.current_screen() == "form"
    driver.tap(window.end_visit_overlay.end_button)


def assert_nothing_of_the_first(driver: FormDriver, remembered: str) -> None:
    """The second citizen, on every journey."""
    window, qtbot = driver.window, driver.qtbot
    assert window.current_screen() == "home"
    assert window.is_pristine()
    visit = window.visit
    assert visit.is_empty()
    assert (visit.procedure, visit.draft, visit.declaration, visit.ticket) == (
        None,
        None,
        None,
        None,
    )
    assert visit.consent is None  # the next citizen reads the notice and decides anew
    assert visit.queue_service is None
    assert visit.search_query == ""
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text(QClipboard.Mode.Clipboard) == ""
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""
    left = [t for t in texts(window) if remembered in t or NAME in t]
    assert left == []

    # Lookup: an empty search field, the most asked-for procedures, no procedure page.
    screen = search(driver)
    assert screen.search_field.text() == ""
    qtbot.waitUntil(lambda: screen.status_kind == Status.POPULAR)
    assert screen.searched_query == ""
    assert procedure_page(window).procedure is None
    window.go_home()
    assert window.current_screen() == "home"  # nothing held: no question asked

    # Form: the list of forms, reachable, and no draft.
    driver.tap(window.home.tiles["form"])
    form = window.screens["form"]
    assert isinstance(form, FormScreen)
    qtbot.waitUntil(lambda: bool(form.chooser.rows))
    assert form.stack.currentWidget() is form.chooser
    assert window.visit.draft is None
    assert form.pages == {}
    window.go_home()

    # Queue: the list of queues, none chosen for them.
    driver.tap(window.home.tiles["queue"])
    choose = window.screens["queue"]
    assert isinstance(choose, ChooseScreen)
    assert not choose.asking_priority
    assert choose.chosen is None
    window.go_home()
    assert window.current_screen() == "home"


def texts(window: KioskWindow) -> list[str]:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    found = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QLineEdit):
            found.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            found.append(widget.toPlainText())
    return found


FIRST_CITIZENS = {"form": first_citizen_fills_a_form, "ticket": first_citizen_takes_a_ticket}


@pytest.mark.parametrize("first", sorted(FIRST_CITIZENS))
def test_the_next_citizen_after_home_finds_a_new_kiosk(driver: FormDriver, first: str) -> None:
    remembered = FIRST_CITIZENS[first](driver)
    go_home(driver)
    assert_nothing_of_the_first(driver, remembered)


@pytest.mark.parametrize("first", sorted(FIRST_CITIZENS))
def test_the_next_citizen_after_one_who_walked_away_finds_a_new_kiosk(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], first: str
) -> None:
    window = window_factory(idle_timeout_s=0.05, idle_warning_s=0.2)
    window.idle.stop()
    driver = FormDriver(qtbot, window)
    remembered = FIRST_CITIZENS[first](driver)
    with qtbot.waitSignal(window.visit_ended, timeout=5000):
        window.idle.start()  # nobody touches the screen any more
    window.idle.stop()
    assert_nothing_of_the_first(driver, remembered)


def test_home_with_nothing_held_ends_the_visit_without_asking(driver: FormDriver) -> None:
    window = driver.window
    screen = search(driver)
    assert not window.is_pristine()  # a journey opened: the idle reset has work to do
    driver.tap(screen.nav.home_button)
    assert not window.end_visit_overlay.isVisible()
    assert window.current_screen() == "home"
    assert window.is_pristine()


@pytest.mark.parametrize("widget_kind", [QLineEdit, QPlainTextEdit])
def test_text_fields_offer_no_menu_no_paste_and_accept_no_drop(
    qtbot: QtBot, window: KioskWindow, widget_kind: type[QLineEdit | QPlainTextEdit]
) -> None:
    field = widget_kind(window.home)
    field.show()
    field.setFocus()
    QGuiApplication.clipboard().setText(ID_NUMBER)

    # The context menu (Copy / Paste / Select all) never opens.
    target = field.viewport() if isinstance(field, QPlainTextEdit) else field
    center = target.rect().center()
    menu_event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, center, target.mapToGlobal(center)
    )
    QTimer.singleShot(0, _close_any_popup)  # a menu would block in its own event loop
    QApplication.sendEvent(target, menu_event)
    assert opened_popups == []

    # Ctrl+V, Shift+Insert and a middle click paste nothing.
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(
        field.viewport() if isinstance(field, QPlainTextEdit) else field,
        Qt.MouseButton.MiddleButton,
    )
    assert _text(field) == ""

    # Text dropped on it is refused.
    mime = QMimeData()
    mime.setText(ID_NUMBER)
    where = QPoint(5, 5)
    enter = QDragEnterEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    QApplication.sendEvent(target, enter)
    assert not enter.isAccepted()
    drop = QDropEvent(
        QPointF(where),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert _text(field) == ""

    # Typed text cannot be copied out either.
    qtbot.keyClicks(field, "An")
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ""
    field.deleteLater()


opened_popups: list[str] = []


def _close_any_popup() -> None:
    popup = QApplication.activePopupWidget()
    if popup is not None:
        opened_popups.append(type(popup).__name__)
        popup.close()


def _text(field: QLineEdit | QPlainTextEdit) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()
