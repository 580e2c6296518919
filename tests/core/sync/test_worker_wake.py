"""The sync worker is woken by new outbox entries while the server answers, and only then.

Against the real centre server on loopback (and the protocol double for a server that
asks to wait). The worker's interval and probe are an hour (``start_worker``), so any
pass after the one at start-up comes from a wake or from a test's explicit request,
never from the clock.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.bench.forms import KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.db.models import OutboxEntry
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync.api import SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.centre_server import CentreServer
from tests.consent import AGREED
from tests.core.conftest import FakeClock
from tests.core.sync.conftest import Recorder
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import add_declaration

StartWorker = Callable[..., SyncWorker]


@pytest.fixture
def online(
    tmp_path: Path, clock: FakeClock, centre_server: CentreServer
) -> Iterator[KioskServices]:
    """A kiosk enrolled with the real server."""
    services = KioskServices(
        Settings(server_url=centre_server.url), prepare_data_dir(tmp_path / "kiosk"), clock=clock
    )
    services.open()
    services.sync.enrol(centre_server.code())
    yield services
    services.close()


def finished(count: int) -> Callable[[list[SyncStatus]], bool]:
    """``count`` passes have ended."""
    return lambda statuses: len([s for s in statuses if not s.syncing]) >= count


def acknowledged(kiosk: KioskServices, entity_id: uuid.UUID) -> bool:
    with kiosk.db.transaction() as session:
        stamped = session.scalar(
            select(OutboxEntry.acknowledged_at).where(
                OutboxEntry.entity_id == entity_id, OutboxEntry.operation == "create"
            )
        )
    return stamped is not None


def submit(kiosk: KioskServices) -> uuid.UUID:
    form = kiosk.forms.get("khai-sinh")
    return kiosk.declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED).id


def device(kiosk: KioskServices) -> uuid.UUID:
    enrolment = kiosk.sync.enrolment()
    assert enrolment is not None
    return enrolment.device_id


def test_a_submitted_declaration_wakes_the_worker_and_the_server_acknowledges_it(
    online: KioskServices,
    centre_server: CentreServer,
    recorder: Recorder,
    start_worker: StartWorker,
) -> None:
    worker = start_worker(online)
    recorder.wait_for(finished(1))
    assert worker.wakes == 0

    declaration_id = submit(online)

    recorder.wait_for(finished(2))
    assert acknowledged(online, declaration_id)
    assert (worker.passes, worker.wakes) == (2, 1)  # the wake's pass, not the clock's
    received = centre_server.received(device(online))
    assert [entry.entity_id for entry in received] == [declaration_id]
    assert worker.state().pending == 0


def test_a_new_ticket_wakes_the_worker_too(
    online: KioskServices,
    centre_server: CentreServer,
    recorder: Recorder,
    start_worker: StartWorker,
) -> None:
    worker = start_worker(online)
    recorder.wait_for(finished(1))

    ticket = online.desk.take("A")

    recorder.wait_for(lambda statuses: acknowledged(online, ticket.id))
    assert worker.wakes >= 1
    assert ticket.id in {entry.entity_id for entry in centre_server.received(device(online))}


def test_offline_new_entries_leave_the_worker_asleep_until_the_network_returns(
    online: KioskServices,
    centre_server: CentreServer,
    recorder: Recorder,
    start_worker: StartWorker,
) -> None:
    centre_server.stop()
    worker = start_worker(online)
    recorder.wait_for(finished(1))
    assert worker.state().online is False

    declarations = [submit(online) for _ in range(5)]
    online.desk.take("A")

    # Only what a person asks for is tried: one pass, not one per entry.
    worker.request_sync()
    recorder.wait_for(finished(2))
    assert (worker.passes, worker.wakes) == (2, 0)
    assert worker.state().pending == 6  # five declarations and the ticket

    centre_server.start()
    worker.request_sync()
    recorder.wait_for(finished(3))
    assert all(acknowledged(online, declaration_id) for declaration_id in declarations)
    assert worker.wakes == 0

    # Online again: the next entry wakes the worker by itself.
    late = submit(online)
    recorder.wait_for(finished(4))
    assert acknowledged(online, late)
    assert (worker.passes, worker.wakes) == (4, 1)


def test_a_server_asking_to_wait_is_not_woken_by_new_entries(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: StartWorker,
) -> None:
    add_declaration(enrolled, 1)
    double.script("POST", "/v1/outbox", 503, headers={"Retry-After": "90"})
    worker = start_worker(enrolled)
    recorder.wait_for(finished(1))
    assert worker.state().online is True  # it answered, and asked for 90 s

    for sequence in (2, 3, 4):
        add_declaration(enrolled, sequence)
    worker.request_sync()
    recorder.wait_for(finished(2))

    assert (worker.passes, worker.wakes) == (2, 0)
    assert len(double.requests_to("/v1/outbox")) == 2
    assert len(double.stored) == 4
