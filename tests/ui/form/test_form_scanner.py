"""A căn cước scanned with a keyboard-wedge scanner, wherever the citizen's focus is.

The scanner types the QR payload and Enter like a keyboard, a few milliseconds per
key; these tests type it with ``QTest`` key events (any Unicode text, as a scanner
sends) at a still clock, and type by hand at a clock that moves a second per key.
"""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.idcard import IdCardError, parse
from tests.ui.form.form_driver import PARENT_CARD, PARENT_CARD_NEW_ADDRESS, FormDriver
from ui.i18n import translate
from ui.screens.form.inputs import AddressInput, ChoiceInput, DateInput
from ui.screens.lookup.search import SearchScreen
from wire.forms import FormDefinition

BAD_BIRTH_DATE_CARD = PARENT_CARD_NEW_ADDRESS.replace("05091999", "31021999")


def test_a_scan_fills_the_card_fields_and_types_nothing_where_focus_is(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    phone = driver.focus_text("phone")
    driver.type_keys("09")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert phone.edit.text() == "09"
    assert phone.edit.hasFocus()
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"
    birth = driver.question_as("birth_date", DateInput)
    assert birth.edit.text() == "05/09/1999"
    assert driver.text_input("id_number").edit.text() == "001099012345"
    draft = driver.window.journey_screen("form").flow.draft
    assert draft is not None
    assert draft.answers["residence"]["ward"] == "Phường Hồng Hà"
    notice = driver.page().notice
    assert notice.isVisible()
    assert "Họ và tên, Ngày sinh, Số định danh cá nhân, Nơi thường trú" in notice.text()
    assert driver.screen.stack.currentWidget() is driver.page()  # no address to confirm
    # Typing goes on as before.
    driver.type_keys("12")
    assert phone.edit.text() == "0912"


def test_a_scan_never_presses_the_focused_button(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    birth = driver.question_as("birth_date", DateInput)
    driver.tap(birth.picker_button)
    assert birth.picker_button.hasFocus() or QApplication.focusWidget() is None
    assert birth.picker.isVisible()
    driver.scan(PARENT_CARD_NEW_ADDRESS)  # its spaces would toggle a focused button
    assert birth.picker_button.isChecked()
    assert birth.picker.isVisible()
    assert birth.edit.text() == "05/09/1999"
    assert birth.day.value.text() == "05"


def test_typing_by_hand_and_on_screen_is_untouched(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    id_number = driver.focus_text("id_number")
    assert driver.window.keyboard.digits_page.isVisible()
    driver.type_on_keyboard("0011")  # on-screen keys are never held back
    assert id_number.edit.text() == "0011"
    driver.type_keys("90012345")
    assert id_number.edit.text() == "001190012345"
    name = driver.focus_text("full_name")
    driver.type_keys("Nguyeenx Thij Mai")
    assert name.edit.text() == "Nguyễn Thị Mai"


def test_a_misread_scan_says_so_and_types_nothing_into_the_field(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    phone = driver.focus_text("phone")
    driver.type_keys("09")
    driver.scan("001099012345|12345")  # a card's code cut short by the scanner
    assert phone.edit.text() == "09"
    assert phone.edit.hasFocus()
    banner = driver.window.banner
    assert banner.isVisible()
    assert translate(IdCardError.message) in driver.shown_texts(banner)
    assert translate(IdCardError.message).startswith("Chưa đọc được thẻ.")
    driver.window.banner.clear()
    driver.scan("0912 345 678")  # another code (a barcode): no card, never typing
    assert phone.edit.text() == "09"
    assert banner.isVisible()
    draft = driver.screen.flow.draft
    assert draft is not None
    assert "full_name" not in draft.answers


def test_a_fingers_quick_pair_of_digits_still_reaches_the_field(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    phone = driver.focus_text("phone")
    driver.scan("09")  # two keys rolled fast, then Enter: a finger, not a scanner
    assert phone.edit.text() == "09"
    assert not driver.window.banner.isVisible()


def test_a_malformed_card_fills_nothing_and_says_why(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    name = driver.focus_text("full_name")
    driver.scan(BAD_BIRTH_DATE_CARD)
    assert name.edit.text() == ""
    assert driver.window.journey_screen("form").flow.draft is not None
    answers = driver.window.journey_screen("form").flow.draft.answers
    assert not {"full_name", "birth_date", "id_number", "residence"} & set(answers)
    banner = driver.window.banner
    assert banner.isVisible()
    with pytest.raises(IdCardError) as refused:
        parse(BAD_BIRTH_DATE_CARD)
    assert translate(refused.value.message) in driver.shown_texts(banner)


def test_an_old_address_is_shown_beside_the_new_one_to_confirm(driver: FormDriver) -> None:
    driver.open("khai-sinh")
    driver.scan(PARENT_CARD)
    screen = driver.screen
    panel = screen.address_panel
    assert screen.stack.currentWidget() is panel
    assert not screen.nav.isVisible()
    assert panel.old_caption.text() == "Địa chỉ trên thẻ"
    assert panel.old_address.text() == "Số 5, Phúc Xá, Ba Đình, Hà Nội"
    assert panel.new_caption.text() == "Địa chỉ mới sau sắp xếp"
    assert panel.new_address.text() == "Số 5, Phường Hồng Hà, Thành phố Hà Nội"
    driver.tap(panel.confirm_button)
    assert driver.section_id() == "nguoi_yeu_cau"
    residence = driver.question_as("requester_residence", AddressInput)
    assert residence.ward.current.words() == "Phường Hồng Hà"
    assert residence.province.current.words() == "Thành phố Hà Nội"
    assert residence.detail.text() == "Số 5"
    assert panel.old_address.text() == ""  # the panel keeps nothing


def test_changing_the_converted_address_goes_to_it(driver: FormDriver) -> None:
    driver.open("khai-sinh")
    driver.next()  # messages everywhere first: the scan clears those it fills
    driver.scan(PARENT_CARD)
    driver.tap(driver.screen.address_panel.change_button)
    residence = driver.question_as("requester_residence", AddressInput)
    assert driver.section_id() == "nguoi_yeu_cau"
    assert residence.detail.hasFocus()
    assert not residence.has_problem
    assert not driver.text_input("requester_name").has_problem
    assert driver.text_input("authority").has_problem  # not on the card


def test_a_scan_on_the_search_screen_offers_the_forms_and_types_nothing(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    window = driver.window
    driver.tap(window.home.tiles["lookup"])
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    driver.focus(search.search_field)
    driver.type_keys("khai sinh")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert search.search_field.text() == "khai sinh"  # not a key of the code landed there
    assert window.current_screen() == "form"
    chooser = driver.screen.chooser
    assert driver.screen.stack.currentWidget() is chooser
    driver.qtbot.waitUntil(lambda: bool(chooser.rows))
    assert chooser.lead.text() == "Đã đọc thẻ căn cước. Ông/Bà muốn điền tờ khai nào?"
    assert window.visit.card is not None
    # Choosing a form (and agreeing to the notice) fills it from the card.
    driver.tap(chooser.row("thu-nghiem"))
    driver.agree()
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"
    assert driver.text_input("id_number").edit.text() == "001099012345"
    assert window.visit.card is None  # the draft holds it now, nothing else
    assert "Họ và tên" in driver.page().notice.text()


def test_a_scan_on_the_home_screen_offers_the_forms_and_the_visit_forgets_it(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    window = driver.window
    assert window.current_screen() == "home"
    driver.scan(PARENT_CARD_NEW_ADDRESS)  # whatever has focus: a tile, or the window
    assert window.current_screen() == "form"
    assert driver.screen.chooser.card_waiting
    driver.tap(driver.screen.nav.home_button)  # changed their mind: the visit ends
    if window.end_visit_overlay.isVisible():
        driver.tap(window.end_visit_overlay.end_button)
    assert window.current_screen() == "home"
    assert window.visit.card is None
    driver.tap(window.home.tiles["form"])
    assert not driver.screen.chooser.card_waiting  # the next citizen finds no card


def test_a_misread_scan_on_the_search_screen_types_nothing(driver: FormDriver) -> None:
    window = driver.window
    driver.tap(window.home.tiles["lookup"])
    search = window.screens["lookup"]
    assert isinstance(search, SearchScreen)
    driver.focus(search.search_field)
    driver.scan("001099012345|123456789|Nguy")  # cut short
    assert search.search_field.text() == ""
    assert window.current_screen() == "lookup"
    assert translate(IdCardError.message) in driver.shown_texts(window.banner)


def test_a_card_that_contradicts_itself_is_refused_with_what_to_do(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS.replace("|Nam|", "|Nữ|"))
    banner_texts = driver.shown_texts(driver.window.banner)
    assert (
        "Thông tin trên thẻ không khớp nhau. Vui lòng nhập tay các mục của tờ khai." in banner_texts
    )
    assert driver.text_input("full_name").edit.text() == ""


def test_the_payload_is_neither_kept_nor_logged(
    driver: FormDriver, small_form: FormDefinition, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    flow = driver.screen.flow
    scanner = driver.window.scanner
    assert not scanner.holding
    assert flow.draft is not None
    assert flow.draft.answers["id_number"] == "001099012345"  # the answer, not the code
    for holder in (flow, scanner, driver.screen, driver.window.visit, driver.window):
        for value in vars(holder).values():
            assert "001099012345|" not in repr(value)
            assert "05091999" not in repr(value)  # the code's own way of writing dates
    for record in caplog.records:
        assert "001099012345" not in record.getMessage()
        assert "Nguyễn Văn An" not in record.getMessage()


def test_a_choice_button_keeps_its_answer_when_scanned_over(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    driver.next()
    married = driver.question_as("married", ChoiceInput)
    driver.tap(married.buttons[True])
    driver.scan(PARENT_CARD_NEW_ADDRESS)  # a second scan, focus on "Có"
    assert married.buttons[True].isChecked()
    assert driver.question("spouse_name").isVisible()
