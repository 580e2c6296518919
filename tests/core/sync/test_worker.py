"""SyncWorker: passes on its own thread, on time, on request and when the network returns."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest

from kiosk.services import KioskServices
from kiosk.sync.api import SyncStatus
from kiosk.sync.worker import SyncWorker
from tests.core.conftest import FakeClock
from tests.core.sync.conftest import NEVER, Recorder
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import add_declaration


def test_a_pass_runs_at_start_up_off_the_callers_thread(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: Callable[..., SyncWorker],
    clock: FakeClock,
) -> None:
    add_declaration(enrolled, 1)
    threads: list[str] = []
    recorder_call = recorder.__call__

    def listener(status: SyncStatus) -> None:
        threads.append(threading.current_thread().name)
        recorder_call(status)

    worker = start_worker(enrolled, on_change=listener, interval_s=NEVER)
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)

    assert recorder.statuses[0].syncing
    done = recorder.finished_passes()[0]
    assert (done.online, done.pending, done.last_success_at) == (True, 0, clock.now)
    assert done.next_attempt_at == clock.now + timedelta(seconds=NEVER)
    assert set(threads) == {"kiosk-sync"}
    assert worker.state() == done
    assert len(double.stored) == 1
    worker.close()
    assert not worker.running
    assert worker.passes == 1


def test_request_sync_runs_another_pass_now(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: Callable[..., SyncWorker],
) -> None:
    worker = start_worker(enrolled)
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)

    # Nothing new to send (a new entry would wake the worker by itself): only the
    # request can start this pass.
    worker.request_sync()

    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 2)
    assert (worker.passes, worker.wakes) == (2, 0)
    assert len(double.requests_to("/v1/catalog/changes")) == 2
    assert worker.state().pending == 0


def test_when_the_server_comes_back_the_probe_starts_a_pass(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: Callable[..., SyncWorker],
) -> None:
    add_declaration(enrolled, 1)
    double.script("GET", "/v1/catalog/changes", lose=True)  # the network is down...
    double.script("GET", "/v1/health", lose=True, times=2)  # ...for two more probes

    worker = start_worker(enrolled, probe_interval_s=0.02)

    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 2)
    offline, back = recorder.finished_passes()
    assert (offline.online, offline.pending) == (False, 1)
    assert offline.last_error is not None
    assert (back.online, back.pending, back.last_error) == (True, 0, None)
    assert len(double.requests_to("/v1/health")) == 3
    assert worker.passes == 2


def test_retry_after_sets_the_next_pass(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: Callable[..., SyncWorker],
    clock: FakeClock,
) -> None:
    add_declaration(enrolled, 1)
    double.script("POST", "/v1/outbox", 503, headers={"Retry-After": "90"})

    worker = start_worker(enrolled, probe_interval_s=0.01)

    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)
    status = worker.state()
    assert status.next_attempt_at == clock.now + timedelta(seconds=90)
    assert status.online is True  # busy, not away: no probing
    assert double.requests_to("/v1/health") == []


def test_needs_enrolment_waits_for_a_request(
    enrolled: KioskServices,
    double: ProtocolDouble,
    recorder: Recorder,
    start_worker: Callable[..., SyncWorker],
) -> None:
    enrolment = enrolled.sync.enrolment()
    assert enrolment is not None
    double.revoked.add(enrolment.device_id)

    worker = start_worker(enrolled, interval_s=0.01, probe_interval_s=0.01)

    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)
    status = worker.state()
    assert status.needs_enrolment
    assert status.next_attempt_at is None
    double.revoked.clear()
    worker.request_sync()
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 2)
    assert not worker.state().needs_enrolment


def test_a_failing_listener_does_not_stop_the_worker(
    enrolled: KioskServices, start_worker: Callable[..., SyncWorker], recorder: Recorder
) -> None:
    calls: list[SyncStatus] = []

    def broken(status: SyncStatus) -> None:
        calls.append(status)
        recorder(status)
        raise RuntimeError("listener bug")

    worker = start_worker(enrolled, on_change=broken)
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)
    worker.request_sync()
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 2)
    assert worker.running


def test_an_unexpected_failure_is_logged_and_the_worker_carries_on(
    enrolled: KioskServices,
    start_worker: Callable[..., SyncWorker],
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = enrolled.sync.sync_once
    failures = iter([RuntimeError("bug")])

    def flaky(*, force: bool = True) -> object:
        for error in failures:
            raise error
        return real(force=force)

    monkeypatch.setattr(enrolled.sync, "sync_once", flaky)
    worker = start_worker(enrolled)
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 1)
    assert worker.state().last_error is not None
    assert "sync pass failed unexpectedly" in caplog.text
    worker.request_sync()
    recorder.wait_for(lambda s: len([x for x in s if not x.syncing]) == 2)
    assert worker.state().last_error is None


def test_start_twice_is_a_bug_and_close_is_idempotent(
    enrolled: KioskServices, start_worker: Callable[..., SyncWorker]
) -> None:
    worker = start_worker(enrolled)
    with pytest.raises(RuntimeError):
        worker.start()
    worker.close()
    worker.close()
    assert not worker.running
    never_started = SyncWorker(enrolled.sync)
    never_started.close()
    assert never_started.state().enrolled
