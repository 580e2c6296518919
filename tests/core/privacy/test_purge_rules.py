"""Personal data leaves on time: from submission with no server, from the acknowledgement
with one, and from the refusal for an upload staff never resolve."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from kiosk.audit.wording import describe, describe_actor
from kiosk.db.models import Declaration, OutboxEntry
from kiosk.errors import StaffAccessError
from kiosk.services import KioskServices
from tests.core.conftest import FakeClock
from tests.core.privacy.conftest import MakeKiosk, submit_planted
from tests.core.privacy.planted import NAME

#: A server nobody answers at: the kiosk has one, but nothing is ever acknowledged.
SILENT_SERVER = "http://127.0.0.1:9"


def declaration_row(kiosk: KioskServices, reference: str) -> Declaration:
    with kiosk.db.transaction() as session:
        found = session.scalar(select(Declaration).where(Declaration.reference == reference))
        assert found is not None
        return found


def entries(kiosk: KioskServices) -> list[OutboxEntry]:
    with kiosk.db.transaction() as session:
        return list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.sequence)))


def wal_size(kiosk: KioskServices) -> int:
    wal = kiosk.db.path.with_name(kiosk.db.path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_with_no_server_the_data_leaves_retention_days_after_submission(
    kiosk: KioskServices, clock: FakeClock
) -> None:
    submitted = submit_planted(kiosk)
    submitted_at = clock.now

    clock.advance(timedelta(days=7) - timedelta(seconds=1))
    assert kiosk.privacy.purge_due().declarations == 0
    assert declaration_row(kiosk, submitted.reference).answers["full_name"] == NAME

    clock.advance(timedelta(seconds=1))
    purged = kiosk.privacy.purge_due()

    assert (purged.declarations, purged.outbox_entries) == (1, 1)
    row = declaration_row(kiosk, submitted.reference)
    assert row.answers == {}
    assert row.purged_at == submitted_at + timedelta(days=7)
    # The reference, procedure and form stay: staff can still say what it was.
    assert (row.reference, row.form_id) == (submitted.reference, "ly-lich-tu-phap")
    # Never to be sent: no server will ever take it.
    assert [entry.entity_type for entry in entries(kiosk)] == []
    assert wal_size(kiosk) == 0
    newest = kiosk.audit.recent(1)[0]
    assert (newest.actor, newest.action) == ("kiosk", "privacy.purge")
    assert (newest.detail["declarations"], newest.detail["retention_days"]) == (1, 7)
    assert describe_actor(newest.actor).render() == "Kiosk (tự động)"
    assert kiosk.privacy.purge_due().declarations == 0
    assert kiosk.audit.recent(1)[0].at == newest.at  # nothing purged, nothing recorded


def test_with_a_server_what_it_has_not_acknowledged_is_kept(
    make_kiosk: MakeKiosk, clock: FakeClock
) -> None:
    kiosk = make_kiosk(server_url=SILENT_SERVER)
    submitted = submit_planted(kiosk)
    clock.advance(timedelta(days=365))

    assert kiosk.privacy.purge_due().declarations == 0

    assert declaration_row(kiosk, submitted.reference).answers["full_name"] == NAME
    report = kiosk.privacy.report(kiosk.staff.grant_for_command_line())
    assert (report.standalone, report.waiting_for_server, report.schedule) == (False, 1, ())


def refuse_everything(kiosk: KioskServices, clock: FakeClock) -> None:
    """The server refused every entry, as a sync pass records it."""
    with kiosk.db.transaction() as session:
        session.execute(
            update(OutboxEntry).values(rejected_at=clock.now, last_error="refused", attempts=1)
        )


def test_a_refused_upload_nobody_resolves_is_discarded_after_the_limit(
    make_kiosk: MakeKiosk, clock: FakeClock
) -> None:
    kiosk = make_kiosk(server_url=SILENT_SERVER, refused_retention_days=30)
    submitted = submit_planted(kiosk)
    refuse_everything(kiosk, clock)

    clock.advance(timedelta(days=30) - timedelta(seconds=1))
    assert kiosk.privacy.purge_due().refused_discarded == 0
    assert declaration_row(kiosk, submitted.reference).answers["full_name"] == NAME

    clock.advance(timedelta(seconds=1))
    purged = kiosk.privacy.purge_due()

    assert purged.refused_discarded == 1
    assert declaration_row(kiosk, submitted.reference).answers == {}
    (entry,) = entries(kiosk)
    assert entry.discarded_at == clock.now
    assert "answers" not in entry.payload
    assert entry.payload["reference"] == submitted.reference
    expired = next(e for e in kiosk.audit.recent(5) if e.action == "outbox.expire")
    assert expired.actor == "kiosk"
    assert dict(expired.detail) == {
        "entry": entry.sequence,
        "entity": "dossier",
        "subject": submitted.reference,
        "days": 30,
    }
    assert describe(expired).render() == (
        f"Tờ khai {submitted.reference} bị máy chủ từ chối, quá 30 ngày chưa xử lý: "
        "bỏ gửi và xóa dữ liệu cá nhân"
    )
    # Staff find nothing left to decide.
    assert kiosk.refused.entries(kiosk.staff.grant_for_command_line()) == []


def test_it_purges_now_with_a_shorter_retention_and_is_audited(kiosk: KioskServices) -> None:
    submitted = submit_planted(kiosk)
    grant = kiosk.staff.grant_for_command_line()

    purged = kiosk.privacy.purge_now(grant, older_than_days=0)

    assert purged.declarations == 1
    assert declaration_row(kiosk, submitted.reference).answers == {}
    newest = kiosk.audit.recent(1)[0]
    assert (newest.actor, newest.action, newest.detail["retention_days"]) == (
        "it",
        "privacy.purge",
        0,
    )
    assert describe(newest).render() == (
        "Xóa dữ liệu cá nhân quá 0 ngày: 1 tờ khai, 0 tài khoản, 0 mục bị từ chối"
    )
    # Asked again with nothing due: still recorded, since a person asked.
    assert kiosk.privacy.purge_now(grant).declarations == 0
    assert [e.action for e in kiosk.audit.recent(2)] == ["privacy.purge", "privacy.purge"]


def test_purging_now_needs_staff_and_a_sane_number_of_days(kiosk: KioskServices) -> None:
    submitted = submit_planted(kiosk)
    with pytest.raises(StaffAccessError):
        kiosk.privacy.purge_now(None, older_than_days=0)
    with pytest.raises(ValueError, match="negative"):
        kiosk.privacy.purge_now(kiosk.staff.grant_for_command_line(), older_than_days=-1)
    assert declaration_row(kiosk, submitted.reference).answers["full_name"] == NAME


def test_the_sync_pass_purges_through_the_same_call(
    make_kiosk: MakeKiosk, clock: FakeClock
) -> None:
    kiosk = make_kiosk()  # no server: the pass ends at once, and purges
    submitted = submit_planted(kiosk)
    clock.advance(timedelta(days=7))

    report = kiosk.sync.sync_once()

    assert report.outcome == "not_configured"
    assert report.purge.declarations == 1
    assert declaration_row(kiosk, submitted.reference).answers == {}


def test_the_report_says_what_goes_when_and_what_to_print_first(
    kiosk: KioskServices, clock: FakeClock
) -> None:
    first = submit_planted(kiosk)
    clock.advance(timedelta(days=2))
    submit_planted(kiosk)
    clock.advance(timedelta(days=4, hours=12))
    grant = kiosk.staff.grant_for_command_line()

    report = kiosk.privacy.report(grant)

    assert report.standalone
    assert (report.declarations.count, report.declarations.oldest_at) == (
        2,
        clock.now - timedelta(days=6, hours=12),
    )
    assert report.outbox_entries.count == 2
    assert report.accounts.count == 0
    # Local days (UTC+7) when each goes: 17 and 19 March 2025.
    assert [(due.day.isoformat(), due.declarations) for due in report.schedule] == [
        ("2025-03-17", 1),
        ("2025-03-19", 1),
    ]
    # Only this kiosk has it, and it goes within a day: staff print it first if needed.
    assert report.due_soon == (first.reference,)
    as_json = report.as_json()
    assert as_json["declarations"] == {
        "count": 2,
        "oldest_at": (clock.now - timedelta(days=6, hours=12)).isoformat(),
        "oldest_age_days": 6.5,
    }
    assert NAME not in str(as_json)
