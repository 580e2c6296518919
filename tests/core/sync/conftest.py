"""Fixtures for sync tests: the protocol double on loopback, kiosks that talk to it, and
sync workers whose statuses a test can wait for."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync.api import SyncStatus
from kiosk.sync.backoff import Backoff
from kiosk.sync.service import SyncService
from kiosk.sync.worker import SyncWorker
from tests.core.conftest import FakeClock
from tests.core.sync.double import ProtocolDouble

MakeKiosk = Callable[..., KioskServices]


@pytest.fixture
def double() -> Iterator[ProtocolDouble]:
    server = ProtocolDouble()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def make_kiosk(tmp_path: Path, clock: FakeClock, double: ProtocolDouble) -> Iterator[MakeKiosk]:
    """Opened services whose settings point at the double (``server_url=None`` to unset)."""
    opened: list[KioskServices] = []

    def make(**overrides: Any) -> KioskServices:
        values: dict[str, Any] = {"server_url": double.url}
        values.update(overrides)
        services = KioskServices(
            Settings(**values), prepare_data_dir(tmp_path / f"kiosk-{len(opened)}"), clock=clock
        )
        services.open()
        opened.append(services)
        return services

    yield make
    for services in opened:
        services.close()


class HighestRandom(random.Random):
    """Jitter that always draws the top of its range: back-off waits become predictable."""

    def uniform(self, a: float, b: float) -> float:
        return b


def with_backoff(kiosk: KioskServices, backoff: Backoff) -> None:
    """Rebuild the kiosk's sync service as ``KioskServices`` does, with ``backoff``."""
    kiosk.sync = SyncService(
        kiosk.db,
        kiosk.settings,
        leases=kiosk.tickets.leases,
        forms=kiosk.forms,
        on_catalogue_changed=kiosk.catalog.invalidate,
        audit=kiosk.audit,
        clock=kiosk.clock,
        backoff=backoff,
    )


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> KioskServices:
    return make_kiosk()


@pytest.fixture
def enrolled(kiosk: KioskServices, double: ProtocolDouble) -> KioskServices:
    """A kiosk enrolled with the double through the real enrolment exchange."""
    kiosk.sync.enrol(double.add_code())
    return kiosk


#: Long enough never to fire during a test: only what the test triggers runs.
NEVER = 3600.0


class Recorder:
    """The statuses a worker published, with a way to wait for one."""

    def __init__(self) -> None:
        self.statuses: list[SyncStatus] = []
        self._changed = threading.Condition()

    def __call__(self, status: SyncStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self._changed.notify_all()

    def wait_for(self, done: Callable[[list[SyncStatus]], bool], timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: done(self.statuses), timeout), self.statuses

    def finished_passes(self) -> list[SyncStatus]:
        return [s for s in self.statuses if not s.syncing]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def start_worker(
    recorder: Recorder,
) -> Iterator[Callable[..., SyncWorker]]:
    workers: list[SyncWorker] = []

    def start(kiosk: KioskServices, **options: object) -> SyncWorker:
        values: dict[str, object] = {
            "interval_s": NEVER,
            "probe_interval_s": NEVER,
            "backoff": Backoff(base_s=NEVER, cap_s=NEVER, rng=HighestRandom()),
            "on_change": recorder,
        }
        values.update(options)
        worker = SyncWorker(kiosk.sync, **values)  # type: ignore[arg-type]
        workers.append(worker)
        worker.start()
        return worker

    yield start
    for worker in workers:
        worker.close()
        assert not worker.running
