"""A real server on loopback over a real database, and kiosks that talk HTTP to it.

The database is migrated once per test session and backend: a SQLite file always, and
PostgreSQL too when ``KIOSK_TEST_DATABASE_URL`` names one (CI sets it). On PostgreSQL
the session gets a schema of its own (``search_path`` in the URL), dropped at the end,
so runs sharing the database never see each other. Tests share the database but each
makes its own centre, and everything a kiosk sees belongs to its centre.

Most tests share one uvicorn server in a thread per backend; a test that needs other
settings starts its own with ``server_factory``, stopped and joined at its teardown
(the suite fails a test that leaves a thread behind).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import msgspec
import pytest
import requests
from sqlalchemy import make_url

from server import devices, publishing
from server.api.app import create_app
from server.api.context import ApiSettings
from server.api.ratelimit import RateLimit
from server.clock import Clock, centre_today, utc_now
from server.db import Database
from server.serve import bind, uvicorn_server
from tests.server.samples import form_definition, upload_catalogue
from wire.forms import FormDefinition

DATABASE_URL_ENV = "KIOSK_TEST_DATABASE_URL"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get(DATABASE_URL_ENV) else [])
#: Generous enough that only the rate-limit tests ever meet it.
NO_LIMIT = RateLimit(per_minute=1_000_000, burst=100_000)
TIMEOUT_S = 10


def _postgres_admin_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated, empty database for this session: its URL."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("server-db") / "server.db"
        url = f"sqlite:///{path}"
        with Database(url):
            pass
        yield url
        return
    import psycopg

    base = os.environ[DATABASE_URL_ENV]
    schema = f"server_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_postgres_admin_url(base), autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    url = (
        make_url(base)
        .update_query_dict({"options": f"-csearch_path={schema}"})
        .render_as_string(hide_password=False)
    )
    try:
        with Database(url):
            pass
        yield url
    finally:
        with psycopg.connect(_postgres_admin_url(base), autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@dataclass
class LiveServer:
    """A uvicorn server in a thread over ``db``; ``url`` is its base URL."""

    db: Database
    settings: ApiSettings
    clock: Clock = utc_now
    url: str = ""
    _thread: threading.Thread | None = None
    _stop: Callable[[], None] = field(default=lambda: None)

    def start(self) -> None:
        server = uvicorn_server(create_app(self.db, self.settings, clock=self.clock))
        sock = bind("127.0.0.1", 0)
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="test-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + TIMEOUT_S
        while not server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                sock.close()
                raise RuntimeError("the test server did not start")
            time.sleep(0.005)
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"

        def stop() -> None:
            server.should_exit = True
            assert self._thread is not None
            self._thread.join(TIMEOUT_S)
            sock.close()

        self._stop = stop

    def stop(self) -> None:
        self._stop()

    def request(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        params: dict[str, str] | None = None,
    ) -> requests.Response:
        sent = dict(headers or {})
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        if json_body is not None:
            data = msgspec.json.encode(json_body)
            sent["Content-Type"] = "application/json"
        return requests.request(
            method,
            self.url + path,
            data=data,
            headers=sent,
            params=params,
            timeout=TIMEOUT_S,
            allow_redirects=False,
        )

    # --- what the centre's admin does, in-process ------------------------------------

    def create_centre(
        self, name: str = "Trung tâm Hành chính công", *, published: bool = False
    ) -> uuid.UUID:
        """A new centre; ``published``: with what the samples upload against."""
        with self.db.transaction() as session:
            centre_id = devices.create_centre(session, name, now=utc_now()).id
        if published:
            self.publish_for_uploads(centre_id)
        return centre_id

    def publish_for_uploads(self, centre_id: uuid.UUID) -> None:
        """Publish what the samples upload against: queues A to D and form khai-sinh v1.

        The server accepts tickets only for queues its centre published, and dossiers
        only for a published form version whose checks their answers pass.
        """
        form = msgspec.convert(form_definition(), FormDefinition)
        with self.db.transaction() as session:
            publishing.publish_catalogue(session, centre_id, upload_catalogue(), now=utc_now())
            publishing.publish_form(session, centre_id, form, now=utc_now())

    def create_code(
        self, centre_id: uuid.UUID, *, now: datetime | None = None, hours: float = 24
    ) -> str:
        with self.db.transaction() as session:
            code, _ = devices.create_enrolment_code(
                session, centre_id, now=now or utc_now(), valid_for=timedelta(hours=hours)
            )
        return code

    def enrol(self, centre_id: uuid.UUID, *, kiosk_number: int = 1) -> Kiosk:
        code = self.create_code(centre_id)
        answer = self.request(
            "POST",
            "/v1/devices/enrol",
            json_body={
                "code": code,
                "kiosk_name": f"Kiosk {kiosk_number}",
                "kiosk_number": kiosk_number,
                "app_version": "0.1.0",
            },
        )
        assert answer.status_code == 200, answer.text
        body = answer.json()
        return Kiosk(self, uuid.UUID(body["device_id"]), body["token"], centre_id)


@dataclass(frozen=True)
class Kiosk:
    """An enrolled kiosk: its requests carry its token."""

    server: LiveServer
    device_id: uuid.UUID
    token: str
    centre_id: uuid.UUID

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.server.request("GET", path, token=self.token, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.server.request("POST", path, token=self.token, json_body=body, **kwargs)


ServerFactory = Callable[..., LiveServer]


def _start(url: str, rate_limit: RateLimit, clock: Clock, **settings: Any) -> LiveServer:
    db = Database(url)
    db.open()
    live = LiveServer(db, ApiSettings(rate_limit=rate_limit, **settings), clock)
    try:
        live.start()
    except BaseException:
        db.close()
        raise
    return live


def _stop(live: LiveServer) -> None:
    live.stop()
    live.db.close()


@pytest.fixture(scope="session")
def server(database_url: str) -> Iterator[LiveServer]:
    """The server most tests share, started once per backend (with no rate limit).

    Its threads start before any test's thread check and live until the session ends.
    """
    live = _start(database_url, NO_LIMIT, utc_now)
    yield live
    _stop(live)


@pytest.fixture
def server_factory(database_url: str) -> Iterator[ServerFactory]:
    """A server of the test's own (other limits, another clock), stopped at teardown."""
    started: list[LiveServer] = []

    def start(
        *, rate_limit: RateLimit = NO_LIMIT, clock: Clock = utc_now, **settings: Any
    ) -> LiveServer:
        started.append(_start(database_url, rate_limit, clock, **settings))
        return started[-1]

    yield start
    for live in started:
        _stop(live)


@pytest.fixture
def centre(server: LiveServer) -> uuid.UUID:
    """A centre with the catalogue and form the samples upload against."""
    return server.create_centre(published=True)


def centre_day(clock: Clock = utc_now) -> str:
    """The centre's day now, as a lease asks for it."""
    return centre_today(clock()).isoformat()


@pytest.fixture
def kiosk(server: LiveServer, centre: uuid.UUID) -> Kiosk:
    return server.enrol(centre)
