"""A refused token stops sync until IT enrols the kiosk again; staff see why."""

from __future__ import annotations

from kiosk.services import KioskServices
from kiosk.sync.errors import NeedsEnrolmentError, NoServerError
from tests.conftest import MemoryKeyring
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import add_declaration, outbox_rows


def test_a_revoked_device_stops_and_reports_needs_enrolment(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    add_declaration(enrolled, 1)
    enrolment = enrolled.sync.enrolment()
    assert enrolment is not None
    double.revoked.add(enrolment.device_id)

    report = enrolled.sync.sync_once()

    assert report.outcome == "needs_enrolment"
    assert report.error == NeedsEnrolmentError.message
    # Stopped at the first refusal: nothing else was tried, nothing marked.
    assert [r.path for r in double.requests] == ["/v1/devices/enrol", "/v1/catalog/changes"]
    (row,) = outbox_rows(enrolled)
    assert (row.acknowledged_at, row.attempts) == (None, 0)
    status = enrolled.sync.status()
    assert status.needs_enrolment
    assert status.enrolled
    assert status.pending == 1
    assert status.last_error == NeedsEnrolmentError.message

    enrolled.sync.enrol(double.add_code())
    assert not enrolled.sync.status().needs_enrolment
    assert enrolled.sync.sync_once().outcome == "ok"
    assert outbox_rows(enrolled)[0].acknowledged_at is not None


def test_a_token_missing_from_the_keyring_needs_enrolment_without_asking(
    enrolled: KioskServices, double: ProtocolDouble, memory_keyring: MemoryKeyring
) -> None:
    memory_keyring.secrets.clear()
    before = len(double.requests)
    report = enrolled.sync.sync_once()
    assert (report.outcome, report.online) == ("needs_enrolment", False)
    assert len(double.requests) == before


def test_a_configured_kiosk_never_enrolled_needs_enrolment(kiosk: KioskServices) -> None:
    report = kiosk.sync.sync_once()
    assert report.outcome == "needs_enrolment"
    assert kiosk.sync.status().needs_enrolment


def test_a_kiosk_without_a_server_is_offline_only_and_still_purges(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    kiosk = make_kiosk(server_url=None)
    report = kiosk.sync.sync_once()
    assert report.outcome == "not_configured"
    assert report.error == NoServerError.message
    assert not kiosk.sync.probe()
    assert double.requests == []
    status = kiosk.sync.status()
    assert (status.enrolled, status.server_url, status.needs_enrolment) == (False, None, False)
