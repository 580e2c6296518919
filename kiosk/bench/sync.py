"""Sync: pushing a backlog of declarations to the centre's server, and what an idle pass costs.

The question a centre asks after a long outage: how fast does a kiosk holding
thousands of declarations catch up, and what does a kiosk cost the network when nothing
changed? Everything here is the real thing on loopback:

- **The server** is ``python -m server --port 0`` in a child process over a SQLite
  file in a temporary folder (its rate limit raised: a kiosk draining a backlog through
  the default limit of 120 requests a minute measures the limit, not the code). The
  centre, its catalogue (the bundled one), the form the backlog is filled in (the
  server accepts declarations only for a form it published) and the enrolment code are
  made with ``python -m server admin``, as the centre's admin would.
- **The kiosk** is :class:`~kiosk.services.KioskServices` on a temporary data folder,
  enrolled through the real enrolment exchange. Its device token goes to an in-memory
  keyring installed for the benchmark's duration only, so the benchmark never writes
  into the user's own keyring; the previous backend is put back afterwards.
- **The backlog**: one declaration is filed with the real ``DeclarationService.submit`` (the
  bundled birth registration, ``khai-sinh``, with :data:`~kiosk.bench.forms.KHAI_SINH_ANSWERS`);
  the other ``declarations − 1`` are copies of the rows that submit wrote (declaration, outbox
  entry, audit record), each with its own id and the next reference, inserted in one
  transaction. ``submit`` itself takes milliseconds per declaration (the forms benchmark
  measures it), which would make filling 10,000 the longest part of the run.
- **The wire**: the kiosk talks to the server through a counting relay on loopback,
  which counts the requests and every byte of each direction (request line, headers
  and body; status line, headers and body).

Metrics:

- ``push_total_ms``: one sync pass that uploads the whole backlog with the kiosk's
  default batch size (``sync_batch_size``); ``push_entries_per_s`` is the backlog's
  size over that time. The pass also asks the catalogue feed (answered ``304``).
- ``unchanged_sync_request_count``, ``unchanged_sync_request_bytes``,
  ``unchanged_sync_response_bytes``: the next pass, with nothing new on either side.
- ``submit_to_ack_ms``, ``ticket_to_ack_ms``: then, with a sync worker running as in
  the kiosk, a tap until the server's acknowledgement is stamped
  (``kiosk.bench.sync_ack``).
"""

from __future__ import annotations

import os
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from kiosk.bench import sync_ack
from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.bench.stats import summarise
from kiosk.catalog.bundled import BUNDLED_CATALOGUE
from kiosk.clock import LOCAL_TZ
from kiosk.config import Settings
from kiosk.consent import DECLARATION_PURPOSES
from kiosk.db.models import AuditRecord, Declaration, OutboxEntry
from kiosk.db.sealed import bind_rows
from kiosk.declarations.reference import format_reference
from kiosk.forms.library import BUNDLED_FORMS_DIR
from kiosk.paths import PROJECT_ROOT, prepare_data_dir
from kiosk.services import KioskServices
from kiosk.sync.api import SyncReport

Metrics = dict[str, dict[str, float | int]]

DEFAULT_DECLARATIONS = 10_000
SERVER_START_TIMEOUT_S = 60.0
ADMIN_TIMEOUT_S = 120.0
#: Rows per INSERT statement when copying the backlog (SQLite's variable limit).
_INSERT_CHUNK = 500
_RELAY_POLL_S = 0.05
_SUNDAY = 6


def run(declarations: int = DEFAULT_DECLARATIONS) -> Metrics:
    """Push ``declarations`` through a real server on loopback, then one unchanged pass."""
    declarations = max(1, declarations)
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-bench-sync-") as folder,
        _memory_keyring(),
        _server(Path(folder) / "server") as server,
        _CountingRelay(server.port) as relay,
    ):
        centre = server.admin("create-centre", "Trung tâm thử tốc độ đồng bộ")
        server.admin("import-catalogue", str(BUNDLED_CATALOGUE), "--centre", centre)
        server.admin("publish-form", str(BUNDLED_FORMS_DIR / f"{FORM_ID}.json"), "--centre", centre)
        code = server.admin("create-code", "--centre", centre)
        paths = prepare_data_dir(Path(folder) / "kiosk")
        now = _opening_time()
        services = KioskServices(
            Settings(server_url=relay.url, kiosk_number=1), paths, clock=lambda: now
        )
        services.open()
        try:
            services.sync.enrol(code)
            _expect_ok(services.sync.sync_once())  # catalogue and leases: not measured
            _fill_outbox(services, declarations)

            started = time.perf_counter()
            pushed = services.sync.sync_once()
            push_ms = (time.perf_counter() - started) * 1000
            _expect_ok(pushed)
            if pushed.push.accepted != declarations or pushed.pending:
                raise RuntimeError(
                    f"pushed {pushed.push.accepted} of {declarations}, {pushed.pending} pending"
                )

            relay.reset()
            _expect_ok(services.sync.sync_once())
            unchanged = relay.counts()

            acks = sync_ack.run(services)
        finally:
            services.close()
    return {
        "push_entries_per_s": summarise([declarations / (push_ms / 1000)]),
        "push_total_ms": summarise([push_ms]),
        "unchanged_sync_request_count": summarise([unchanged.requests]),
        "unchanged_sync_request_bytes": summarise([unchanged.request_bytes]),
        "unchanged_sync_response_bytes": summarise([unchanged.response_bytes]),
        **{metric: summarise(samples) for metric, samples in acks.items()},
    }


def _opening_time() -> datetime:
    """08:00 in the centre today, or on Saturday when today is a Sunday: the kiosk's
    clock stands there, where queue A is open and within the days the server leases
    numbers for (the centre's yesterday, today and tomorrow)."""
    day = datetime.now(LOCAL_TZ).date()
    if day.weekday() == _SUNDAY:
        day -= timedelta(days=1)
    return datetime.combine(day, dt_time(8, 0), LOCAL_TZ).astimezone(UTC)


def _expect_ok(report: SyncReport) -> None:
    if report.outcome != "ok":
        error = report.error.render() if report.error is not None else "-"
        raise RuntimeError(f"sync pass ended {report.outcome}: {error}")


# --- the backlog --------------------------------------------------------------------


def _fill_outbox(services: KioskServices, declarations: int) -> None:
    """One real ``submit``, then ``declarations - 1`` copies of the rows it wrote."""
    form = services.forms.get(FORM_ID)
    consent = services.consent.agree(services.settings.language, DECLARATION_PURPOSES)
    first = services.declarations.submit(
        form, form.procedures[0], KHAI_SINH_ANSWERS, consent=consent
    )
    kiosk_number = services.settings.kiosk_number
    day = services.clock().astimezone(LOCAL_TZ).date()
    with services.db.transaction() as session:
        declaration = session.get(Declaration, first.id)
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == first.id)).one()
        audit = session.scalars(
            select(AuditRecord).where(AuditRecord.action == "declaration.submit")
        ).one()
        assert declaration is not None
        declaration_row = _columns(declaration)
        entry_row = _columns(entry, skip={"sequence"})
        audit_row = _columns(audit)
        for start in range(2, declarations + 1, _INSERT_CHUNK):
            numbers = range(start, min(start + _INSERT_CHUNK, declarations + 1))
            declaration_rows, entry_rows, audit_rows = [], [], []
            for number in numbers:
                declaration_id = uuid.uuid4()
                reference = format_reference(kiosk_number, day, number)
                declaration_rows.append(
                    {**declaration_row, "id": declaration_id, "reference": reference}
                )
                payload = {**entry.payload, "id": str(declaration_id), "reference": reference}
                entry_rows.append(
                    {
                        **entry_row,
                        "entry_id": uuid.uuid4(),
                        "entity_id": declaration_id,
                        "payload": payload,
                    }
                )
                audit_rows.append(
                    {**audit_row, "id": uuid.uuid4(), "detail": {"reference": reference}}
                )
            # Each copy's sealed answers and payload bound to its own row, as a flush does.
            session.execute(insert(Declaration), bind_rows(Declaration, declaration_rows))
            session.execute(insert(OutboxEntry), bind_rows(OutboxEntry, entry_rows))
            session.execute(insert(AuditRecord), audit_rows)


def _columns(row: Any, skip: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    return {
        column.key: getattr(row, column.key)
        for column in row.__table__.columns
        if column.key not in skip
    }


# --- the server, in a child process -------------------------------------------------


@dataclass(frozen=True)
class _Server:
    port: int
    database_url: str

    def admin(self, *args: str) -> str:
        """``python -m server admin ARGS``; its stdout's last line (an id or a code)."""
        done = subprocess.run(
            [sys.executable, "-m", "server", "admin", *args, "--database-url", self.database_url],
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
            timeout=ADMIN_TIMEOUT_S,
            check=False,
        )
        lines = done.stdout.strip().splitlines()
        if done.returncode != 0 or not lines:
            raise RuntimeError(f"server admin {args[0]} failed: {done.stderr.strip()}")
        return lines[-1].split()[0]


@contextmanager
def _server(folder: Path) -> Iterator[_Server]:
    """``python -m server --port 0`` over a SQLite file in ``folder``; stopped on exit."""
    folder.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{folder / 'server.db'}"
    log_path = folder / "server.log"
    with log_path.open("wb") as log:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "server",
                "--database-url",
                database_url,
                "--port",
                "0",
                "--rate-per-minute",
                "1000000",
                "--burst",
                "100000",
            ],
            stdout=subprocess.PIPE,
            stderr=log,
            cwd=PROJECT_ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            yield _Server(_listening_port(child, log_path), database_url)
        finally:
            child.terminate()
            try:
                child.wait(timeout=SERVER_START_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            if child.stdout is not None:
                child.stdout.close()


def _listening_port(child: subprocess.Popen[bytes], log_path: Path) -> int:
    """The port from the server's "Listening on http://127.0.0.1:PORT" line."""
    assert child.stdout is not None
    waiting = threading.Timer(SERVER_START_TIMEOUT_S, child.kill)
    waiting.start()
    try:
        line = child.stdout.readline().decode("utf-8", "replace")
    finally:
        waiting.cancel()
        waiting.join()
    if not line.startswith("Listening on http://"):
        tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
        raise RuntimeError("the server did not start: " + " | ".join(tail))
    address = line.split()[2]
    return int(address.rsplit(":", 1)[1])


# --- the keyring --------------------------------------------------------------------


@contextmanager
def _memory_keyring() -> Iterator[None]:
    """An in-memory keyring for this process while the benchmark runs."""
    import keyring
    import keyring.errors
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self._secrets.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError(username)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


# --- counting what crosses the wire -------------------------------------------------


@dataclass(frozen=True)
class WireCounts:
    requests: int
    request_bytes: int
    response_bytes: int


class _RequestSplitter:
    """Counts the HTTP requests in a client's byte stream (``Content-Length`` bodies)."""

    def __init__(self) -> None:
        self._buffer = b""
        self._body_left = 0

    def feed(self, data: bytes) -> int:
        complete = 0
        self._buffer += data
        while True:
            if self._body_left:
                taken = min(self._body_left, len(self._buffer))
                self._body_left -= taken
                self._buffer = self._buffer[taken:]
                if self._body_left:
                    return complete
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return complete
            head, self._buffer = self._buffer[:end], self._buffer[end + 4 :]
            complete += 1
            self._body_left = _content_length(head)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


class _CountingRelay:
    """A loopback TCP relay to ``127.0.0.1:upstream_port`` counting requests and bytes."""

    def __init__(self, upstream_port: int) -> None:
        self._upstream = ("127.0.0.1", upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="bench-relay", daemon=True)
        self._requests = self._request_bytes = self._response_bytes = 0

    def __enter__(self) -> _CountingRelay:
        self._acceptor.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._acceptor.join()  # no connection is added after this
        with self._lock:
            for sock in self._sockets:
                _shut(sock)
        for thread in self._threads:
            thread.join()
        with self._lock:
            for sock in self._sockets:
                sock.close()
        self._listener.close()

    def reset(self) -> None:
        with self._lock:
            self._requests = self._request_bytes = self._response_bytes = 0

    def counts(self) -> WireCounts:
        with self._lock:
            return WireCounts(self._requests, self._request_bytes, self._response_bytes)

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, name="bench-relay", daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            while not self._stop.is_set():
                if not selector.select(_RELAY_POLL_S):
                    continue
                client, _ = self._listener.accept()
                upstream = socket.create_connection(self._upstream)
                for sock in (client, upstream):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with self._lock:
                    self._sockets += [client, upstream]
                self._spawn(self._pump, client, upstream, True)
                self._spawn(self._pump, upstream, client, False)

    def _pump(self, source: socket.socket, target: socket.socket, from_client: bool) -> None:
        splitter = _RequestSplitter() if from_client else None
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                _shut(target, socket.SHUT_WR)
                return
            with self._lock:
                if splitter is not None:
                    self._requests += splitter.feed(data)
                    self._request_bytes += len(data)
                else:
                    self._response_bytes += len(data)
            try:
                target.sendall(data)
            except OSError:
                _shut(source)
                return


def _shut(sock: socket.socket, how: int = socket.SHUT_RDWR) -> None:
    with suppress(OSError):
        sock.shutdown(how)
