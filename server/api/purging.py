"""The retention purge, run by the serving process at start and then every hour.

Personal data past its retention (``server.retention``) should not wait for an admin
to remember ``admin purge``. The purge runs in the database thread pool like any
request, in its own transaction; a failed run is logged and tried again next time.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from server import retention
from server.api.context import ApiContext

log = logging.getLogger("server.retention")

#: How often the serving process purges.
PURGE_EVERY = timedelta(hours=1)


class PeriodicPurge:
    """Purges with ``retention`` now and every ``every`` while the app runs."""

    def __init__(
        self, context: ApiContext, retention: timedelta, every: timedelta = PURGE_EVERY
    ) -> None:
        self._context = context
        self._retention = retention
        self._every = every
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="retention-purge")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _run(self) -> None:
        while True:
            await self.purge_once()
            await asyncio.sleep(self._every.total_seconds())

    async def purge_once(self) -> None:
        context = self._context
        try:
            report = await context.run(
                lambda session: retention.purge(
                    session, now=context.clock(), retention=self._retention
                )
            )
        except Exception:  # a database away for now: the next run tries again
            log.exception("retention purge failed")
            return
        if report.dossiers or report.accounts:
            log.info(
                "purged the personal data of %d dossiers and %d accounts",
                report.dossiers,
                report.accounts,
            )
        if report.waiting:
            log.warning(
                "%d dossiers and accounts are past the retention but neither exported nor "
                "handed on (admin export-dossiers, admin mark-handed-on)",
                report.waiting,
            )
