"""Purge: personal data leaves the kiosk once the server has had it for ``retention_days``."""

from __future__ import annotations

from datetime import timedelta

from kiosk.services import KioskServices
from tests.core.conftest import FakeClock
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import (
    ANSWERS,
    account,
    add_account,
    add_declaration,
    declaration,
    outbox_rows,
)


def test_acknowledged_data_is_purged_after_the_retention_only(
    make_kiosk: MakeKiosk, double: ProtocolDouble, clock: FakeClock
) -> None:
    kiosk = make_kiosk(retention_days=7)
    kiosk.sync.enrol(double.add_code())
    sent = add_declaration(kiosk, 1)
    person = add_account(kiosk)
    kiosk.sync.sync_once()
    acknowledged_at = clock.now
    clock.advance(timedelta(days=1))
    waiting = add_declaration(kiosk, 2)  # never acknowledged: never purged
    double.script("POST", "/v1/outbox", 503, times=3)

    clock.advance(timedelta(days=6) - timedelta(seconds=1))
    assert kiosk.sync.purge().declarations == 0
    assert declaration(kiosk, sent).answers == ANSWERS

    clock.advance(timedelta(seconds=1))
    report = kiosk.sync.sync_once()  # the purge runs at the end of every pass

    assert (report.purge.declarations, report.purge.accounts, report.purge.outbox_entries) == (
        1,
        1,
        2,
    )
    purged = declaration(kiosk, sent)
    assert purged.answers == {}
    assert purged.purged_at == clock.now
    assert (purged.reference, purged.procedure_code, purged.status) == (
        "HS-1-250310-0001",
        "1.001193",
        "received",
    )
    assert purged.acknowledged_at == acknowledged_at
    assert account(kiosk, person).data == {}
    assert account(kiosk, person).purged_at == clock.now
    assert declaration(kiosk, waiting).answers == ANSWERS
    assert [row.entity_id for row in outbox_rows(kiosk)] == [waiting]
    # Nothing personal is left in the database file but the unsent declaration's.
    assert kiosk.sync.purge().declarations == 0


def test_a_rejected_entry_keeps_its_data_for_staff(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    refused = add_declaration(enrolled, 1)
    double.refuse_entries[outbox_rows(enrolled)[0].entry_id] = "refused"
    enrolled.sync.sync_once()
    # Until refused_retention_days (30) have passed: tests/core/privacy has the rest.
    clock.advance(timedelta(days=30) - timedelta(seconds=1))
    assert enrolled.sync.purge().declarations == 0
    assert declaration(enrolled, refused).answers == ANSWERS
    assert len(outbox_rows(enrolled)) == 1


def test_zero_retention_purges_at_the_end_of_the_acknowledging_pass(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    kiosk = make_kiosk(retention_days=0)
    kiosk.sync.enrol(double.add_code())
    sent = add_declaration(kiosk, 1)
    report = kiosk.sync.sync_once()
    assert report.purge.declarations == 1
    assert declaration(kiosk, sent).answers == {}
