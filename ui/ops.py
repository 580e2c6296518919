"""The one way to run core work off the UI thread (after Anki's ``CollectionOp``).

``Op(fn).on_success(cb).on_failure(cb).start()`` runs ``fn`` on a worker pool and
delivers its result or exception back on the main thread through a queued signal.
Database work is serialised on one worker (SQLite and the unit of work expect it);
network and printer work run on a separate pool so a slow printer never stalls a
database call. ``fn`` must not touch widgets and should get copies, not live objects.

Failures: a :class:`~kiosk.errors.KioskError` goes to ``on_failure`` if given, else
to ``presenter`` (the window's ``show_error``: a translated message on the current
screen); anything else is a bug and goes to the exception hook (``sys.excepthook``).

An op started for a citizen carries their visit (``session``): when the visit has ended
by the time the outcome arrives, the outcome is dropped, so a late result never reaches
the next citizen's screen (``ui.host.run`` does this for the journeys).

Tests call :func:`set_synchronous` so ops run inline, as Picard's ``FakeThreadPool``.
"""

from __future__ import annotations

import enum
import logging
import sys
from collections.abc import Callable
from typing import Any, Generic, Protocol, Self, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.errors import KioskError

log = logging.getLogger("kiosk.ui")

T = TypeVar("T")


class Pool(enum.Enum):
    DATABASE = "database"
    IO = "io"


_POOL_SIZES = {Pool.DATABASE: 1, Pool.IO: 2}
_pools: dict[Pool, QThreadPool] = {}
_synchronous = False
# Ops started and not yet finished; holding them keeps their relay objects alive.
_running: set[Op[Any]] = set()


class SessionLike(Protocol):
    ended: bool


ErrorPresenter = Callable[[KioskError], None]


def set_synchronous(enabled: bool) -> None:
    """Run every op inline in :meth:`Op.start` (tests); callbacks still run."""
    global _synchronous  # noqa: PLW0603 - one process-wide switch, as Picard's
    _synchronous = enabled


def is_synchronous() -> bool:
    return _synchronous


def pool(which: Pool) -> QThreadPool:
    """The worker pool for ``which``, created on first use."""
    found = _pools.get(which)
    if found is None:
        found = QThreadPool()
        found.setMaxThreadCount(_POOL_SIZES[which])
        found.setObjectName(f"kiosk-{which.value}")
        _pools[which] = found
    return found


def wait_for_all(msecs: int = 5000) -> bool:
    """Wait for every pool to finish its work; ``False`` if some is still busy."""
    return all(p.waitForDone(msecs) for p in _pools.values())


def active_threads() -> int:
    return sum(p.activeThreadCount() for p in _pools.values())


class _Relay(QObject):
    """Carries a worker's outcome to the main thread: it lives there, so the signals
    emitted from the worker arrive as queued calls of its slots."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, op: Op[T]) -> None:
        super().__init__()
        self._op: Op[T] | None = op
        self.succeeded.connect(self._deliver_success)
        self.failed.connect(self._deliver_failure)

    @Slot(object)
    def _deliver_success(self, result: object) -> None:
        if self._op is not None:
            op, self._op = self._op, None
            op._finish(result, None)

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        if self._op is not None:
            op, self._op = self._op, None
            assert isinstance(error, BaseException)
            op._finish(None, error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Op(Generic[T]):
    """One piece of background work and what to do with its outcome."""

    def __init__(
        self,
        fn: Callable[[], T],
        *,
        pool: Pool = Pool.DATABASE,
        session: SessionLike | None = None,
        presenter: ErrorPresenter | None = None,
    ) -> None:
        self._fn = fn
        self._presenter = presenter
        self._pool = pool
        self._session = session
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[KioskError], None] | None = None

    def on_success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[KioskError], None]) -> Self:
        """Handle expected failures here instead of the window's message line."""
        self._failure = callback
        return self

    def start(self) -> None:
        if _synchronous:
            try:
                result = self._fn()
            except BaseException as exc:
                self._finish(None, exc)
            else:
                self._finish(result, None)
            return
        relay = _Relay(self)
        _running.add(self)
        pool(self._pool).start(_Task(self._fn, relay))
        self._relay = relay

    def _finish(self, result: object, error: BaseException | None) -> None:
        _running.discard(self)
        if self._session is not None and self._session.ended:
            log.debug("dropping the outcome of an op from an ended session")
            return
        if error is None:
            if self._success is not None:
                self._success(result)  # type: ignore[arg-type]
        elif isinstance(error, KioskError):
            self._present(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def _present(self, error: KioskError) -> None:
        if self._failure is not None:
            self._failure(error)
        elif self._presenter is not None:
            self._presenter(error)
        else:
            log.warning("unhandled expected failure: %s", type(error).__name__)
