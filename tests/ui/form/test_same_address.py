""" "Giống địa chỉ của người đi khai": one tap gives a parent the address the person
registering gave; the address shows in words, follows a correction, and can still
be changed by hand. The answer is always the address itself."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from kiosk.forms.samples import sample_answers
from kiosk.services import KioskServices
from tests.ui.form.form_driver import FormDriver
from ui.counted_journey import CountingHands
from ui.screens.form.inputs import AddressInput, GroupInput
from ui.screens.form.screen import FormScreen
from wire.answers import Answers
from wire.form_files import decode_form

SAME = "Giống địa chỉ của người đi khai"
HOME_TEXT = "Số 5, ngõ 3 phố Chương Dương, Phường Hồng Hà, Thành phố Hà Nội"


def open_at(driver: FormDriver, section_id: str, *, leave_out: tuple[str, ...]) -> FormScreen:
    """khai-sinh with the sample's other answers, walked to ``section_id`` by "Tiếp tục"."""
    screen = driver.open("khai-sinh")
    answers = sample_answers("khai-sinh")
    for field_id in leave_out:
        answers.pop(field_id)
    screen.fill(answers)
    while driver.section_id() != section_id:
        driver.next()
    return screen


def answers_of(screen: FormScreen) -> Answers:
    assert screen.draft is not None
    return screen.draft.answers


def address(driver: FormDriver, field_id: str) -> AddressInput:
    return driver.question_as(field_id, AddressInput)


def test_one_tap_gives_the_mother_the_address_of_the_person_registering(
    driver: FormDriver,
) -> None:
    screen = open_at(driver, "me", leave_out=("mother_residence", "father_residence"))
    mother = address(driver, "mother_residence")
    assert mother.same_button is not None
    assert mother.same_text is not None
    assert mother.same_button.isVisible()
    assert mother.same_button.text() == SAME
    assert mother.detail.isVisible()

    driver.tap(mother.same_button)

    # The inputs step aside for the address itself, in words.
    assert mother.linked
    assert mother.same_button.isChecked()
    assert not mother.detail.isVisible()
    assert not mother.province.isVisible()
    assert not mother.ward.isVisible()
    assert mother.same_text.isVisible()
    assert HOME_TEXT in mother.same_text.text()
    requester = answers_of(screen)["requester_residence"]
    assert answers_of(screen)["mother_residence"] == requester

    # The father too; the review and the paper read the address, not "the same as".
    driver.next()
    assert driver.section_id() == "cha"
    driver.tap(address(driver, "father_residence").same_button)  # type: ignore[arg-type]
    driver.to_review()
    shown = driver.shown_texts(screen.review)
    assert shown.count(HOME_TEXT) == 3
    assert not any(SAME in text for text in shown)


def test_without_an_address_to_copy_there_is_no_button(driver: FormDriver) -> None:
    # The person registering gave their số định danh: their address is not needed.
    open_at(
        driver,
        "me",
        leave_out=("requester_residence", "mother_residence", "father_residence"),
    )
    mother = address(driver, "mother_residence")
    assert mother.same_button is not None
    assert not mother.same_button.isVisible()
    assert mother.detail.isVisible()


def test_the_copy_follows_a_corrected_address(driver: FormDriver) -> None:
    screen = open_at(driver, "me", leave_out=("mother_residence", "father_residence"))
    mother = address(driver, "mother_residence")
    driver.tap(mother.same_button)  # type: ignore[arg-type]

    # Back to the first page: the house number was wrong.
    while driver.section_id() != "nguoi_yeu_cau":
        driver.back()
    requester = address(driver, "requester_residence")
    driver.focus(requester.detail)
    requester.detail.selectAll()
    driver.type_keys("Soos 7, ngox 3 phoos Chuwowng Duwowng")
    assert requester.detail.text() == "Số 7, ngõ 3 phố Chương Dương"
    moved = answers_of(screen)["requester_residence"]
    assert answers_of(screen)["mother_residence"] == moved

    while driver.section_id() != "me":
        driver.next()
    assert mother.linked
    assert mother.same_text is not None
    assert "Số 7, ngõ 3 phố Chương Dương" in mother.same_text.text()


def test_a_second_tap_gives_the_inputs_back_to_change_what_differs(driver: FormDriver) -> None:
    screen = open_at(driver, "me", leave_out=("mother_residence", "father_residence"))
    mother = address(driver, "mother_residence")
    assert mother.same_button is not None
    driver.tap(mother.same_button)
    driver.tap(mother.same_button)

    assert not mother.linked
    assert not mother.same_button.isChecked()
    assert mother.detail.isVisible()
    assert mother.detail.text() == "Số 5, ngõ 3 phố Chương Dương"  # the copy, to change
    assert (mother.province.code, mother.ward.code) == ("01", "00097")
    driver.focus(mother.detail)
    mother.detail.selectAll()
    driver.type_keys("Soos 9 phoos Hangf Bacj")
    answer = answers_of(screen)["mother_residence"]
    assert answer["detail"] == "Số 9 phố Hàng Bạc"
    assert answer["ward_code"] == "00097"

    # Her own address is hers: a later change to the first page's leaves it.
    while driver.section_id() != "nguoi_yeu_cau":
        driver.back()
    requester = address(driver, "requester_residence")
    driver.focus(requester.detail)
    requester.detail.selectAll()
    driver.type_keys("Soos 7")
    assert answers_of(screen)["mother_residence"]["detail"] == "Số 9 phố Hàng Bạc"


# A household form whose members give a home and a contact address, the second
# offered as the same as the first: the copy lives on the same page as its source.
MEMBERS_FORM: dict[str, Any] = {
    "format_version": 3,
    "id": "thu-dia-chi",
    "version": 1,
    "title": {"vi": "Tờ khai thử địa chỉ", "en": "Address trial form"},
    "template": "Mẫu thử nghiệm của kiosk",
    "procedures": ["1.001193"],
    "sections": [
        {
            "id": "thanh_vien",
            "title": {"vi": "Thành viên", "en": "Members"},
            "fields": [
                {
                    "id": "members",
                    "kind": "group",
                    "label": {"vi": "Thành viên", "en": "Members"},
                    "min_items": 1,
                    "max_items": 2,
                    "fields": [
                        {
                            "id": "home",
                            "kind": "address",
                            "label": {"vi": "Nơi ở", "en": "Home"},
                        },
                        {
                            "id": "contact",
                            "kind": "address",
                            "label": {"vi": "Địa chỉ liên lạc", "en": "Contact address"},
                            "same_as": {
                                "field": "home",
                                "label": {"vi": "Giống nơi ở", "en": "Same address as home"},
                            },
                        },
                    ],
                }
            ],
        }
    ],
    "layout": [
        {
            "type": "repeat",
            "field": "members",
            "lines": [{"type": "line", "cells": ["{home}", "{contact}"]}],
        }
    ],
}


@pytest.fixture
def members_form(services: KioskServices) -> None:
    form = decode_form(msgspec.json.encode(MEMBERS_FORM))
    with services.db.transaction() as session:
        services.forms.publish_in(session, form)


@pytest.mark.usefixtures("members_form")
def test_an_item_copies_an_address_given_above_it_and_keeps_it_up_to_date(
    driver: FormDriver,
) -> None:
    driver.open("thu-dia-chi")
    hands = CountingHands(driver.window)  # waits for the lists' held taps
    group = driver.question_as("members", GroupInput)
    item = group.items[0]
    home = item.inputs["home"]
    contact = item.inputs["contact"]
    assert isinstance(home, AddressInput)
    assert isinstance(contact, AddressInput)
    assert contact.same_button is not None
    assert not contact.same_button.isVisible()  # nothing to copy yet

    hands.replace_text(home.detail, "Số 5")
    hands.pick(home.province, "01", "Thành phố Hà Nội")
    hands.pick(home.ward, "00097", "Phường Hồng Hà")
    assert contact.same_button.isVisible()
    hands.tap(contact.same_button)
    assert contact.linked
    assert item.answers["contact"] == item.answers["home"]

    hands.replace_text(home.detail, "Số 8")
    assert item.answers["contact"]["detail"] == "Số 8"
    assert contact.same_text is not None
    assert "Số 8, Phường Hồng Hà, Thành phố Hà Nội" in contact.same_text.text()
