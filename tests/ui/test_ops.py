"""The operation helper: work on a worker, outcome on the main thread."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kiosk.errors import KioskError
from kiosk.visit import Visit
from ui import ops
from ui.ops import Op, Pool


def test_work_runs_on_the_single_database_worker_and_reports_on_main(qtbot: QtBot) -> None:
    assert not ops.is_synchronous()
    assert ops.pool(Pool.DATABASE).maxThreadCount() == 1
    main = threading.get_ident()
    seen: list[tuple[str, int]] = []
    done: list[int] = []
    for n in range(3):

        def work(n: int = n) -> int:
            seen.append(("work", threading.get_ident()))
            return n

        Op(work).on_success(
            lambda n: done.append(n) or seen.append(("cb", threading.get_ident()))
        ).start()
    qtbot.waitUntil(lambda: len(done) == 3)
    assert done == [0, 1, 2]  # serialised, in order
    workers = {ident for kind, ident in seen if kind == "work"}
    callbacks = {ident for kind, ident in seen if kind == "cb"}
    assert main not in workers
    assert callbacks == {main}
    assert QThread.currentThread() is QThread.currentThread()
    assert ops.wait_for_all(1000)


def test_expected_failure_goes_to_on_failure(qtbot: QtBot) -> None:
    failures: list[KioskError] = []

    def work() -> None:
        raise KioskError

    Op(work, pool=Pool.IO).on_failure(failures.append).start()
    qtbot.waitUntil(lambda: bool(failures))
    assert failures[0].message.source == "Đã có lỗi xảy ra."


def test_bug_goes_to_the_exception_hook(
    synchronous_ops: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[type[BaseException]] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        seen.append(kind)

    monkeypatch.setattr(sys, "excepthook", hook)
    Op(lambda: 1 / 0).on_success(lambda _: pytest.fail("no success")).start()
    assert seen == [ZeroDivisionError]


def test_outcome_of_an_ended_visit_is_dropped(synchronous_ops: None) -> None:
    visit = Visit()
    visit.end()
    got: list[int] = []
    Op(lambda: 5, session=visit).on_success(got.append).start()
    assert got == []
    Op(lambda: 6, session=Visit()).on_success(got.append).start()
    assert got == [6]


def test_an_expected_failure_goes_to_the_presenter(synchronous_ops: None) -> None:
    shown: list[KioskError] = []
    failure = KioskError()
    Op(_raise(failure), presenter=shown.append).start()
    assert shown == [failure]


def _raise(error: Exception) -> Callable[[], None]:
    def fail() -> None:
        raise error

    return fail
