"""The kiosk's sync client against the real centre server on loopback, over a real SQLite file.

The server runs in a thread under uvicorn exactly as ``python -m server`` serves it; the
centre's admin steps (create a centre, an enrolment code, publish a catalogue and a
form, revoke a device) are done in-process with the server's own functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import update

from kiosk.config import Settings
from kiosk.db.models import OutboxEntry
from kiosk.forms.library import bundled_forms
from kiosk.forms.samples import sample_answers
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.centre_server import CentreServer
from tests.core.conftest import FakeClock
from tests.core.sync.helpers import (
    NEW_NAME,
    add_account,
    add_declaration,
    centre_catalogue,
    declaration,
    outbox_rows,
)

#: Answers the server's published birth-registration form accepts: it checks them.
BIRTH_ANSWERS = sample_answers("khai-sinh")
#: ... in the version the server published (the bundled one).
BIRTH_VERSION = next(form.version for form in bundled_forms() if form.id == "khai-sinh")


@pytest.fixture
def make_kiosk(
    tmp_path: Path, clock: FakeClock, centre_server: CentreServer
) -> Iterator[Callable[..., KioskServices]]:
    opened: list[KioskServices] = []

    def make(**overrides: Any) -> KioskServices:
        # Each its own kiosk number, as the server requires of a centre's kiosks.
        values: dict[str, Any] = {"server_url": centre_server.url, "kiosk_number": len(opened) + 1}
        values.update(overrides)
        paths = prepare_data_dir(tmp_path / f"kiosk-{len(opened)}")
        services = KioskServices(Settings(**values), paths, clock=clock)
        services.open()
        opened.append(services)
        services.sync.enrol(centre_server.code())
        return services

    yield make
    for services in opened:
        services.close()


def test_enrol_push_pull_and_lease_against_the_real_server(
    make_kiosk: Callable[..., KioskServices], centre_server: CentreServer
) -> None:
    kiosk = make_kiosk()
    enrolment = kiosk.sync.enrolment()
    assert enrolment is not None
    assert enrolment.centre_id == centre_server.centre_id
    centre_server.publish_catalogue(centre_catalogue())
    form = bundled_forms()[0]
    centre_server.publish_form(msgspec.structs.replace(form, version=form.version + 1))
    kiosk.tickets.issue("A")
    declaration_id = add_declaration(kiosk, 1, answers=BIRTH_ANSWERS, form_version=BIRTH_VERSION)
    add_account(kiosk)

    report = kiosk.sync.sync_once()

    assert report.outcome == "ok", report.error
    assert report.catalogue_updated
    assert kiosk.catalog.version() == "centre-2025.3"
    assert kiosk.catalog.procedure("2.000999").name == NEW_NAME
    assert report.forms_published == 1
    assert kiosk.forms.get(form.id).version == form.version + 1
    assert (report.push.accepted, report.push.rejected, report.pending) == (3, 0, 0)
    assert declaration(kiosk, declaration_id).status == "received"
    received = centre_server.received(enrolment.device_id)
    assert [entry.sequence for entry in received] == [row.sequence for row in outbox_rows(kiosk)]
    assert {grant.service_code for grant in report.leases} == {"A", "B", "C"}
    status = kiosk.sync.declaration_status("HS-1-250310-0001")
    assert status is not None
    assert status.state == "received"
    assert kiosk.sync.declaration_status("HS-1-250310-0999") is None

    # Unchanged: the feed answers 304 and nothing is rewritten.
    again = kiosk.sync.sync_once()
    assert again.outcome == "ok"
    assert not again.catalogue_updated
    assert again.forms_published == 0


def test_a_lost_answer_is_a_duplicate_for_the_server(
    make_kiosk: Callable[..., KioskServices], centre_server: CentreServer
) -> None:
    kiosk = make_kiosk()
    for sequence in (1, 2):
        add_declaration(kiosk, sequence, answers=BIRTH_ANSWERS, form_version=BIRTH_VERSION)
    assert kiosk.sync.sync_once().push.accepted == 2
    # As if the answer had never arrived: the kiosk sends the same entries again.
    with kiosk.db.transaction() as session:
        session.execute(update(OutboxEntry).values(acknowledged_at=None))

    report = kiosk.sync.sync_once()

    assert (report.push.duplicates, report.push.accepted) == (2, 0)
    enrolment = kiosk.sync.enrolment()
    assert enrolment is not None
    assert len({entry.entry_id for entry in centre_server.received(enrolment.device_id)}) == 2


def test_two_kiosks_never_get_the_same_numbers(
    make_kiosk: Callable[..., KioskServices],
) -> None:
    first = make_kiosk(kiosk_number=1, kiosk_name="KIOSK-01")
    second = make_kiosk(kiosk_number=2, kiosk_name="KIOSK-02")
    one = first.sync.sync_once().leases
    two = second.sync.sync_once().leases
    for grant in one:
        (other,) = [g for g in two if g.service_code == grant.service_code]
        assert grant.last < other.first or other.last < grant.first
    assert first.tickets.issue("A").number != second.tickets.issue("A").number


def test_a_revoked_kiosk_needs_enrolment(
    make_kiosk: Callable[..., KioskServices], centre_server: CentreServer
) -> None:
    kiosk = make_kiosk()
    enrolment = kiosk.sync.enrolment()
    assert enrolment is not None
    centre_server.revoke(enrolment.device_id)

    report = kiosk.sync.sync_once()

    assert report.outcome == "needs_enrolment"
    assert kiosk.sync.status().needs_enrolment
    kiosk.sync.enrol(centre_server.code())
    assert kiosk.sync.sync_once().outcome == "ok"
