"""Whose card is it, and what the citizen checks: a căn cước scanned into forms with
several people, and cards that give their data inexactly (lost accents, a year of
birth only, a thẻ căn cước whose address is the nơi cư trú)."""

from __future__ import annotations

from kiosk.forms.samples import sample_answers
from tests.ui.form.form_driver import FormDriver
from ui.screens.form.inputs import AddressInput, DateInput
from wire.forms import FormDefinition

#: A man's card, its address already in today's two-level form.
MAN = "001099012345|123456789|Nguyễn Văn An|05091999|Nam|Số 5, Phường Hồng Hà, Hà Nội|15082021"
#: A woman's card (CCCD gắn chip).
WOMAN = "001197034567||Hoàng Thị Lan Anh|08031997|Nữ|Số 18, Phường Hồng Hà, Hà Nội|20082021"
#: The same woman's card read by a scanner that drops Vietnamese letters.
UNACCENTED = "001197034567||Hoang Thi Lan Anh|08031997|Nu|So 18, Phuong Hong Ha, Ha Noi|20082021"
#: An elderly woman's thẻ căn cước (from 1/7/2024): the year of birth only.
YEAR_ONLY = "001145012345||Trần Thị Lý|00001945|Nữ|Số 5, Phường Hồng Hà, Hà Nội|20082024"

GROOM_FIELDS = ("groom_name", "groom_birth_date", "groom_id")
BRIDE_FIELDS = ("bride_name", "bride_birth_date", "bride_id")


def texts(driver: FormDriver, field_ids: tuple[str, ...]) -> list[str]:
    """What each question shows (an empty date's "__/__/____" mask counts as empty)."""
    values = []
    for field_id in field_ids:
        question = driver.question(field_id)
        if isinstance(question, DateInput):
            shown = question.edit.text()
            values.append(shown if shown.strip("/_ ") else "")
        else:
            values.append(driver.text_input(field_id).edit.text())
    return values


def test_a_grooms_card_fills_the_groom_and_leaves_the_bride_alone(driver: FormDriver) -> None:
    driver.open("ket-hon")
    driver.scan(MAN)
    assert texts(driver, GROOM_FIELDS) == ["Nguyễn Văn An", "05/09/1999", "001099012345"]
    assert texts(driver, BRIDE_FIELDS) == ["", "", ""]
    residence = driver.question_as("groom_residence", AddressInput)
    assert residence.ward.current.words() == "Phường Hồng Hà"
    assert driver.section_id() == "noi_dang_ky"  # no question: the card's gender decides
    notice = driver.page().notice.text()
    assert notice.startswith("Đã điền thông tin Bên nam từ thẻ căn cước:")
    draft = driver.screen.flow.draft
    assert draft is not None
    assert not {"bride_name", "bride_id", "bride_residence"} & set(draft.answers)


def test_a_brides_card_fills_the_bride_and_leaves_the_groom_alone(driver: FormDriver) -> None:
    driver.open("ket-hon")
    driver.focus_text("authority")
    driver.scan(WOMAN)
    assert texts(driver, BRIDE_FIELDS) == ["Hoàng Thị Lan Anh", "08/03/1997", "001197034567"]
    assert texts(driver, GROOM_FIELDS) == ["", "", ""]
    assert driver.text_input("authority").edit.text() == ""  # nothing typed where focus was


def test_a_mans_card_on_the_brides_page_is_the_grooms(driver: FormDriver) -> None:
    driver.open("ket-hon")
    driver.focus_text("authority")
    driver.type_keys("UBND phuwowngf Taay Hoof")
    driver.next()
    assert driver.section_id() == "ben_nu"
    driver.scan(MAN)
    assert texts(driver, BRIDE_FIELDS) == ["", "", ""]
    assert texts(driver, GROOM_FIELDS)[0] == "Nguyễn Văn An"


def open_birth_form_at_the_fathers_page(driver: FormDriver) -> None:
    """The mother fills the birth form up to the father's page (her answers typed in
    before: the sample's), leaving the father's details for his card."""
    screen = driver.open("khai-sinh")
    answers = sample_answers("khai-sinh")
    father = {key for key in answers if key.startswith("father_")}
    screen.fill({key: value for key, value in answers.items() if key not in father})
    for _ in range(len(screen.pages)):
        if driver.section_id() == "cha":
            break
        driver.next()
    assert driver.section_id() == "cha"


def test_a_fathers_card_on_the_fathers_page_fills_the_father_and_not_step_one(
    driver: FormDriver,
) -> None:
    open_birth_form_at_the_fathers_page(driver)
    driver.scan(MAN)
    assert driver.section_id() == "cha"  # no question asked, no page changed
    assert driver.text_input("father_name").edit.text() == "Nguyễn Văn An"
    assert driver.text_input("father_id").edit.text() == "001099012345"
    assert driver.question_as("father_birth_date", DateInput).edit.text() == "05/09/1999"
    assert driver.text_input("requester_name").edit.text() == "Nguyễn Thị Ánh"  # step 1
    assert driver.text_input("requester_id").edit.text() == "001194012345"
    draft = driver.screen.flow.draft
    assert draft is not None
    assert draft.answers["requester_name"] == "Nguyễn Thị Ánh"
    assert draft.answers["father_name"] == "Nguyễn Văn An"
    assert "Người cha" in driver.page().notice.text()


def test_where_the_page_does_not_say_the_citizen_is_asked_whose_card_it_is(
    driver: FormDriver,
) -> None:
    screen = driver.open("khai-sinh")
    answers = sample_answers("khai-sinh")
    screen.fill({key: answers[key] for key in ("authority", "requester_relation")})
    driver.scan(MAN)  # the requester's page: the requester's card
    assert driver.text_input("requester_name").edit.text() == "Nguyễn Văn An"
    for field_id in ("requester_name", "requester_birth_date", "requester_id"):
        screen.fill({field_id: answers[field_id]})
    driver.next()
    assert driver.section_id() == "tre_em"
    driver.scan(MAN)  # the child's page: a man may be the requester or the father
    panel = screen.holder_panel
    assert screen.stack.currentWidget() is panel
    assert panel.heading.text() == "Thẻ này của ai?"
    assert [button.text() for button in panel.buttons.values()] == [
        "Người đi khai sinh",
        "Người cha",
    ]
    assert not screen.nav.isVisible()
    driver.tap(panel.buttons["cha"])
    assert driver.section_id() == "tre_em"  # back where the citizen was
    assert driver.text_input("father_name").edit.text() == "Nguyễn Văn An"
    assert driver.text_input("requester_name").edit.text() == answers["requester_name"]
    assert driver.window.visit.card is None


def test_not_saying_whose_card_it_is_fills_nothing(driver: FormDriver) -> None:
    screen = driver.open("khai-sinh")
    screen.show_review()
    driver.scan(WOMAN)  # the review: the requester's or the mother's?
    assert screen.stack.currentWidget() is screen.holder_panel
    driver.tap(screen.holder_panel.cancel_button)
    assert screen.stack.currentWidget() is screen.review
    draft = screen.flow.draft
    assert draft is not None
    assert "mother_name" not in draft.answers
    assert "requester_name" not in draft.answers
    assert driver.window.visit.card is None


def test_an_unaccented_card_fills_and_asks_to_check_the_name(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    driver.scan(UNACCENTED)
    name = driver.text_input("full_name")
    assert name.edit.text() == "Hoang Thi Lan Anh"
    assert name.problem.isVisible()
    assert name.problem.text() == (
        "Tên trên thẻ có thể bị mất dấu. Vui lòng kiểm tra và sửa lại nếu cần."
    )
    assert driver.text_input("id_number").edit.text() == "001197034567"
    driver.focus(name.edit)
    driver.type_keys(" ")  # any change: the note has been read
    assert not name.problem.isVisible()


def test_a_year_only_card_leaves_the_full_date_for_the_citizen(
    driver: FormDriver, small_form: FormDefinition
) -> None:
    driver.open("thu-nghiem")
    driver.scan(YEAR_ONLY)
    birth = driver.question_as("birth_date", DateInput)
    assert texts(driver, ("birth_date",)) == [""]
    draft = driver.screen.flow.draft
    assert draft is not None
    assert "birth_date" not in draft.answers
    assert birth.problem.isVisible()
    assert "Vui lòng nhập ngày, tháng sinh (nếu có)" in birth.problem.text()
    assert driver.text_input("full_name").edit.text() == "Trần Thị Lý"
    assert driver.text_input("id_number").edit.text() == "001145012345"


def test_a_new_cards_address_is_confirmed_as_the_permanent_one(driver: FormDriver) -> None:
    screen = driver.open("ho-chieu")
    driver.scan(YEAR_ONLY)  # a thẻ căn cước: its address is the nơi cư trú
    panel = screen.address_panel
    assert screen.stack.currentWidget() is panel
    assert panel.old_address.text() == "Số 5, Phường Hồng Hà, Hà Nội"
    assert not panel.new_address.isVisible()
    assert "nơi thường trú" in panel.lead.text()
    assert panel.confirm_button.text() == "Đúng, là nơi thường trú"
    driver.tap(panel.change_button)
    address = driver.question_as("permanent_address", AddressInput)
    assert address.detail.hasFocus()  # the citizen corrects it there
