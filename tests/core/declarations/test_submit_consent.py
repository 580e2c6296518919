"""A declaration is saved only with the citizen's consent, which is stored and sent with it."""

from __future__ import annotations

import msgspec
import pytest
from sqlalchemy import select

from kiosk.config import Language, Settings
from kiosk.consent import (
    CONTACT_PHONE,
    NOTICE_VERSION,
    PREPARE_DECLARATION,
    ConsentRecord,
    ConsentRequiredError,
)
from kiosk.db.models import AuditRecord, Declaration, OutboxEntry
from kiosk.declarations import DeclarationService
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant
from tests.consent import AGREED, AGREED_AT, agreed
from tests.core.declarations.conftest import count
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form
from wire import protocol


def _nothing_written(services: KioskServices) -> bool:
    return all(count(services.db, model) == 0 for model in (Declaration, OutboxEntry, AuditRecord))


def test_without_consent_nothing_is_submitted_or_written(
    services: KioskServices, declarations: DeclarationService
) -> None:
    with pytest.raises(ConsentRequiredError) as raised:
        declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=None)
    assert raised.value.message.context == "Consent"  # a translated message for the citizen
    assert _nothing_written(services)


def test_consent_without_the_declaration_purpose_or_to_another_text_is_refused(
    services: KioskServices, declarations: DeclarationService
) -> None:
    only_contact = ConsentRecord(
        purposes=(CONTACT_PHONE,),
        agreed_at=AGREED_AT,
        notice_version=AGREED.notice_version,
        notice_sha256=AGREED.notice_sha256,
        language=Language.VIETNAMESE,
    )
    another_centre = agreed(Settings(centre_name="Trung tâm khác"))
    for consent in (only_contact, another_centre):
        with pytest.raises(ConsentRequiredError):
            declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=consent)
    assert _nothing_written(services)


def test_the_consent_is_stored_with_the_declaration_and_sent_in_its_payload(
    services: KioskServices, declarations: DeclarationService, grant: StaffGrant
) -> None:
    consent = agreed(
        language=Language.ENGLISH, purposes=frozenset({PREPARE_DECLARATION, CONTACT_PHONE})
    )
    submitted = declarations.submit(
        sample_form(), PROCEDURE_CODE, sample_answers(), consent=consent
    )
    with services.db.transaction() as session:
        stored = session.scalars(select(Declaration)).one().consent
        payload = session.scalars(select(OutboxEntry)).one().payload
    assert stored == consent.to_json()
    assert stored is not None
    assert stored["purposes"] == [PREPARE_DECLARATION, CONTACT_PHONE]
    assert stored["notice_version"] == NOTICE_VERSION
    assert stored["language"] == "en"
    assert payload["consent"] == stored
    sent = protocol.decode(msgspec.json.encode(payload), protocol.DossierCreate)
    assert sent.consent == consent.to_wire()
    assert declarations.lookup(grant, submitted.reference).consent == consent
