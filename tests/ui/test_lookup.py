"""Tra cứu thủ tục as a citizen uses it: type, read, browse, filter, walk away.

Real services (a real SQLite file with the bundled catalogue) and synchronous ops.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kiosk.catalog.portal_link import NATIONAL_PORTAL_URL
from kiosk.catalog.search.api import SearchHit
from kiosk.config import TextScale
from kiosk.paths import KioskPaths
from kiosk.printing.qr import QUIET_ZONE, qr_matrix
from kiosk.text import Tone
from ui import ops
from ui.main_window import KioskWindow
from ui.screens.lookup.browse import BrowseScreen
from ui.screens.lookup.procedure import ProcedureScreen
from ui.screens.lookup.search import SearchScreen, Status
from ui.screens.lookup.widgets import highlighted
from ui.widgets.qr import qr_pixmap

BIRTH = "Thủ tục đăng ký khai sinh"


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def open_lookup(qtbot: QtBot, window: KioskWindow) -> SearchScreen:
    click(qtbot, window.home.tiles["lookup"])
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    assert window.current_screen() == "lookup"
    qtbot.waitUntil(lambda: window.journey_screen("lookup").flow.index_is_ready)
    return screen


def type_query(qtbot: QtBot, screen: SearchScreen, text: str) -> list[SearchHit]:
    """Type as on a keyboard, see the results come, then press Enter to put the
    on-screen keyboard away (while it is up the filters make room for the results)."""
    qtbot.keyClicks(screen.search_field, text)
    qtbot.waitUntil(lambda: screen.searched_query == text.strip())
    hits = screen.results.hits
    qtbot.keyClick(screen.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.online_toggle.isVisible)
    assert screen.results.hits == hits
    return hits


def search_screen(window: KioskWindow) -> SearchScreen:
    screen = window.screens["lookup"]
    assert isinstance(screen, SearchScreen)
    return screen


def procedure_screen(window: KioskWindow) -> ProcedureScreen:
    screen = window.screens["lookup.procedure"]
    assert isinstance(screen, ProcedureScreen)
    return screen


def browse_screen(window: KioskWindow) -> BrowseScreen:
    screen = window.screens["lookup.browse"]
    assert isinstance(screen, BrowseScreen)
    return screen


def open_birth_registration(qtbot: QtBot, window: KioskWindow) -> ProcedureScreen:
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "khai sinh")
    click(qtbot, screen.results.visible_rows()[0])
    assert window.current_screen() == "lookup.procedure"
    page = procedure_screen(window)
    assert page.procedure is not None
    assert page.procedure.name == BIRTH
    return page


def test_type_without_accents_read_the_procedure_and_take_a_ticket(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_lookup(qtbot, window)
    hits = type_query(qtbot, screen, "dang ky khai sinh")
    assert hits[0].name == BIRTH
    first = screen.results.visible_rows()[0]
    assert "<b>" in first.name.text()  # the matched words are bold
    assert first.height() >= 72
    assert "Hộ tịch" in first.meta.text()
    assert first.badge.text() == "Trực tuyến toàn trình"

    click(qtbot, first)
    assert window.current_screen() == "lookup.procedure"
    page = procedure_screen(window)
    shown = texts(page)
    assert BIRTH in shown
    assert "Giấy tờ cần mang" in shown
    assert any("Giấy chứng sinh" in text for text in shown)
    assert "1 bản chính" in shown
    assert "Lệ phí và thời hạn giải quyết" in shown
    assert {"Trực tiếp", "Trực tuyến", "Bưu chính"} <= set(shown)
    assert any(text.startswith("Lệ phí: ") for text in shown)
    assert any(text.startswith("Thời hạn giải quyết: ") for text in shown)
    assert "Nơi nộp hồ sơ" in shown
    assert any("Ủy ban nhân dân cấp xã" in text for text in shown)
    assert page.content is not None
    assert "1.001193" in page.content.qr.data
    assert not page.content.qr.pixmap().isNull()
    assert page.form_button.isVisible()  # khai sinh has a guided form

    click(qtbot, page.ticket_button)
    assert window.current_screen() == "queue"
    assert window.visit.procedure is not None
    assert window.visit.procedure.code == "1.001193"
    assert window.visit.queue_service == "A"


def test_back_from_a_procedure_keeps_the_results(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    hits = type_query(qtbot, screen, "ket hon")
    assert hits
    click(qtbot, screen.results.visible_rows()[0])
    page = procedure_screen(window)
    click(qtbot, page.nav.back_button)
    assert window.current_screen() == "lookup"
    assert screen.search_field.text() == "ket hon"
    assert screen.results.hits == hits
    # Home ends the visit: the kiosk asks first, since it would drop the search.
    click(qtbot, screen.nav.home_button)
    assert window.end_visit_overlay.isVisible()
    assert window.current_screen() == "lookup"
    click(qtbot, window.end_visit_overlay.end_button)
    assert window.current_screen() == "home"
    assert window.visit.is_empty()


def test_form_button_hands_the_form_over(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "khai sinh")
    click(qtbot, screen.results.visible_rows()[0])
    click(qtbot, procedure_screen(window).form_button)
    assert window.current_screen() == "form"
    assert window.visit.form_id == "khai-sinh"


def test_empty_query_shows_the_most_asked_for_procedures_or_a_prompt(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_lookup(qtbot, window)
    assert screen.status_kind in {Status.POPULAR, Status.PROMPT}
    assert screen.status.text()
    if screen.status_kind == Status.POPULAR:
        hits = screen.results.hits
        assert hits
        assert hits[0].name == BIRTH  # the most asked for


def test_browse_a_field_and_open_a_procedure(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    click(qtbot, screen.browse_button)
    assert window.current_screen() == "lookup.browse"
    browse = browse_screen(window)
    tiles = {tile.name.text(): tile for tile in browse.visible_tiles()}
    assert "Hộ tịch" in tiles
    assert tiles["Hộ tịch"].count.text().endswith(" thủ tục")
    assert all(tile.height() >= 72 for tile in tiles.values())

    click(qtbot, tiles["Hộ tịch"])
    assert browse.showing_field
    assert browse.title.text() == "Hộ tịch"
    hits = browse.procedures.hits
    assert BIRTH in [hit.name for hit in hits]
    assert all(hit.field == "ho-tich" for hit in hits)
    row = next(r for r in browse.procedures.visible_rows() if r.code == "1.001193")
    click(qtbot, row)
    assert window.current_screen() == "lookup.procedure"

    click(qtbot, procedure_screen(window).nav.back_button)
    assert window.current_screen() == "lookup.browse"
    assert browse.showing_field
    click(qtbot, browse.nav.back_button)
    assert not browse.showing_field
    click(qtbot, browse.nav.back_button)
    assert window.current_screen() == "lookup"


def test_a_filter_toggle_narrows_the_results(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    everything = type_query(qtbot, screen, "thu tuc")
    click(qtbot, screen.level_toggles["tinh"])
    provincial = screen.results.hits
    assert len(provincial) < len(everything)
    assert all("tinh" in hit.levels for hit in provincial)
    click(qtbot, screen.level_toggles["tinh"])
    click(qtbot, screen.online_toggle)
    online = screen.results.hits
    assert online
    assert all(hit.online != "khong" for hit in online)
    assert len(online) <= len(everything)


def test_odd_input_gets_a_calm_no_results_message(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "'; DROP TABLE procedures; --")
    assert screen.status_kind == Status.NOTHING
    assert screen.status.text() == "Không tìm thấy thủ tục phù hợp."
    assert screen.results.visible_rows() == []
    assert window.banner.isHidden()

    screen.search_field.setText("")
    screen.search_field.setFocus()
    # QTest types Latin-1 only; an emoji arrives as a key event with its text, as from
    # the on-screen keyboard or a phone-style input method.
    QApplication.sendEvent(
        screen.search_field,
        QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "🙂"),
    )
    qtbot.waitUntil(lambda: screen.searched_query == "🙂")
    assert screen.status_kind == Status.NOTHING

    screen.search_field.setText("")
    assert type_query(qtbot, screen, "khai sinh")  # the catalogue is still fine


def test_idle_reset_forgets_query_filters_results_and_procedure(
    qtbot: QtBot, window: KioskWindow
) -> None:
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "khai sinh")
    click(qtbot, screen.online_toggle)
    click(qtbot, screen.results.visible_rows()[0])
    page = procedure_screen(window)
    assert page.procedure is not None
    browse = browse_screen(window)
    browse.open_field("ho-tich", "Hộ tịch")

    window.end_visit()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    assert window.current_screen() == "home"
    assert not any(isValid(old) for old in (screen, page, browse))
    assert window.visit.procedure is None
    assert window.visit.search_query == ""
    # The next citizen starts fresh, and the index is still there for them.
    fresh = open_lookup(qtbot, window)
    assert fresh.search_field.text() == ""
    assert not fresh.online_toggle.isChecked()
    assert not any(t.isChecked() for t in fresh.level_toggles.values())
    assert fresh.searched_query in (None, "")
    assert procedure_screen(window).procedure is None
    assert not browse_screen(window).showing_field


@pytest.mark.parametrize("scale", [TextScale.NORMAL, TextScale.LARGEST])
def test_lookup_screens_fit_and_stay_touch_sized(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: TextScale
) -> None:
    window = window_factory(text_scale=scale)
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "dang ky")
    click(qtbot, screen.results.visible_rows()[0])
    for name in ("lookup", "lookup.browse", "lookup.procedure"):
        window.show_screen(name)
        qtbot.waitUntil(lambda n=name: window.screens[n].isVisible())
        assert window.height() == 768, name  # nothing pushes the window taller
        for button in window.screens[name].findChildren(QPushButton):
            if button.isVisible():
                assert button.height() >= 64, (name, button.text())
        for label in window.screens[name].findChildren(QLabel):
            if label.isVisible() and label.text():
                assert label.fontInfo().pixelSize() >= 20 * int(scale) // 100, label.text()


def test_language_switch_keeps_the_procedure_on_screen(qtbot: QtBot, window: KioskWindow) -> None:
    screen = open_lookup(qtbot, window)
    type_query(qtbot, screen, "khai sinh")
    click(qtbot, screen.results.visible_rows()[0])
    page = procedure_screen(window)
    window.toggle_language()
    assert window.current_screen() == "lookup.procedure"
    assert page.content is not None
    assert BIRTH in texts(page)
    assert page.nav.home_button.text() == QCoreApplication.translate("Navigation", "Về trang chủ")
    assert page.nav.home_button.text() != "Về trang chủ"


def test_highlighting_escapes_markup_and_ignores_bad_spans() -> None:
    assert highlighted("a <b> c", [(0, 1)]) == "<b>a</b> &lt;b&gt; c"
    assert highlighted("khai sinh", [(5, 9), (0, 4)]) == "<b>khai</b> <b>sinh</b>"
    assert highlighted("abc", [(2, 99), (1, 3), (-5, -1)]) == "a<b>bc</b>"


def test_qr_code_is_a_real_code_with_a_quiet_zone() -> None:
    url = NATIONAL_PORTAL_URL.format(code="1.001193")
    matrix = qr_matrix(url)
    size = len(matrix)
    assert (size - 2 * QUIET_ZONE - 17) % 4 == 0  # a QR version's side: 17 + 4·v
    assert not any(matrix[0])  # quiet zone
    assert all(matrix[QUIET_ZONE][QUIET_ZONE : QUIET_ZONE + 7])  # finder pattern
    pixmap = qr_pixmap(url, 240)
    assert pixmap.width() == pixmap.height() <= 240
    assert pixmap.width() % size == 0  # whole-pixel modules


def test_tap_a_query_on_the_on_screen_keyboard_then_telex_and_open_the_procedure(
    qtbot: QtBot, window: KioskWindow
) -> None:
    """The whole journey by touch: the keyboard comes up with the search field, the
    citizen taps "đăng ký" (đ and ă from the Vietnamese row, the sắc tone key), adds
    "kết hôn" through Telex key presses, and opens the marriage procedure."""
    screen = open_lookup(qtbot, window)
    qtbot.mouseClick(screen.search_field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.keyboard.isVisible)
    keys = window.keyboard.letter_buttons

    for key in ("đ", "ă", "n", "g", " ", "k", "y"):
        target = window.keyboard.space_button if key == " " else keys[key]
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.keyboard.tone_buttons[Tone.SAC], Qt.MouseButton.LeftButton)
    assert screen.search_field.text() == "đăng ký"
    qtbot.waitUntil(lambda: screen.searched_query == "đăng ký")

    qtbot.keyClicks(screen.search_field, " keets hoon")  # Telex: ee → ê, s → sắc, oo → ô
    assert screen.search_field.text() == "đăng ký kết hôn"
    qtbot.waitUntil(lambda: screen.searched_query == "đăng ký kết hôn")
    assert screen.results.hits[0].name == "Thủ tục đăng ký kết hôn"

    qtbot.mouseClick(window.keyboard.hide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.keyboard.isVisible())
    first = screen.results.visible_rows()[0]
    click(qtbot, first)
    assert window.current_screen() == "lookup.procedure"
    shown = texts(procedure_screen(window))
    assert "Giấy tờ cần mang" in shown
    assert any(text.startswith("Lệ phí: ") for text in shown)


def test_print_the_documents_checklist(
    qtbot: QtBot, window: KioskWindow, kiosk_paths: KioskPaths
) -> None:
    page = open_birth_registration(qtbot, window)
    button = page.print_button
    assert button is not None
    assert button.text() == "In danh sách giấy tờ"
    assert button.height() >= 64
    assert page.print_message is not None
    assert not page.print_message.isVisible()
    before = set(kiosk_paths.printouts.glob("*.bin"))

    ops.set_synchronous(False)  # the print runs on the I/O worker, as on the kiosk
    try:
        click(qtbot, button)
        assert page.printing
        assert not button.isEnabled()  # a second tap prints nothing more
        assert button.text() == "Đang in…"
        button.click()
        qtbot.waitUntil(lambda: not page.printing)
        assert ops.wait_for_all()
    finally:
        ops.set_synchronous(True)

    printed = set(kiosk_paths.printouts.glob("*.bin")) - before
    assert len(printed) == 1
    assert next(iter(printed)).name.endswith("-checklist-1.001193.bin")
    assert button.isEnabled()
    assert button.text() == "In danh sách giấy tờ"
    assert page.print_message.isVisible()
    assert page.print_message.text() == "Đã in danh sách giấy tờ, vui lòng nhận ở khe máy in."
    assert not window.banner.isVisible()
    # Another procedure starts without the message.
    click(qtbot, page.nav.back_button)
    click(qtbot, search_screen(window).results.visible_rows()[0])
    assert page.print_message is not None
    assert not page.print_message.isVisible()


def test_when_the_printer_fails_the_checklist_says_so_calmly(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], closed_port: int
) -> None:
    window = kiosk_factory(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    page = open_birth_registration(qtbot, window)
    assert page.print_button is not None
    click(qtbot, page.print_button)

    assert page.print_message is not None
    assert page.print_message.isVisible()
    assert page.print_message.text() == (
        "Máy in chưa sẵn sàng: không kết nối được với máy in. Vui lòng báo cán bộ."
    )
    assert page.print_message.property("failed") is True
    assert page.print_button.isEnabled()
    assert not page.printing
    assert not list(window.services().paths.printouts.glob("*.bin"))
    # A language switch translates the message with the page.
    window.toggle_language()
    assert page.print_message is not None
    assert page.print_message.text().startswith("The printer")


def test_no_real_match_says_so_and_leads_to_the_fields(qtbot: QtBot, window: KioskWindow) -> None:
    """Đổi bằng lái xe is not done at this centre: the screen says so, with what to do
    next, instead of listing procedures that merely share a word."""
    screen = open_lookup(qtbot, window)
    assert not screen.no_match.isVisible()
    type_query(qtbot, screen, "doi bang lai xe")
    assert screen.status_kind == Status.NOTHING
    assert screen.status.text() == "Không tìm thấy thủ tục phù hợp."
    assert screen.results.visible_rows() == []
    assert screen.no_match.isVisible()
    hint = screen.no_match_hint.text()
    assert "theo lĩnh vực" in hint
    assert "hỏi cán bộ" in hint
    assert "bộ lọc" not in hint  # no filter is on
    assert screen.no_match_browse.height() >= 64

    click(qtbot, screen.online_toggle)  # with a filter on, the hint says to drop it
    assert screen.status_kind == Status.NOTHING
    assert "bỏ bớt bộ lọc" in screen.no_match_hint.text()
    click(qtbot, screen.online_toggle)

    click(qtbot, screen.no_match_browse)
    assert window.current_screen() == "lookup.browse"
    click(qtbot, browse_screen(window).nav.back_button)
    assert window.current_screen() == "lookup"
    screen.search_field.clear()
    type_query(qtbot, screen, "khai sinh")  # a real match: the hint goes
    assert screen.status_kind == Status.FOUND
    assert not screen.no_match.isVisible()


def test_clear_acts_on_press_with_the_keyboard_up(qtbot: QtBot, window: KioskWindow) -> None:
    """The finger goes down on "Xóa" while the keyboard is up: the field empties at once,
    the keyboard stays and the button stays under the finger, and typing goes on."""
    screen = open_lookup(qtbot, window)
    qtbot.mouseClick(screen.search_field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.keyboard.isVisible)
    keys = window.keyboard.letter_buttons
    for key in "tich":
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)
    assert screen.search_field.text() == "tich"
    qtbot.waitUntil(lambda: screen.searched_query == "tich")
    button = screen.clear_button
    assert button.isVisible()
    where = button.mapTo(window, button.rect().center())
    before = button.mapTo(window, button.rect().topLeft())

    # Through the window system, as a finger: the press lands on whatever is there.
    glass = window.windowHandle()
    qtbot.mousePress(glass, Qt.MouseButton.LeftButton, pos=where)
    assert screen.search_field.text() == ""  # on press, not on release
    QApplication.processEvents()  # the layout settles as a finger rests on the glass
    assert button.mapTo(window, button.rect().topLeft()) == before
    assert window.keyboard.isVisible()
    qtbot.mouseRelease(glass, Qt.MouseButton.LeftButton, pos=where)
    QApplication.processEvents()

    assert screen.search_field.text() == ""
    assert window.keyboard.isVisible()
    assert screen.search_field.hasFocus()
    assert QApplication.focusWidget() is screen.search_field
    qtbot.mouseClick(keys["a"], Qt.MouseButton.LeftButton)
    assert screen.search_field.text() == "a"


def test_the_documents_are_a_checklist_the_citizen_ticks(qtbot: QtBot, window: KioskWindow) -> None:
    """Each document is a row to tick when the citizen has it with them: a tap ticks, a
    second tap unticks; the ticks last the visit (back and forth, a language switch)
    and the next citizen starts with none."""
    page = open_birth_registration(qtbot, window)
    assert "Bấm vào giấy tờ đã mang theo để đánh dấu." in texts(page)
    rows = page.document_checks
    assert len(rows) >= 2
    assert any("Giấy chứng sinh" in row.name.text() for row in rows)
    assert not any(row.isChecked() for row in rows)
    for row in rows:
        assert row.height() >= 64
        assert row.isCheckable()

    page.scroll_area.ensureWidgetVisible(rows[0])
    click(qtbot, rows[0])
    assert rows[0].isChecked()
    assert rows[0].box.ticked
    assert rows[0].box.property("ticked") == "true"
    page.scroll_area.ensureWidgetVisible(rows[1])
    click(qtbot, rows[1])
    click(qtbot, rows[1])
    assert not rows[1].isChecked()
    assert not rows[1].box.ticked

    window.toggle_language()  # the page is rebuilt in English, the tick stays
    assert [row.isChecked() for row in page.document_checks][:2] == [True, False]
    window.toggle_language()

    click(qtbot, page.nav.back_button)
    click(qtbot, search_screen(window).results.visible_rows()[0])
    assert page.procedure is not None
    assert page.procedure.name == BIRTH
    assert [row.isChecked() for row in page.document_checks][:2] == [True, False]

    window.end_visit()
    fresh = open_birth_registration(qtbot, window)
    assert not any(row.isChecked() for row in fresh.document_checks)


@pytest.mark.parametrize("scale", [TextScale.NORMAL, TextScale.LARGEST])
def test_scroll_bars_are_finger_sized_without_arrows(
    qtbot: QtBot, window_factory: Callable[..., KioskWindow], scale: TextScale
) -> None:
    window = window_factory(text_scale=scale)
    page = open_birth_registration(qtbot, window)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(bar.isVisible)  # the page is longer than the screen
    assert bar.width() >= 64
    option = QStyleOptionSlider()
    option.initFrom(bar)
    option.orientation = bar.orientation()
    option.minimum, option.maximum = bar.minimum(), bar.maximum()
    option.sliderPosition = option.sliderValue = bar.value()
    option.singleStep, option.pageStep = bar.singleStep(), bar.pageStep()
    option.subControls = QStyle.SubControl.SC_All
    style = bar.style()
    for arrow in (QStyle.SubControl.SC_ScrollBarAddLine, QStyle.SubControl.SC_ScrollBarSubLine):
        rect = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, arrow, bar)
        assert rect.height() <= 0 or rect.width() <= 0, arrow
    handle = style.subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar
    )
    assert handle.height() >= 64
    assert handle.width() >= 48
