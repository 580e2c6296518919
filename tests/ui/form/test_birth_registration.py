"""Đăng ký khai sinh from start to paper, as a parent does it at the kiosk.

The parent opens the khai-sinh form, scans their căn cước (an old card: the address
is confirmed in its new form), types the rest on the on-screen keyboard and a
keyboard, picks dates and places by touch, reviews and submits. The declaration and its
outbox entry are in the database, the receipt came out of the printer as ESC/POS
bytes, and the A4 tờ khai carries the names with their diacritics.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.db.models import Declaration, OutboxEntry
from kiosk.text.folding import fold
from kiosk.text.telex import telex
from tests.ui.form.form_driver import PARENT_CARD, FormDriver
from ui.main_window import KioskWindow
from ui.screens.form.inputs import AddressInput, ChoiceInput, DateInput, ListChoiceInput
from ui.screens.queue.choose import ChooseScreen


def type_into(driver: FormDriver, field_id: str, keys: str) -> None:
    driver.focus_text(field_id)
    driver.type_keys(keys)


def type_date(driver: FormDriver, field_id: str, digits: str) -> None:
    question = driver.question_as(field_id, DateInput)
    driver.focus(question.edit)
    driver.type_keys(digits)


def fill_address(driver: FormDriver, field_id: str, detail_keys: str, ward: str) -> None:
    address = driver.question_as(field_id, AddressInput)
    driver.focus(address.detail)
    driver.type_keys(detail_keys)
    driver.pick(address.province, "ha noi", "Thành phố Hà Nội")
    driver.pick(address.ward, fold(ward.split(maxsplit=1)[1]), ward)  # typed without accents


def plain(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def test_a_parent_registers_a_birth_from_card_to_receipt(
    qtbot: QtBot, kiosk_factory: Callable[..., KioskWindow], tmp_path: Path
) -> None:
    printer = tmp_path / "printer"
    window = kiosk_factory(printer=f"file:{printer}")
    services = window.services()
    driver = FormDriver(qtbot, window)
    screen = driver.open("khai-sinh")

    # 1. Người đi khai: the card fills four answers; the rest by keyboard.
    authority = driver.focus_text("authority")
    assert window.keyboard.letters_page.isVisible()
    driver.type_on_keyboard("Uyr ban nhaan daan phuwowngf Hoongf Haf")
    assert authority.edit.text() == "Ủy ban nhân dân phường Hồng Hà"
    driver.scan(PARENT_CARD)
    assert authority.edit.text() == "Ủy ban nhân dân phường Hồng Hà"  # nothing typed in
    assert screen.stack.currentWidget() is screen.address_panel
    assert screen.address_panel.new_address.text() == "Số 5, Phường Hồng Hà, Thành phố Hà Nội"
    driver.tap(screen.address_panel.confirm_button)
    assert driver.text_input("requester_name").edit.text() == "Nguyễn Văn An"
    assert driver.text_input("requester_id").edit.text() == "001099012345"
    type_into(driver, "requester_relation", "Cha")
    driver.next()

    # 2. The child: name on the on-screen keyboard, the date on the picker.
    assert driver.section_id() == "tre_em"
    assert screen.step_label.text() == "Bước 2/8"
    child_name = driver.focus_text("child_name")
    driver.type_on_keyboard("Nguyên[nga] Minh Khôi")
    assert child_name.edit.text() == "Nguyễn Minh Khôi"
    birth = driver.question_as("child_birth_date", DateInput)
    driver.tap(birth.picker_button)
    assert (birth.day.value.text(), birth.month.value.text(), birth.year.value.text()) == (
        "10",
        "03",
        "2025",
    )
    for _ in range(9):
        driver.tap(birth.day.down)
    assert birth.edit.text() == "01/03/2025"
    gender = driver.question_as("child_gender", ChoiceInput)
    driver.tap(gender.buttons["nam"])
    fill_address(driver, "child_birth_place", "Beenhj vieenj Phuj sanr Haf Nooij", "Phường Ba Đình")
    driver.next()

    # 3. Ethnicity and nationality start as Kinh and Việt Nam.
    assert driver.section_id() == "dan_toc_que_quan"
    ethnicity = driver.question_as("child_ethnicity", ListChoiceInput)
    assert ethnicity.picker.current.words() == "Kinh"
    nationality = driver.question_as("child_nationality", ListChoiceInput)
    assert nationality.picker.current.words() == "Việt Nam"
    type_into(driver, "child_hometown", "Xax DDoong Hwng, tinhr Hwng Yeen")
    driver.next()

    # 4. The mother.
    assert driver.section_id() == "me"
    type_into(driver, "mother_name", "Traafn Thij Lan")
    mother_birth = driver.question_as("mother_birth_date", DateInput)
    driver.focus(mother_birth.edit)
    assert window.keyboard.digits_page.isVisible()
    driver.type_on_keyboard("12071998")  # the slashes are already there
    assert mother_birth.edit.text() == "12/07/1998"
    driver.focus_text("mother_id")
    driver.type_on_keyboard("001198012346")
    fill_address(driver, "mother_residence", "Soos 5", "Phường Hồng Hà")
    driver.next()

    # 5. The father is the parent who scanned the card.
    assert driver.section_id() == "cha"
    type_into(driver, "father_name", "Nguyeenx Vawn An")
    type_date(driver, "father_birth_date", "05091999")
    type_into(driver, "father_id", "001099012345")
    fill_address(driver, "father_residence", "Soos 5", "Phường Hồng Hà")
    driver.next()

    # 6. The parents' marriage certificate is optional: the page lets them pass.
    assert driver.section_id() == "giay_ket_hon"
    driver.next()

    # 7. Copies: the count appears once copies are wanted.
    assert driver.section_id() == "ban_sao"
    copies = driver.text_input("copies_count")
    assert not copies.isVisible()
    want = driver.question_as("want_copies", ChoiceInput)
    driver.tap(want.buttons[True])
    assert copies.isVisible()
    assert copies.edit.text() == "1"
    driver.focus(copies.edit)
    copies.edit.selectAll()
    driver.type_keys("2")
    driver.next()

    # 8. Review, then submit.
    assert screen.stack.currentWidget() is screen.review
    shown = driver.shown_texts(screen.review)
    for expected in (
        "Nguyễn Minh Khôi",
        "01/03/2025",
        "Nam",
        "Bệnh viện Phụ sản Hà Nội, Phường Ba Đình, Thành phố Hà Nội",
        "Trần Thị Lan",
        telex("Xax DDoong Hwng, tinhr Hwng Yeen"),
        "2",
    ):
        assert expected in shown, expected
    driver.tap(screen.submit_button)

    assert screen.stack.currentWidget() is screen.done
    reference = screen.done.reference.text()
    assert reference.startswith("TK-")
    assert screen.done.status.text() == "Phiếu tờ khai đã được in, vui lòng nhận ở khe máy in."
    assert not screen.done.reprint_button.isVisible()

    # The declaration and its outbox entry, in one database.
    with services.db.transaction() as session:
        declaration = session.scalars(
            select(Declaration).where(Declaration.reference == reference)
        ).one()
        assert declaration.form_id == "khai-sinh"
        assert declaration.procedure_code == "1.001193"
        assert declaration.answers["child_name"] == "Nguyễn Minh Khôi"
        assert declaration.answers["requester_id"] == "001099012345"
        assert declaration.answers["copies_count"] == 2
        outbox = session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == declaration.id)
        ).one()
        assert outbox.entity_type == "dossier"

    # The receipt, byte for byte as the printer got it.
    jobs = sorted(printer.glob("*.bin"))
    assert len(jobs) == 1
    expected_job = services.printing.job(services.declarations.receipt(reference))
    assert jobs[0].read_bytes() == expected_job.data

    # The A4 tờ khai, names with their diacritics.
    pdf = PdfReader(io.BytesIO(services.declarations.pdf(reference)))
    text = plain("\n".join(page.extract_text() for page in pdf.pages))
    for name in ("Nguyễn Minh Khôi", "Trần Thị Lan", "Nguyễn Văn An"):
        assert plain(name) in text, name

    # Then a queue ticket for the procedure's counter, carrying the reference.
    driver.tap(screen.ticket_button)
    assert window.current_screen() == "queue"
    assert window.visit.declaration is not None
    assert window.visit.declaration.reference == reference
    queue_code = services.catalog.procedure("1.001193").queue_service
    assert window.visit.queue_service == queue_code
    choose = window.screens["queue"]
    assert isinstance(choose, ChooseScreen)
    assert choose.chosen is not None
    assert choose.chosen.code == queue_code
