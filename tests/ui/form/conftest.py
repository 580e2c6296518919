"""Fixtures for the form journey's tests (the driver itself is in ``form_driver``)."""

from __future__ import annotations

import msgspec
import pytest

from kiosk.services import KioskServices
from tests.ui.form.form_driver import SMALL_FORM
from wire.form_files import decode_form
from wire.forms import FormDefinition


@pytest.fixture
def small_form(services: KioskServices) -> FormDefinition:
    """:data:`SMALL_FORM`, published into the kiosk's database as the server would."""
    form = decode_form(msgspec.json.encode(SMALL_FORM))
    with services.db.transaction() as session:
        services.forms.publish_in(session, form)
    return form
