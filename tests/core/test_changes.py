"""Changes announced as data: once per committed transaction, never for a rollback."""

from __future__ import annotations

import logging
import threading
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from kiosk.changes import KINDS, ChangeFeed, Changes, mark_changed
from kiosk.db import Database
from kiosk.db.changes import TABLE_KINDS
from kiosk.db.models import Base, OutboxEntry, SyncState
from kiosk.db.outbox import add_outbox_entry
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.sample_form import PROCEDURE_CODE, sample_answers, sample_form

NOW = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)


def queue_entry(db: Database) -> None:
    with db.transaction() as session:
        add_outbox_entry(session, "dossier", uuid.uuid4(), "create", {}, now=NOW)


def test_a_commit_announces_what_it_wrote_once_after_the_commit(db: Database) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    with db.transaction() as session:
        add_outbox_entry(session, "dossier", uuid.uuid4(), "create", {}, now=NOW)
        session.flush()
        assert heard == []  # flushed, not committed: nothing said yet
    assert heard == [Changes(outbox=True)]


def test_a_listener_reads_the_committed_rows(db: Database) -> None:
    seen: list[int] = []

    def count_entries(changes: Changes) -> None:
        with db.transaction() as session:
            seen.append(len(session.scalars(select(OutboxEntry)).all()))

    db.changes.subscribe(count_entries)
    queue_entry(db)
    assert seen == [1]


def test_a_rollback_announces_nothing(db: Database) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)

    def write_then_fail() -> None:
        with db.transaction() as session:
            add_outbox_entry(session, "dossier", uuid.uuid4(), "create", {}, now=NOW)
            session.flush()
            raise RuntimeError("the citizen's answers were refused")

    with pytest.raises(RuntimeError):
        write_then_fail()
    assert heard == []
    with db.transaction() as session:
        assert session.scalars(select(OutboxEntry)).all() == []


def test_reading_announces_nothing(db: Database) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    with db.transaction() as session:
        session.scalars(select(OutboxEntry)).all()
    assert heard == []


def test_stamping_entries_is_sync_bookkeeping_not_new_work(db: Database) -> None:
    queue_entry(db)
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    with db.transaction() as session:
        session.execute(update(OutboxEntry).values(acknowledged_at=NOW))
    with db.transaction() as session:
        session.add(SyncState(key="last_attempt_at", value=NOW.isoformat()))
    assert heard == [Changes(sync=True), Changes(sync=True)]
    assert not any(changes.outbox for changes in heard)


def test_a_failing_listener_is_logged_and_neither_the_write_nor_others_suffer(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    heard: list[Changes] = []

    def broken(changes: Changes) -> None:
        raise RuntimeError("listener bug")

    db.changes.subscribe(broken)
    db.changes.subscribe(heard.append)
    with caplog.at_level(logging.ERROR, logger="kiosk.changes"):
        queue_entry(db)
    assert heard == [Changes(outbox=True)]
    assert "a change listener failed" in caplog.text
    with db.transaction() as session:
        assert len(session.scalars(select(OutboxEntry)).all()) == 1


def test_unsubscribed_listeners_hear_nothing_more(db: Database) -> None:
    heard: list[Changes] = []
    unsubscribe = db.changes.subscribe(heard.append)
    queue_entry(db)
    unsubscribe()
    unsubscribe()  # a second time does nothing
    queue_entry(db)
    assert heard == [Changes(outbox=True)]


def test_a_listener_may_unsubscribe_itself_while_being_called() -> None:
    feed = ChangeFeed()
    heard: list[str] = []
    unsubscribe = None

    def once(changes: Changes) -> None:
        heard.append("once")
        assert unsubscribe is not None
        unsubscribe()

    unsubscribe = feed.subscribe(once)
    feed.subscribe(lambda changes: heard.append("always"))
    feed.announce(Changes(tickets=True))
    feed.announce(Changes(tickets=True))
    assert heard == ["once", "always", "always"]


def test_writers_on_many_threads_are_each_heard_once(db: Database) -> None:
    heard: list[Changes] = []
    guard = threading.Lock()

    def record(changes: Changes) -> None:
        with guard:
            heard.append(changes)

    db.changes.subscribe(record)

    def write_five() -> None:
        for _ in range(5):
            queue_entry(db)

    writers = [threading.Thread(target=write_five) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert heard == [Changes(outbox=True)] * 20


def test_every_table_has_a_kind_so_no_write_goes_unannounced() -> None:
    assert set(TABLE_KINDS) == set(Base.metadata.tables)
    assert {kind for pair in TABLE_KINDS.values() for kind in pair} <= set(KINDS)


def test_an_explicit_mark_is_announced_with_the_rest(db: Database) -> None:
    heard: list[Changes] = []
    db.changes.subscribe(heard.append)
    with db.transaction() as session:
        mark_changed(session, "catalogue")
    assert heard == [Changes(catalogue=True)]


def test_changes_are_plain_values() -> None:
    both = Changes(outbox=True) | Changes.of(["tickets"])
    assert both == Changes(outbox=True, tickets=True)
    assert both.kinds == {"outbox", "tickets"}
    assert both
    assert not Changes()
    with pytest.raises(ValueError, match="unknown change kinds"):
        Changes.of(["outbox", "weather"])  # type: ignore[list-item]


def test_a_submitted_declaration_is_announced_on_the_kiosks_one_feed(
    services: KioskServices,
) -> None:
    heard: list[Changes] = []
    services.changes.subscribe(heard.append)
    assert services.db.changes is services.changes
    services.declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    (changes,) = heard
    assert {"outbox", "declarations", "audit"} <= changes.kinds
    assert not changes.sync
