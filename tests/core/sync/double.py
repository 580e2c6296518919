"""A sync server on loopback that speaks protocol v1 faithfully, and lets tests steer it.

It decodes every request with the shared protocol structs exactly as a real server
must, keeps what it received (so a test can see a retried upload arrive twice and be
stored once), and lets a test script the next answer to a path (a 503 with
``Retry-After``, a broken body, a lost response) without touching the kiosk's code.
Real HTTP over a real socket: the kiosk's ``requests`` session, timeouts and error
mapping are all exercised.
"""

from __future__ import annotations

import secrets
import ssl
import threading
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import msgspec

from wire import protocol
from wire.catalogue import CatalogueFile
from wire.forms import FormDefinition

CENTRE_ID = uuid.UUID("7d4f6c1e-0000-4000-8000-000000000001")
CENTRE_NAME = "Trung tâm Phục vụ hành chính công tỉnh Thử nghiệm"


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class Scripted:
    """An answer given instead of the real one; ``lose`` closes the socket after handling."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    #: Handle the request for real, then drop the connection without answering.
    lose: bool = False


class ProtocolDouble:
    """State of the pretend centre server; thread-safe (requests arrive on handler threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.codes: set[str] = set()
        self.tokens: dict[str, uuid.UUID] = {}
        self.revoked: set[uuid.UUID] = set()
        self.requests: list[Recorded] = []
        self.scripts: dict[tuple[str, str], deque[Scripted]] = defaultdict(deque)
        # catalogue feed: numbered events, the cursor is the last number seen
        self.events: list[tuple[int, CatalogueFile | FormDefinition]] = []
        self.forms_per_page = 10
        # outbox
        self.received: list[protocol.OutboxItem] = []
        self.stored: dict[uuid.UUID, protocol.OutboxItem] = {}
        self.batches: list[list[int]] = []
        self.refuse_entries: dict[uuid.UUID, str] = {}
        # leases
        self.next_number: dict[tuple[str, date], int] = defaultdict(lambda: 1)
        self.leases: list[protocol.Lease] = []
        #: Called on the handler thread before each answer (a test's way to race it).
        self.before_answer: Callable[[Recorded], None] | None = None
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.url = ""

    # --- what tests set up -------------------------------------------------------------

    def add_code(self, code: str | None = None) -> str:
        code = code or secrets.token_hex(6)
        with self.lock:
            self.codes.add(code)
        return code

    def enrol_directly(self) -> tuple[uuid.UUID, str]:
        """A device and token as if enrolled earlier (for tests about other exchanges)."""
        device, token = uuid.uuid4(), secrets.token_urlsafe(32)
        with self.lock:
            self.tokens[token] = device
        return device, token

    def publish_catalogue(self, catalogue: CatalogueFile) -> str:
        with self.lock:
            self.events.append((len(self.events) + 1, catalogue))
            return str(len(self.events))

    def publish_form(self, form: FormDefinition) -> str:
        with self.lock:
            self.events.append((len(self.events) + 1, form))
            return str(len(self.events))

    def script(
        self,
        method: str,
        path: str,
        status: int = 200,
        *,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        lose: bool = False,
        times: int = 1,
    ) -> None:
        with self.lock:
            for _ in range(times):
                self.scripts[(method, path)].append(
                    Scripted(status, dict(headers or {}), body, lose)
                )

    def requests_to(self, path: str, method: str | None = None) -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.path == path and method in (None, r.method)]

    @property
    def cursor(self) -> str:
        with self.lock:
            return str(len(self.events))

    # --- serving -------------------------------------------------------------------------

    def start(self, tls: ssl.SSLContext | None = None) -> None:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        server.daemon_threads = False
        server.block_on_close = True
        scheme = "http"
        if tls is not None:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
            scheme = "https"
        self.server = server
        port = server.server_address[1]
        # A certificate names "localhost"; plain HTTP uses the address itself.
        self.url = f"{scheme}://{'localhost' if tls else '127.0.0.1'}:{port}"
        self.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self.thread is not None:
            self.thread.join()

    # --- protocol v1 -----------------------------------------------------------------------

    def handle(
        self,
        method: str,
        path: str,
        query: dict[str, list[str]],
        headers: dict[str, str],
        body: bytes,
    ) -> tuple[int, dict[str, str], bytes]:
        route = {
            ("GET", "/v1/health"): self._health,
            ("POST", "/v1/devices/enrol"): self._enrol,
            ("GET", "/v1/catalog/changes"): self._changes,
            ("POST", "/v1/outbox"): self._outbox,
            ("POST", "/v1/leases"): self._lease,
        }.get((method, path))
        if route is None and method == "GET" and path.startswith("/v1/dossiers/"):
            if not self._authorised(headers):
                return _error(401, "unauthorised", "unknown or revoked token")
            return self._declaration(path.removeprefix("/v1/dossiers/"))
        if route is None:
            return _error(404, "not_found", f"no route {method} {path}")
        if path not in ("/v1/health", "/v1/devices/enrol") and not self._authorised(headers):
            return _error(401, "unauthorised", "unknown or revoked token")
        return route(query, headers, body)

    def _authorised(self, headers: dict[str, str]) -> bool:
        auth = headers.get("authorization", "")
        if not auth.startswith("Bearer "):
            return False
        with self.lock:
            device = self.tokens.get(auth.removeprefix("Bearer "))
            return device is not None and device not in self.revoked

    def _health(self, *_: Any) -> tuple[int, dict[str, str], bytes]:
        return 200, {}, protocol.encode(protocol.Health(server_time=datetime.now(UTC)))

    def _enrol(self, _q: Any, _h: Any, body: bytes) -> tuple[int, dict[str, str], bytes]:
        try:
            request = protocol.decode(body, protocol.EnrolRequest)
        except (msgspec.ValidationError, msgspec.DecodeError):
            return _error(400, "bad_request", "not an EnrolRequest")
        with self.lock:
            if request.code not in self.codes:
                return _error(409, "code_used", "enrolment code unknown or used")
            self.codes.discard(request.code)
            device, token = uuid.uuid4(), secrets.token_urlsafe(32)
            self.tokens[token] = device
        answer = protocol.EnrolResponse(
            device_id=device, token=token, centre_id=CENTRE_ID, centre_name=CENTRE_NAME
        )
        return 200, {}, protocol.encode(answer)

    def _changes(
        self, query: dict[str, list[str]], headers: dict[str, str], _b: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        raw = query.get("since", ["0"])[0]
        if not raw.isdigit():
            return _error(400, "bad_request", "bad cursor")
        since = int(raw)
        with self.lock:
            current = len(self.events)
            if since > current:
                return _error(400, "bad_request", "cursor from the future")
            if since == current and headers.get("if-none-match") == f'"{current}"':
                return 304, {"ETag": f'"{current}"'}, b""
            newer = [(n, e) for n, e in self.events if n > since]
            catalogues = [e for _, e in newer if isinstance(e, CatalogueFile)]
            page_forms: list[FormDefinition] = []
            cursor = since
            for number, event in newer:
                if isinstance(event, FormDefinition):
                    if len(page_forms) == self.forms_per_page:
                        break
                    page_forms.append(event)
                cursor = number
            more = cursor < current
        latest = [e for _, e in self.events if isinstance(e, CatalogueFile)]
        changes = protocol.CatalogChanges(
            cursor=str(cursor),
            full=since == 0,
            more=more,
            catalogue=latest[-1] if catalogues else None,
            forms=tuple(page_forms),
        )
        return 200, {"ETag": f'"{cursor}"'}, protocol.encode(changes)

    def _outbox(self, _q: Any, _h: Any, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if len(body) > protocol.MAX_REQUEST_BYTES:
            return _error(413, "too_large", "body too large")
        try:
            batch = protocol.decode(body, protocol.OutboxBatch)
        except (msgspec.ValidationError, msgspec.DecodeError):
            return _error(400, "bad_request", "not an OutboxBatch")
        results = []
        with self.lock:
            self.batches.append([item.sequence for item in batch.entries])
            for item in batch.entries:
                self.received.append(item)
                if item.id in self.stored:
                    results.append(protocol.EntryResult(id=item.id, outcome="duplicate"))
                    continue
                refusal = self.refuse_entries.get(item.id) or _payload_problem(item)
                if refusal is not None:
                    results.append(
                        protocol.EntryResult(id=item.id, outcome="rejected", error=refusal)
                    )
                    continue
                self.stored[item.id] = item
                results.append(protocol.EntryResult(id=item.id, outcome="accepted"))
        return 200, {}, protocol.encode(protocol.OutboxResult(results=tuple(results)))

    def _lease(self, _q: Any, _h: Any, body: bytes) -> tuple[int, dict[str, str], bytes]:
        try:
            request = protocol.decode(body, protocol.LeaseRequest)
        except (msgspec.ValidationError, msgspec.DecodeError):
            return _error(400, "bad_request", "not a LeaseRequest")
        key = (request.service_code, request.service_day)
        with self.lock:
            first = self.next_number[key]
            if first > 699:
                return _error(409, "exhausted", "no numbers left")
            last = min(first + request.size - 1, 699)
            self.next_number[key] = last + 1
            lease = protocol.Lease(
                service_code=request.service_code,
                service_day=request.service_day,
                first=first,
                last=last,
            )
            self.leases.append(lease)
        return 200, {}, protocol.encode(lease)

    def _declaration(self, reference: str) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            for item in self.stored.values():
                if item.entity_type == "dossier" and item.payload.get("reference") == reference:
                    status = protocol.DossierStatus(
                        reference=reference, state="received", updated_at=item.created_at
                    )
                    return 200, {}, protocol.encode(status)
        return _error(404, "not_found", "no such declaration")


def _payload_problem(item: protocol.OutboxItem) -> str | None:
    kind = protocol.PAYLOADS.get((item.entity_type, item.operation))
    if kind is None:
        return f"no payload for {item.entity_type}/{item.operation}"
    try:
        protocol.decode(msgspec.json.encode(item.payload), kind)
    except msgspec.ValidationError:
        return f"payload is not a valid {kind.__name__}"
    return None


def _error(status: int, code: str, message: str) -> tuple[int, dict[str, str], bytes]:
    body = protocol.ErrorBody(error=code, message=message)  # type: ignore[arg-type]
    return status, {}, protocol.encode(body)


def _handler_for(double: ProtocolDouble) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            query = parse_qs(parts.query)
            recorded = Recorded(method, parts.path, query, headers, body)
            if double.before_answer is not None:
                double.before_answer(recorded)
            with double.lock:
                double.requests.append(recorded)
                queued = double.scripts.get((method, parts.path))
                scripted = queued.popleft() if queued else None
            if scripted is not None and scripted.lose:
                double.handle(method, parts.path, query, headers, body)
                self.close_connection = True
                return
            if scripted is not None:
                status, extra = scripted.status, scripted.headers
                answer = scripted.body
                if answer is None:
                    answer = (
                        _error(status, _code_for(status), "scripted")[2] if status >= 400 else b""
                    )
            else:
                status, extra, answer = double.handle(method, parts.path, query, headers, body)
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            if status != 304:
                self.wfile.write(answer)

    return Handler


def _code_for(status: int) -> str:
    return {
        400: "bad_request",
        401: "unauthorised",
        403: "forbidden",
        404: "not_found",
        409: "code_used",
        413: "too_large",
        429: "rate_limited",
    }.get(status, "server_error")
