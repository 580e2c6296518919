"""A parent's "Năm sinh": "Chỉ biết năm" turns the date into four digits, and back."""

from __future__ import annotations

import msgspec
import pytest

from kiosk.services import KioskServices
from tests.ui.form.form_driver import FormDriver
from ui.screens.form.inputs import DateInput
from wire.form_files import decode_form

YEAR_FORM = {
    "id": "nam-sinh",
    "version": 1,
    "title": {"vi": "Tờ khai năm sinh", "en": "Year of birth form"},
    "template": "Mẫu thử nghiệm của kiosk",
    "procedures": ["1.001193"],
    "sections": [
        {
            "id": "me",
            "title": {"vi": "Người mẹ", "en": "The mother"},
            "fields": [
                {
                    "id": "mother_birth_date",
                    "kind": "date",
                    "label": {"vi": "Năm sinh của người mẹ", "en": "Mother's year of birth"},
                    "required": True,
                    "not_future": True,
                    "allow_year_only": True,
                },
                {
                    "id": "child_birth_date",
                    "kind": "date",
                    "label": {"vi": "Ngày sinh của cháu", "en": "The baby's date of birth"},
                },
            ],
        }
    ],
    "layout": [{"type": "line", "cells": ["Năm sinh: {mother_birth_date}"]}],
}


@pytest.fixture
def year_form(services: KioskServices) -> None:
    form = decode_form(msgspec.json.encode(YEAR_FORM))
    with services.db.transaction() as session:
        services.forms.publish_in(session, form)


def _draft(driver: FormDriver) -> dict[str, object]:
    draft = driver.screen.flow.draft
    assert draft is not None
    return dict(draft.answers)


@pytest.mark.usefixtures("year_form")
def test_only_the_year_is_typed_stored_and_kept(driver: FormDriver) -> None:
    driver.open("nam-sinh")
    born = driver.question_as("mother_birth_date", DateInput)
    assert born.year_only_button is not None
    assert born.year_only_button.text() == "Chỉ biết năm"
    child = driver.question_as("child_birth_date", DateInput)
    assert child.year_only_button is None  # a full date is asked there

    driver.tap(born.year_only_button)
    assert born.year_only
    assert born.edit.hasFocus()
    assert born.day.isHidden()  # the columns: the year alone
    driver.type_keys("1994")
    assert born.edit.text() == "1994"
    driver.focus(child.edit)
    assert not born.has_problem
    assert _draft(driver)["mother_birth_date"] == "1994"

    # Back to the whole date: the year typed stays out of the day's place.
    driver.tap(born.year_only_button)
    assert not born.year_only
    assert not born.day.isHidden()
    driver.focus(born.edit)
    driver.type_keys("12051994")
    assert born.edit.text() == "12/05/1994"
    driver.focus(child.edit)
    assert _draft(driver)["mother_birth_date"] == "1994-05-12"


@pytest.mark.usefixtures("year_form")
def test_a_stored_year_shows_in_year_mode_and_a_future_year_is_refused(
    driver: FormDriver,
) -> None:
    driver.open("nam-sinh")
    born = driver.question_as("mother_birth_date", DateInput)
    born.set_value("1962")
    assert born.year_only
    assert born.edit.text() == "1962"
    assert born.year.value.text() == "1962"
    assert born.value() == "1962"

    born.set_value(None)
    driver.focus(born.edit)
    born.edit.selectAll()
    driver.type_keys("2030")  # the kiosk's clock says 2025
    driver.focus(driver.question_as("child_birth_date", DateInput).edit)
    assert born.has_problem
    assert "chưa tới" in born.problem.text()

    born.wipe()
    assert not born.year_only
    assert born.text() == ""
