"""The real centre server on loopback over its own SQLite file, for kiosk-side tests.

It runs under uvicorn in a thread exactly as ``python -m server`` serves it; the
centre's admin steps (an enrolment code, publishing, revoking a device) are done
in-process with the server's own functions. It can be stopped and started again on
the same port, which is what a kiosk sees when the centre's network drops and returns.

The ``centre_server`` fixture in ``tests/conftest.py`` makes one per test; this module
is imported only by tests that use it, so the rest of the suite never loads the server.

Its centre publishes what a trial publishes (``docs/server.md``): the bundled catalogue
and the bundled forms, since the server takes tickets only for published queues and
dossiers only for published forms. Its clock is the kiosks' when the test has one, so
both ends agree on the day: the server leases numbers only for its own.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from socket import socket
from typing import Any

import uvicorn

from kiosk.paths import RESOURCES_DIR
from server import devices, outbox, publishing
from server.api.app import create_app
from server.api.context import ApiSettings
from server.api.ratelimit import RateLimit
from server.clock import Clock, utc_now
from server.db import Database as ServerDatabase
from server.serve import bind, uvicorn_server
from wire.catalogue import CatalogueFile
from wire.forms import FormDefinition

START_TIMEOUT_S = 10.0
#: Generous enough that no kiosk test ever meets it.
SETTINGS = ApiSettings(rate_limit=RateLimit(per_minute=100_000, burst=10_000))


class CentreServer:
    """One centre on a server of its own; ``url`` stays the same across a restart."""

    def __init__(self, db: ServerDatabase, centre_id: uuid.UUID, clock: Clock = utc_now) -> None:
        self.db = db
        self.centre_id = centre_id
        self.clock = clock
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._sock: socket | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, port: int | None = None) -> None:
        """Serve on ``port`` (default: the port it had, or any free one the first time)."""
        if self._thread is not None:
            raise RuntimeError("the centre server is already running")
        server = uvicorn_server(create_app(self.db, SETTINGS, clock=self.clock))
        sock = bind("127.0.0.1", self.port if port is None else port)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="centre-server"
        )
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                server.should_exit = True
                thread.join(START_TIMEOUT_S)
                sock.close()
                raise RuntimeError("the centre server did not start")
            time.sleep(0.005)
        self.port = sock.getsockname()[1]
        self._server, self._thread, self._sock = server, thread, sock

    def stop(self) -> None:
        """Stop serving and join the server's thread; the port refuses connections."""
        if self._server is None or self._thread is None or self._sock is None:
            return
        self._server.should_exit = True
        self._thread.join(START_TIMEOUT_S)
        self._sock.close()
        self._server = self._thread = self._sock = None

    # --- what the centre's admin does, in-process ------------------------------------

    def code(self) -> str:
        with self.db.transaction() as session:
            code, _ = devices.create_enrolment_code(
                session, self.centre_id, now=datetime.now(UTC), valid_for=timedelta(hours=1)
            )
        return code

    def publish_catalogue(self, catalogue: CatalogueFile) -> None:
        with self.db.transaction() as session:
            publishing.publish_catalogue(session, self.centre_id, catalogue, now=datetime.now(UTC))

    def publish_form(self, form: FormDefinition) -> None:
        with self.db.transaction() as session:
            publishing.publish_form(session, self.centre_id, form, now=datetime.now(UTC))

    def revoke(self, device_id: uuid.UUID) -> None:
        with self.db.transaction() as session:
            devices.revoke(session, device_id, now=datetime.now(UTC))

    def received(self, device_id: uuid.UUID) -> list[Any]:
        with self.db.transaction() as session:
            return outbox.entries_from(session, device_id)


@contextmanager
def running_centre_server(database: Path, clock: Clock = utc_now) -> Iterator[CentreServer]:
    """A migrated server database with one centre that published the bundled catalogue
    and forms, served (on ``clock``'s time) until the block ends."""
    db = ServerDatabase(f"sqlite:///{database}")
    db.open()
    try:
        catalogue, _ = publishing.read_catalogue(
            RESOURCES_DIR / "catalogue" / "bundled.json", "kiosk"
        )
        forms = [
            publishing.read_form(path) for path in sorted((RESOURCES_DIR / "forms").glob("*.json"))
        ]
        with db.transaction() as session:
            now = datetime.now(UTC)
            centre_id = devices.create_centre(session, "Trung tâm thử nghiệm", now=now).id
            publishing.publish_catalogue(session, centre_id, catalogue, now=now)
            for form in forms:
                publishing.publish_form(session, centre_id, form, now=now)
        server = CentreServer(db, centre_id, clock)
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        db.close()
