"""What every request handler needs: the database, the clock, limits and a thread pool.

Handlers are ``async`` so reading the body and answering never block the event loop;
database work runs in :meth:`ApiContext.run`'s pool of threads, one transaction per
call, with its own sessions. The pool belongs to the app: all its threads start with
the server (so the process's thread count is fixed while it serves) and are joined
when it stops.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from server.api.ratelimit import RateLimit, RateLimiter
from server.clock import Clock, utc_now
from server.db import Database
from server.errors import RateLimitedError
from wire.protocol import MAX_REQUEST_BYTES

T = TypeVar("T")

#: Per request, what the request log line may say about it (the device id, never a token).
REQUEST_NOTES: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("request_notes")


@dataclass(frozen=True, slots=True)
class ApiSettings:
    rate_limit: RateLimit = field(default_factory=RateLimit)
    max_request_bytes: int = MAX_REQUEST_BYTES
    #: Threads for database work; SQLite writes one at a time whatever this is.
    db_threads: int = 8
    #: Purge personal data this long after export or hand-on, at start and hourly
    #: (``server.api.purging``); None: only ``admin purge`` does.
    retention: timedelta | None = None


class ApiContext:
    def __init__(self, db: Database, settings: ApiSettings, clock: Clock = utc_now) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock
        self.limiter = RateLimiter(settings.rate_limit)
        self._executor = ThreadPoolExecutor(
            max_workers=settings.db_threads, thread_name_prefix="server-db"
        )

    async def run(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in one transaction on a pool thread."""

        def in_transaction() -> T:
            with self.db.transaction() as session:
                return work(session)

        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        return await loop.run_in_executor(
            self._executor, functools.partial(context.run, in_transaction)
        )

    def start(self) -> None:
        """Start every pool thread now: each waits until all are running."""
        everyone = threading.Barrier(self.settings.db_threads)
        started = [self._executor.submit(everyone.wait) for _ in range(self.settings.db_threads)]
        for future in started:
            future.result()

    def limit(self, key: str) -> None:
        """Raise ``RateLimitedError`` when ``key`` has used up its bucket."""
        retry_after = self.limiter.take(key)
        if retry_after is not None:
            raise RateLimitedError(retry_after)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def note(key: str, value: str) -> None:
    """Add ``key=value`` to this request's log line."""
    notes = REQUEST_NOTES.get(None)
    if notes is not None:
        notes[key] = value
