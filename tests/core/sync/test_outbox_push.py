"""Pushing the outbox: in order, acknowledged only on the server's word, never duplicated."""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import format_datetime

import pytest

from kiosk.services import KioskServices
from kiosk.sync.backoff import Backoff
from kiosk.sync.errors import ServerBusyError, ServerUnreachableError
from tests.core.conftest import FakeClock
from tests.core.sync.conftest import HighestRandom, MakeKiosk, with_backoff
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import ANSWERS, add_account, add_declaration, declaration, outbox_rows


def _issue_tickets(kiosk: KioskServices, *codes: str) -> None:
    for code in codes:
        kiosk.tickets.issue(code)


def test_entries_reach_the_server_in_order_and_are_acknowledged(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    _issue_tickets(enrolled, "A", "B")
    first = enrolled.tickets.services()  # reading changes nothing
    assert first
    ticket = enrolled.tickets.issue("A")
    enrolled.tickets.void(enrolled.staff.grant_for_command_line(), ticket.id, "in nhầm")
    declaration_id = add_declaration(enrolled, 1)
    account_id = add_account(enrolled)
    clock.advance(timedelta(minutes=1))

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok", report.error
    rows = outbox_rows(enrolled)
    assert [item.sequence for item in double.received] == [row.sequence for row in rows]
    assert [(i.entity_type, i.operation) for i in double.received] == [
        ("ticket", "create"),
        ("ticket", "create"),
        ("ticket", "create"),
        ("ticket", "update"),
        ("dossier", "create"),
        ("account", "create"),
    ]
    assert all(row.acknowledged_at == clock.now for row in rows)
    assert all(row.rejected_at is None and row.attempts == 1 for row in rows)
    assert (report.push.sent, report.push.accepted, report.pending) == (6, 6, 0)
    received = declaration(enrolled, declaration_id)
    assert (received.status, received.acknowledged_at) == ("received", clock.now)
    assert received.answers == ANSWERS  # kept until the retention has passed
    status = enrolled.sync.status()
    assert (status.pending, status.rejected, status.last_success_at) == (0, 0, clock.now)
    assert account_id in {item.entity_id for item in double.received}
    # Nothing left: the next pass sends no upload at all.
    enrolled.sync.sync_once()
    assert len(double.requests_to("/v1/outbox")) == 1


def test_batches_follow_the_configured_size_one_after_the_other(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    kiosk = make_kiosk(sync_batch_size=2)
    kiosk.sync.enrol(double.add_code())
    for sequence in range(1, 6):
        add_declaration(kiosk, sequence)

    report = kiosk.sync.sync_once()

    assert report.outcome == "ok"
    assert double.batches == [[1, 2], [3, 4], [5]]
    assert report.push.sent == 5


def test_a_lost_answer_is_retried_and_the_server_keeps_one_copy(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    ids = [add_declaration(enrolled, n) for n in (1, 2, 3)]
    double.script("POST", "/v1/outbox", lose=True)

    lost = enrolled.sync.sync_once()

    assert lost.outcome == "retry"
    assert lost.error == ServerUnreachableError.message
    assert len(double.stored) == 3  # the server did store them; the kiosk cannot know
    for row in outbox_rows(enrolled):
        assert row.acknowledged_at is None
        assert row.attempts == 1
        assert row.next_attempt_at is not None
        assert clock.now <= row.next_attempt_at <= clock.now + timedelta(seconds=2)
        assert row.last_error == ServerUnreachableError.message.render()
    assert declaration(enrolled, ids[0]).status == "submitted"

    again = enrolled.sync.sync_once()

    assert again.outcome == "ok"
    assert (again.push.duplicates, again.push.accepted) == (3, 0)
    assert [item.sequence for item in double.received] == [1, 2, 3, 1, 2, 3]
    assert len(double.stored) == 3
    assert all(row.acknowledged_at is not None for row in outbox_rows(enrolled))
    assert all(declaration(enrolled, i).status == "received" for i in ids)


def test_a_rejected_entry_is_kept_for_staff_and_does_not_block_the_rest(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    for sequence in (1, 2, 3):
        add_declaration(enrolled, sequence)
    middle = outbox_rows(enrolled)[1]
    double.refuse_entries[middle.entry_id] = "procedure 1.001193 is not offered here"

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert (report.push.accepted, report.push.rejected, report.pending) == (2, 1, 0)
    first, refused, last = outbox_rows(enrolled)
    assert first.acknowledged_at is not None
    assert last.acknowledged_at is not None
    assert refused.acknowledged_at is None
    assert refused.rejected_at == clock.now
    assert refused.last_error == "procedure 1.001193 is not offered here"
    assert enrolled.sync.status().rejected == 1
    # Never sent again.
    add_declaration(enrolled, 4)
    enrolled.sync.sync_once()
    assert [item.sequence for item in double.received] == [1, 2, 3, 4]


def test_an_entry_the_protocol_refuses_is_stopped_on_the_kiosk_not_sent(
    enrolled: KioskServices, double: ProtocolDouble, caplog: pytest.LogCaptureFixture
) -> None:
    add_declaration(enrolled, 1)
    add_declaration(enrolled, 2, reference="not a reference")
    add_declaration(enrolled, 3)

    with caplog.at_level(logging.DEBUG):
        report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert [item.sequence for item in double.received] == [1, 3]
    bad = outbox_rows(enrolled)[1]
    assert bad.rejected_at is not None
    assert bad.last_error is not None
    assert "$.reference" in bad.last_error
    assert "not a reference" not in bad.last_error
    assert "not a reference" not in caplog.text
    for value in ANSWERS.values():
        assert value not in caplog.text


def test_a_batch_refused_whole_changes_nothing_and_waits(
    enrolled: KioskServices, double: ProtocolDouble, caplog: pytest.LogCaptureFixture
) -> None:
    add_declaration(enrolled, 1)
    double.script("POST", "/v1/outbox", 400)

    with caplog.at_level(logging.INFO, logger="kiosk.sync"):
        report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    (row,) = outbox_rows(enrolled)
    assert (row.acknowledged_at, row.rejected_at, row.attempts) == (None, None, 1)
    assert row.next_attempt_at is not None
    assert "bad_request" in caplog.text
    assert ANSWERS["full_name"] not in caplog.text
    assert enrolled.sync.sync_once().outcome == "ok"
    assert outbox_rows(enrolled)[0].acknowledged_at is not None


def test_a_server_error_backs_off_and_a_timed_pass_waits_for_it(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    with_backoff(enrolled, Backoff(base_s=2.0, cap_s=300.0, rng=HighestRandom()))
    add_declaration(enrolled, 1)
    double.script("POST", "/v1/outbox", 500, times=2)

    failed = enrolled.sync.sync_once()

    assert (failed.outcome, failed.online) == ("retry", True)
    (row,) = outbox_rows(enrolled)
    assert row.next_attempt_at == clock.now + timedelta(seconds=2)
    assert failed.retry_at == row.next_attempt_at
    # A timed pass before then leaves the outbox alone; a second failure waits longer.
    deferred = enrolled.sync.sync_once(force=False)
    assert deferred.push.deferred
    assert len(double.requests_to("/v1/outbox")) == 1
    clock.advance(timedelta(seconds=2))
    assert enrolled.sync.sync_once(force=False).outcome == "retry"
    (row,) = outbox_rows(enrolled)
    assert (row.attempts, row.next_attempt_at) == (2, clock.now + timedelta(seconds=4))
    clock.advance(timedelta(seconds=4))
    assert enrolled.sync.sync_once(force=False).outcome == "ok"
    assert len(double.requests_to("/v1/outbox")) == 3


@pytest.mark.parametrize("status", [503, 429])
def test_retry_after_is_honoured(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock, status: int
) -> None:
    add_declaration(enrolled, 1)
    add_declaration(enrolled, 2)
    double.script("POST", "/v1/outbox", status, headers={"Retry-After": "120"})

    busy = enrolled.sync.sync_once()

    assert busy.outcome == "retry"
    assert busy.retry_at == clock.now + timedelta(seconds=120)
    assert busy.error == ServerBusyError(120).message
    assert {row.next_attempt_at for row in outbox_rows(enrolled)} == {
        clock.now + timedelta(seconds=120)
    }
    clock.advance(timedelta(seconds=119))
    assert enrolled.sync.sync_once(force=False).push.deferred
    assert len(double.requests_to("/v1/outbox")) == 1
    clock.advance(timedelta(seconds=2))
    assert enrolled.sync.sync_once(force=False).outcome == "ok"
    assert len(double.stored) == 2


def test_retry_after_as_an_http_date(
    enrolled: KioskServices, double: ProtocolDouble, clock: FakeClock
) -> None:
    add_declaration(enrolled, 1)
    when = clock.now + timedelta(minutes=5)
    double.script("POST", "/v1/outbox", 503, headers={"Retry-After": format_datetime(when, True)})
    assert enrolled.sync.sync_once().retry_at == when


def test_a_batch_too_large_for_the_server_is_split(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    for sequence in range(1, 5):
        add_declaration(enrolled, sequence)
    double.script("POST", "/v1/outbox", 413)

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert double.batches == [[1, 2], [3, 4]]
    assert all(row.acknowledged_at is not None for row in outbox_rows(enrolled))


def test_a_garbled_answer_marks_nothing(enrolled: KioskServices, double: ProtocolDouble) -> None:
    add_declaration(enrolled, 1)
    double.script("POST", "/v1/outbox", 200, body=b'{"results": [{"id": "x"}]}')

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    (row,) = outbox_rows(enrolled)
    assert (row.acknowledged_at, row.rejected_at) == (None, None)
    assert "OutboxResult" in (report.error.render() if report.error else "")


def test_an_unreachable_server_leaves_everything_pending(
    make_kiosk: MakeKiosk, double: ProtocolDouble, closed_port: int
) -> None:
    kiosk = make_kiosk(server_url=None)
    kiosk.sync.enrol(double.add_code(), server_url=double.url)
    add_declaration(kiosk, 1)
    with kiosk.db.transaction() as session:
        from kiosk.sync import state

        state.put(session, state.SERVER_URL, f"http://127.0.0.1:{closed_port}")

    report = kiosk.sync.sync_once()

    assert (report.outcome, report.online) == ("retry", False)
    assert report.error == ServerUnreachableError.message
    assert report.pending == 1
    status = kiosk.sync.status()
    assert status.last_error == ServerUnreachableError.message
    assert status.last_success_at is None


def test_a_declarations_status_is_asked_of_the_server(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    add_declaration(enrolled, 1)
    assert enrolled.sync.declaration_status("HS-1-250310-0001") is None
    enrolled.sync.sync_once()
    status = enrolled.sync.declaration_status("HS-1-250310-0001")
    assert status is not None
    assert (status.reference, status.state) == ("HS-1-250310-0001", "received")
    assert enrolled.sync.declaration_status("HS-1-250310-0002") is None
