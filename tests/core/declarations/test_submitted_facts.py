"""One call behind "Lưu tờ khai": it checks, stores and returns all the done page and slip need."""

from __future__ import annotations

import pytest

from kiosk.changes import Changes
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.declarations import DeclarationIncompleteError, DeclarationService
from kiosk.services import KioskServices
from tests.conftest import FIXED_NOW
from tests.consent import AGREED
from tests.core.declarations.conftest import count
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form


def test_submit_returns_the_reference_title_procedure_and_its_queue(
    services: KioskServices, declarations: DeclarationService
) -> None:
    form = sample_form()
    submitted = declarations.submit(form, PROCEDURE_CODE, sample_answers(), consent=AGREED)

    procedure = services.catalog.procedure(PROCEDURE_CODE)
    assert submitted.reference == "TK-1-250310-0001"
    with services.db.transaction() as session:
        stored = session.get(Declaration, submitted.id)
        assert stored is not None
        assert stored.reference == submitted.reference
    assert submitted.form_title == form.title
    assert submitted.form_title.vi == "Tờ khai đăng ký khai sinh"
    assert submitted.procedure_code == PROCEDURE_CODE
    assert submitted.procedure_name == procedure.name == "Thủ tục đăng ký khai sinh"
    assert submitted.queue_service == procedure.queue_service == "A"
    assert submitted.submitted_at == FIXED_NOW


def test_a_procedure_the_catalogue_no_longer_lists_is_filed_without_name_or_queue(
    services: KioskServices, declarations: DeclarationService
) -> None:
    submitted = declarations.submit(sample_form(), "1.999999", sample_answers(), consent=AGREED)

    assert (submitted.procedure_name, submitted.queue_service) == (None, None)
    assert submitted.form_title == sample_form().title
    assert count(services.db, Declaration) == 1


def test_a_refusal_names_the_answers_to_fix_writes_and_announces_nothing(
    services: KioskServices, declarations: DeclarationService
) -> None:
    heard: list[Changes] = []
    services.changes.subscribe(heard.append)
    answers = sample_answers()
    del answers["child_name"]

    with pytest.raises(DeclarationIncompleteError) as raised:
        declarations.submit(sample_form(), PROCEDURE_CODE, answers, consent=AGREED)

    assert set(raised.value.problems) == {"child_name"}
    assert heard == []
    assert count(services.db, Declaration) == count(services.db, OutboxEntry) == 0
