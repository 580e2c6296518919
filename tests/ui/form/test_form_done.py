"""After "Lưu tờ khai": the mã tờ khai, the slip (or why it did not print), what happens at
the counter, and leaving."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.flow import Receipt
from ui.screens.form.screen import FormScreen
from wire.forms import FormDefinition


def submit_trial_form(driver: FormDriver) -> FormScreen:
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    screen = driver.to_review()
    driver.tap(screen.submit_button)
    assert screen.stack.currentWidget() is screen.done
    return screen


def test_a_printer_fault_says_so_and_offers_to_print_again(
    qtbot: QtBot,
    kiosk_factory: Callable[..., KioskWindow],
    closed_port: int,
    small_form: FormDefinition,
) -> None:
    window = kiosk_factory(printer=f"tcp://127.0.0.1:{closed_port}?timeout=0.5")
    with window.services().db.transaction() as session:
        window.services().forms.publish_in(session, small_form)
    driver = FormDriver(qtbot, window)
    screen = submit_trial_form(driver)
    done = screen.done
    assert done.reference.text().startswith("TK-")
    assert window.journey_screen("form").flow.receipt == Receipt.FAILED
    assert done.status.text().startswith("Máy in đang gặp sự cố")
    assert done.print_error.isVisible()
    assert done.print_error.text().startswith("Lỗi máy in: ")
    assert done.reprint_button.isVisible()
    attempts: list[Receipt | None] = []
    window.journey_screen("form").flow.receipt_changed.connect(
        lambda: attempts.append(window.journey_screen("form").flow.receipt)
    )
    driver.tap(done.reprint_button)
    assert attempts == [Receipt.PRINTING, Receipt.FAILED]
    assert done.reference.text().startswith("TK-")  # still there to photograph
    assert "ghi lại mã tờ khai" in done.status.text()


def test_home_from_the_done_page_forgets_the_citizen(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    screen = submit_trial_form(driver)
    assert screen.done.status.text() == "Phiếu tờ khai đã được in, vui lòng nhận ở khe máy in."
    assert not screen.nav.back_button.isVisible()
    assert screen.ticket_button.isVisible()
    reference = screen.done.reference.text()
    filed = driver.window.visit.declaration
    assert filed is not None
    assert filed.reference == reference
    driver.tap(screen.nav.home_button)  # filed: home ends the visit without a question
    assert not driver.window.end_visit_overlay.isVisible()
    assert driver.window.current_screen() == "home"
    assert driver.window.visit.is_empty()
    assert reference not in driver.all_texts()
    # The next citizen starts at the list of forms.
    driver.tap(driver.window.home.tiles["form"])
    assert driver.screen is not screen
    assert driver.screen.stack.currentWidget() is driver.screen.chooser


def test_the_done_page_calls_it_a_saved_declaration_and_says_what_the_counter_does(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    tile = driver.window.home.tiles["form"]
    assert tile.subtitle.text() == "Khai từng bước, in tờ khai mang đến quầy"
    screen = driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    driver.to_review()
    assert screen.submit_button.text() == "Lưu tờ khai"
    driver.tap(screen.submit_button)
    done = screen.done
    assert done.heading.text() == "Đã lưu tờ khai"
    assert done.caption.text() == "Mã tờ khai"
    steps = done.next_steps.text()
    # Bring the slip to the counter, which checks it, receives the dossier and gives the
    # official receipt: nothing has been handed in yet.
    for words in ("mang phiếu tờ khai đến quầy để nộp hồ sơ", "kiểm tra", "giấy tiếp nhận hồ sơ"):
        assert words in steps, words
    shown = driver.all_texts()
    assert not [text for text in shown if "Đã nộp hồ sơ" in text or "Mã hồ sơ" in text]
    assert not [text for text in shown if "biên nhận" in text.lower()]


def test_leaving_a_started_form_asks_first(driver: FormDriver, small_form: FormDefinition) -> None:
    screen = driver.open("thu-nghiem")
    driver.tap(screen.nav.home_button)  # nothing entered yet: no question
    assert driver.window.current_screen() == "home"
    screen = driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    driver.tap(screen.nav.home_button)  # a started draft: the window asks
    overlay = driver.window.end_visit_overlay
    assert overlay.isVisible()
    driver.tap(overlay.stay_button)
    assert not overlay.isVisible()
    assert driver.window.current_screen() == "form"
    assert driver.section_id() == "ban_than"
    draft = driver.window.visit.draft
    assert draft is not None
    assert draft.answers["full_name"] == "Nguyễn Văn An"
    driver.back()  # out of the first page: the form asks before dropping the draft
    assert screen.stack.currentWidget() is screen.leave_panel
    driver.tap(screen.leave_panel.leave_button)
    assert driver.window.visit.draft is None
    assert screen.stack.currentWidget() is screen.chooser
    assert "Nguyễn Văn An" not in driver.all_texts()


def test_a_card_scanned_before_choosing_a_form_fills_the_form_chosen(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.tap(driver.window.home.tiles["form"])
    screen = driver.screen
    assert screen.stack.currentWidget() is screen.chooser
    driver.qtbot.waitUntil(lambda: bool(screen.chooser.rows))
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert not driver.window.banner.isVisible()
    assert screen.chooser.lead.text() == "Đã đọc thẻ căn cước. Ông/Bà muốn điền tờ khai nào?"
    assert "Nguyễn Văn An" not in driver.all_texts()  # nothing shown before a form is chosen
    driver.tap(screen.chooser.row("thu-nghiem"))
    driver.agree()
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"
