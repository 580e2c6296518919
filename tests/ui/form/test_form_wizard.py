"""The wizard as a citizen meets it: pages, messages, conditions, groups, review."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kiosk.db.models import Declaration
from kiosk.services import KioskServices
from tests.ui.form.form_driver import PARENT_CARD_NEW_ADDRESS, FormDriver
from ui import ops
from ui.screens.form.inputs import ChoiceInput, DateInput, GroupInput
from wire.forms import FormDefinition


def open_with_card(driver: FormDriver) -> None:
    """The trial form, page one filled from a scanned card."""
    driver.open("thu-nghiem")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    assert driver.window.journey_screen("form").flow.draft is not None
    assert driver.window.journey_screen("form").flow.draft.answers["full_name"] == "Nguyễn Văn An"


def declaration_count(services: KioskServices) -> int:
    with services.db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Declaration)) or 0)


def test_home_tile_lists_the_bundled_forms_and_opens_one(driver: FormDriver) -> None:
    screen = driver.open("khai-sinh")
    assert screen.title.text() == "Tờ khai đăng ký khai sinh"
    assert screen.step_label.text() == "Bước 1/8"
    assert driver.section_id() == "nguoi_yeu_cau"
    assert {row.form.id for row in screen.chooser.rows} >= {"khai-sinh", "ct01", "khai-tu"}


def test_next_is_refused_while_the_page_has_problems_and_says_why(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    screen = driver.open("thu-nghiem")
    driver.next()
    assert driver.section_id() == "ban_than"
    for field_id in ("full_name", "birth_date", "id_number"):
        question = driver.question(field_id)
        assert question.has_problem, field_id
        assert question.problem.isVisible()
        assert question.problem.text()
    assert not driver.question("phone").has_problem  # optional and empty
    name = driver.text_input("full_name")
    assert name.edit.hasFocus()  # the first thing to fix

    # A message comes when the citizen leaves a field, not while typing.
    id_number = driver.focus_text("id_number")
    driver.type_keys("12345")
    assert id_number.problem.text() == driver.question("id_number").problem.text()
    driver.focus_text("phone")
    assert id_number.has_problem
    assert "12" in id_number.problem.text()  # "…12 chữ số…"

    driver.focus(name.edit)
    driver.type_keys("Traafn Thij Lan")
    assert name.edit.text() == "Trần Thị Lan"
    date = driver.question_as("birth_date", DateInput)
    driver.focus(date.edit)
    driver.type_keys("01021990")
    driver.focus(id_number.edit)
    id_number.edit.selectAll()
    driver.type_keys("001190012345")
    driver.next()
    assert driver.section_id() == "cho_o"
    assert screen.step_label.text() == "Bước 2/4"
    assert driver.window.journey_screen("form").flow.draft is not None
    assert driver.window.journey_screen("form").flow.draft.answers["birth_date"] == "1990-02-01"


def test_a_condition_shows_and_hides_a_question(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    open_with_card(driver)
    driver.next()
    assert driver.section_id() == "cho_o"
    spouse = driver.question("spouse_name")
    married = driver.question_as("married", ChoiceInput)
    assert not spouse.isVisible()
    assert married.buttons[False].isChecked()  # the form's default
    driver.tap(married.buttons[True])
    assert spouse.isVisible()
    driver.next()
    assert driver.section_id() == "cho_o"
    assert spouse.has_problem
    driver.tap(married.buttons[False])
    assert not spouse.isVisible()
    driver.next()
    assert driver.section_id() == "con"


def test_group_items_are_added_and_removed_within_their_limits(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    open_with_card(driver)
    driver.next()
    driver.next()
    assert driver.section_id() == "con"
    group = driver.question_as("children", GroupInput)
    assert group.items == []
    assert group.add_button.text() == "+ Thêm"
    driver.tap(group.add_button)
    driver.type_keys("Minh")
    driver.tap(group.add_button)
    assert [item.title.text() for item in group.items] == ["Số 1", "Số 2"]
    assert not group.add_button.isVisible()  # two at most
    second_gender = group.items[1].inputs["gender"]
    assert isinstance(second_gender, ChoiceInput)
    driver.tap(second_gender.buttons["nu"])
    driver.next()  # the second child has no name yet
    assert driver.section_id() == "con"
    assert group.items[1].inputs["name"].has_problem
    assert group.items[0].inputs["gender"].has_problem

    driver.tap(group.items[0].remove_button)
    assert [item.title.text() for item in group.items] == ["Số 1"]
    assert group.add_button.isVisible()
    assert driver.window.journey_screen("form").flow.draft is not None
    assert driver.window.journey_screen("form").flow.draft.answers["children"] == [{"gender": "nu"}]


def test_back_keeps_every_answer(driver: FormDriver, small_form: FormDefinition) -> None:
    open_with_card(driver)
    phone = driver.focus_text("phone")
    driver.type_keys("0912 345 678")
    driver.next()
    married = driver.question_as("married", ChoiceInput)
    driver.tap(married.buttons[True])
    spouse = driver.focus_text("spouse_name")
    driver.type_keys("Lee Thij Hoa")
    driver.back()
    assert driver.section_id() == "ban_than"
    assert phone.edit.text() == "0912 345 678"
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"
    driver.next()
    assert driver.section_id() == "cho_o"
    assert married.buttons[True].isChecked()
    assert spouse.edit.text() == "Lê Thị Hoa"


def test_edit_from_the_review_jumps_to_the_page_and_comes_back(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    open_with_card(driver)
    driver.next()
    driver.next()
    driver.next()
    screen = driver.screen
    assert screen.stack.currentWidget() is screen.review
    assert screen.step_label.text() == "Bước 4/4"
    texts = driver.shown_texts(screen.review)
    assert "Nguyễn Văn An" in texts
    assert "05/09/1999" in texts
    assert "Số 5, Phường Hồng Hà, Thành phố Hà Nội" in texts
    assert "Không" in texts
    assert screen.submit_button.isVisible()

    driver.tap(screen.review.edit_buttons[0])
    assert driver.section_id() == "ban_than"
    name = driver.focus_text("full_name")
    name.edit.selectAll()
    driver.type_keys("Nguyeenx Vawn Anh")
    driver.next()
    assert screen.stack.currentWidget() is screen.review  # not page two
    assert "Nguyễn Văn Anh" in driver.shown_texts(screen.review)


def test_switching_language_mid_draft_retranslates_and_keeps_answers(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    open_with_card(driver)
    driver.next()  # a page with a problem shown, to see the message follow
    married = driver.question_as("married", ChoiceInput)
    driver.tap(married.buttons[True])
    driver.next()
    spouse = driver.text_input("spouse_name")
    assert spouse.has_problem
    vietnamese_problem = spouse.problem.text()
    driver.window.toggle_language()
    page = driver.page()
    assert page.heading.text() == "Home and family"
    assert spouse.label.text() == "Spouse's full name"
    assert driver.screen.title.text() == "Trial form"
    assert driver.screen.nav.home_button.text() == "Back to home"
    assert spouse.has_problem
    assert spouse.problem.isVisible()
    assert married.buttons[True].isChecked()
    driver.window.toggle_language()
    assert page.heading.text() == "Nơi ở và gia đình"
    assert spouse.problem.text() == vietnamese_problem
    assert driver.text_input("full_name").edit.text() == "Nguyễn Văn An"


def test_a_double_tap_on_submit_files_one_declaration(
    driver: FormDriver, small_form: FormDefinition, services: KioskServices
) -> None:
    open_with_card(driver)
    screen = driver.to_review()
    before = declaration_count(services)
    ops.set_synchronous(False)  # submitting runs on the database worker, as on the kiosk
    try:
        driver.qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
        assert not screen.submit_button.isEnabled()
        assert not screen.nav.home_button.isEnabled()  # filed either way: no way out
        driver.qtbot.mouseClick(screen.submit_button, Qt.MouseButton.LeftButton)
        driver.window.journey_screen("form").flow.submit()
        driver.qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.done)
        driver.qtbot.waitUntil(
            lambda: driver.window.journey_screen("form").flow.receipt is not None
        )
        assert ops.wait_for_all()
        driver.qtbot.waitUntil(
            lambda: driver.window.journey_screen("form").flow.receipt.value != "printing"
        )
    finally:
        ops.set_synchronous(True)
    assert declaration_count(services) == before + 1


@pytest.mark.parametrize("scale", [100, 150])
def test_pages_fit_a_small_screen_and_stay_touch_sized(
    driver: FormDriver, small_form: FormDefinition, scale: int
) -> None:
    window = driver.window
    while int(window.text_scale) != scale:
        window.next_text_scale()
    driver.open("thu-nghiem")
    assert (window.width(), window.height()) == (1366, 768)
    for field_id in ("full_name", "birth_date", "phone"):
        question = driver.question(field_id)
        edit = question.edit  # type: ignore[attr-defined]
        assert edit.height() >= 64
        assert question.label.fontInfo().pixelSize() >= 22
    assert driver.screen.next_button.height() >= 64


def test_a_problem_left_on_another_page_is_shown_when_submitting(
    driver: FormDriver, small_form: FormDefinition, services: KioskServices
) -> None:
    open_with_card(driver)
    screen = driver.to_review()
    driver.tap(screen.review.edit_buttons[1])  # "Sửa" on "Nơi ở và gia đình"
    married = driver.question_as("married", ChoiceInput)
    driver.tap(married.buttons[True])  # now the spouse's name is asked, and left empty
    driver.back()
    driver.next()  # page one holds: straight back to the review
    assert screen.stack.currentWidget() is screen.review
    assert "(chưa điền)" in driver.shown_texts(screen.review)
    before = declaration_count(services)
    driver.tap(screen.submit_button)
    assert declaration_count(services) == before
    assert driver.section_id() == "cho_o"
    spouse = driver.text_input("spouse_name")
    assert spouse.has_problem
    assert spouse.edit.hasFocus()


def test_a_procedure_page_opens_its_form_and_back_returns_there(driver: FormDriver) -> None:
    window = driver.window
    window.show_screen("lookup")
    window.journey_screen("lookup").flow.open_procedure("1.001193", "lookup")
    assert window.current_screen() == "lookup.procedure"
    page = window.screens["lookup.procedure"]
    driver.tap(page.form_button)  # type: ignore[attr-defined]
    assert window.current_screen() == "form"
    screen = driver.screen
    assert screen.title.text() == "Tờ khai đăng ký khai sinh"
    driver.agree()  # the privacy notice comes first
    draft = window.journey_screen("form").flow.draft
    assert draft is not None
    assert draft.procedure_code == "1.001193"
    driver.back()  # nothing entered: out at once, to the procedure
    assert window.current_screen() == "lookup.procedure"
    assert window.journey_screen("form").flow.draft is None


def test_an_email_is_typed_on_the_keyboard_with_its_at_key(driver: FormDriver) -> None:
    driver.open("ho-chieu")
    driver.scan(PARENT_CARD_NEW_ADDRESS)
    driver.focus_text("birth_place")
    driver.type_keys("Ha Noi")
    driver.next()
    assert driver.section_id() == "lien_lac"
    email = driver.focus_text("email")
    keyboard = driver.window.keyboard
    assert keyboard.letters_page.isVisible()
    driver.type_on_keyboard("an.nguyen")
    driver.tap(keyboard.letter_buttons["@"])
    driver.type_on_keyboard("dichvucong")
    assert email.edit.text() == "an.nguyen@dichvucong"
    vn = next(part for part in email.email_parts if part.text() == ".vn")
    driver.tap(vn)
    assert email.edit.text() == "an.nguyen@dichvucong.vn"
    assert email.value() == "an.nguyen@dichvucong.vn"
    assert "@" not in [part.text() for part in email.email_parts]  # the keyboard has it
