"""A citizen who walks away mid-form leaves nothing behind: not on screen, not in a
widget, not on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.services import KioskServices
from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.inputs import AddressInput, ChoiceInput, DateInput
from ui.screens.lookup.search import SearchScreen

# What the citizen entered, as the widgets showed it.
ENTERED = (
    "Công an phường Cầu Giấy",
    "Số 12 ngõ 34",
    "Nguyễn Văn An",
    "001099012345",
    "05/09/1999",
    "0971234567",
    "an.nguyen@gmail.com",
    "Lê Văn Bình",
    "hong ha",
    "31/12/2026",
)


def fill_ct01_up_to_the_head_of_household(driver: FormDriver) -> None:
    driver.open("ct01")
    driver.focus_text("authority")
    driver.type_keys("Coong an phuwowngf Caauf Giaays")
    request = driver.question_as("request", ChoiceInput)
    driver.tap(request.buttons["dang_ky_tam_tru"])
    address = driver.question_as("new_address", AddressInput)
    driver.focus(address.detail)
    driver.type_keys("Soos 12 ngox 34")
    driver.pick(address.province, "ha noi", "Thành phố Hà Nội")
    assert address.ward.is_open  # the next thing to choose opens by itself
    driver.pick(address.ward, "hong ha", "Phường Hồng Hà")
    stay_until = driver.question_as("stay_until", DateInput)  # a tạm trú's end date
    driver.focus(stay_until.edit)
    driver.type_keys("31122026")
    driver.next()
    assert driver.section_id() == "nguoi_khai"
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    driver.focus_text("phone")
    driver.type_keys("0971234567")
    email = driver.focus_text("email")
    driver.type_keys("an.nguyen")
    driver.tap(email.email_parts[0])  # "@gmail.com"
    assert email.edit.text() == "an.nguyen@gmail.com"
    driver.next()
    assert driver.section_id() == "chu_ho"
    driver.focus_text("head_name")
    driver.type_keys("Lee Vawn Binhf")
    # A search left typed in an open list, on the way out.
    driver.back()
    driver.back()
    address = driver.question_as("new_address", AddressInput)
    driver.tap(address.ward.current)
    driver.focus(address.ward.search)
    driver.type_keys("hong ha")


def files_containing(folder: Path, text: str) -> list[Path]:
    wanted = text.encode()
    return [p for p in folder.rglob("*") if p.is_file() and wanted in p.read_bytes()]


def test_walking_away_mid_form_leaves_no_trace(
    qtbot: QtBot,
    window_factory: Callable[..., KioskWindow],
    services: KioskServices,
) -> None:
    window = window_factory(idle_warning_s=0.5)
    driver = FormDriver(qtbot, window)
    fill_ct01_up_to_the_head_of_household(driver)
    shown = "\n".join(driver.all_texts())
    for value in ENTERED:
        assert value in shown, value  # the test would see them if they stayed
    # In memory only: nothing of the draft reached the data folder.
    assert files_containing(services.paths.data_dir, "001099012345") == []
    assert files_containing(services.paths.data_dir, "Nguyễn Văn An") == []

    # The citizen walked away: the quiet time is up, and the countdown runs out.
    with qtbot.waitSignal(window.visit_ended, timeout=10_000):
        window.idle.warn_now()
    assert window.current_screen() == "home"
    assert window.visit.draft is None
    assert window.visit.is_empty()
    assert "form" not in window.screens
    left = "\n".join(driver.all_texts())
    for value in ENTERED:
        assert value not in left, value
    assert not window.keyboard.isVisible()


def test_staff_pin_pad_cancelled_goes_back_and_home_still_ends_the_draft(
    driver: FormDriver,
) -> None:
    """Staff's PIN pad (Ctrl+Alt+S), cancelled, returns to the citizen's form; home is
    never a place where a draft waits for the next citizen."""
    window = driver.window
    driver.open("khai-sinh")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert window.visit.draft is not None
    window.open_staff()
    assert window.current_screen() == "staff.pin"
    driver.tap(window.journey_screen("staff.pin").cancel_button)  # type: ignore[attr-defined]
    assert window.current_screen() == "form"
    assert window.visit.draft is not None
    driver.tap(driver.screen.nav.home_button)
    driver.tap(window.end_visit_overlay.end_button)
    assert window.current_screen() == "home"
    assert window.visit.draft is None
    assert "Nguyễn Văn An" not in driver.all_texts()
    driver.tap(window.home.tiles["form"])
    assert driver.screen.stack.currentWidget() is driver.screen.chooser


def test_a_scan_cut_short_is_dropped_when_the_visit_ends(driver: FormDriver) -> None:
    """A scanner interrupted mid-code (no Enter yet) holds the keys back; the visit
    ends before the burst does: those keys belong to nobody any more."""
    window = driver.window
    driver.open("ct01")
    question = driver.focus_text("authority")
    scanner = window.scanner
    driver.clock.step = 0.002  # a scanner's pace
    for char in "00109901":
        QTest.keyClick(question.edit, char)
    assert scanner.holding
    reached: list[str] = []
    question.edit.textChanged.connect(reached.append)
    window.end_visit()
    driver.clock.step = 1.0
    assert not [text for text in reached if "0010" in text]  # never delivered anywhere
    assert "00109901" not in "\n".join(driver.all_texts())
    assert "0010" not in "\n".join(driver.all_texts())
    driver.tap(window.home.tiles["lookup"])
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    assert search.search_field.text() == ""
