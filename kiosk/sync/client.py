"""The HTTP side of protocol v1: one method per exchange, every answer validated.

Each method sends a protocol struct and returns one decoded strictly with
:mod:`wire.protocol`, or raises a :mod:`kiosk.sync.errors` exception that says
what to do next. A body that does not match the protocol is a :class:`ProtocolError`
and is never half-used. TLS is always verified: against the centre's own CA when
``ca_bundle`` names one, else against the system's trusted roots (via certifi).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import msgspec
import requests

from kiosk import __version__
from kiosk.clock import Clock, utc_now
from kiosk.sync.backoff import parse_retry_after
from kiosk.sync.connection import DEFAULT_TIMEOUTS, Timeouts, check_server_url
from kiosk.sync.errors import (
    BatchTooLargeError,
    EnrolmentCodeError,
    NeedsEnrolmentError,
    NumbersExhaustedOnServerError,
    ProtocolError,
    RequestRefusedError,
    ServerBusyError,
    ServerFailedError,
    ServerUnreachableError,
    TlsError,
)
from wire import protocol
from wire.catalogue import MAX_CATALOGUE_BYTES
from wire.forms import MAX_FORM_BYTES

log = logging.getLogger("kiosk.sync")

T = TypeVar("T", bound=protocol._Wire)

USER_AGENT = f"mot-cua-kiosk/{__version__} (protocol {protocol.PROTOCOL_VERSION})"
#: The largest catalogue feed page read: a whole catalogue and the 20 form versions a
#: page holds at most (``server.feed.PAGE_FORMS``), each at its format's limit. A larger
#: answer is refused before it fills the kiosk's memory.
MAX_CATALOGUE_PAGE_BYTES = MAX_CATALOGUE_BYTES + 20 * MAX_FORM_BYTES
_CHUNK_BYTES = 256 * 1024


class SyncClient:
    """One server, one device token; not shared between threads (nor is its session)."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: Path | None = None,
        timeouts: Timeouts = DEFAULT_TIMEOUTS,
        clock: Clock = utc_now,
    ) -> None:
        self.base_url = check_server_url(base_url)
        self._timeouts = timeouts
        self._clock = clock
        self._session = requests.Session()
        self._session.verify = str(ca_bundle) if ca_bundle is not None else True
        # Not trust_env: a ~/.netrc entry would replace the bearer token with a password.
        # Proxies from the environment (HTTPS_PROXY, NO_PROXY) are still honoured.
        self._session.trust_env = False
        self._session.proxies.update(requests.utils.get_environ_proxies(self.base_url))
        self._session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        if token is not None:
            self._session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the exchanges ----------------------------------------------------------------

    def health(self) -> protocol.Health:
        """``GET /v1/health``: the cheap "is the server there" probe."""
        return self._expect(self._send("GET", "/v1/health"), protocol.Health)

    def enrol(self, request: protocol.EnrolRequest) -> protocol.EnrolResponse:
        response = self._send("POST", "/v1/devices/enrol", body=protocol.encode(request))
        return self._expect(response, protocol.EnrolResponse)

    def catalog_changes(self, since: str | None) -> protocol.CatalogChanges | None:
        """The changes after ``since``; ``None`` when the server says 304 (unchanged)."""
        params = {} if since is None else {"since": since}
        headers = {} if since is None else {"If-None-Match": f'"{since}"'}
        response = self._send(
            "GET", "/v1/catalog/changes", params=params, headers=headers, stream=True
        )
        if response.status_code == 304:
            response.close()
            return None
        return self._decode(
            _read_capped(response, MAX_CATALOGUE_PAGE_BYTES), protocol.CatalogChanges
        )

    def push(self, batch: protocol.OutboxBatch) -> protocol.OutboxResult:
        response = self._send("POST", "/v1/outbox", body=protocol.encode(batch))
        result = self._expect(response, protocol.OutboxResult)
        sent = [entry.id for entry in batch.entries]
        if [outcome.id for outcome in result.results] != sent:
            raise ProtocolError(what="outbox results do not match the entries sent")
        return result

    def lease(self, request: protocol.LeaseRequest) -> protocol.Lease:
        lease = self._expect(
            self._send("POST", "/v1/leases", body=protocol.encode(request)), protocol.Lease
        )
        if (
            lease.service_code != request.service_code
            or lease.service_day != request.service_day
            or lease.first > lease.last
        ):
            raise ProtocolError(what="a lease for another queue, day or an empty range")
        return lease

    def dossier_status(self, reference: str) -> protocol.DossierStatus:
        path = f"/v1/dossiers/{quote(reference, safe='')}"
        return self._expect(self._send("GET", path), protocol.DossierStatus)

    # --- plumbing ---------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        stream: bool = False,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        try:
            response = self._session.request(
                method,
                self.base_url + path,
                data=body,
                params=params,
                headers=all_headers,
                timeout=(self._timeouts.connect_s, self._timeouts.read_s),
                allow_redirects=False,
                stream=stream,
            )
        except requests.exceptions.SSLError as exc:
            log.warning("%s %s: TLS verification failed: %s", method, path, type(exc).__name__)
            raise TlsError() from exc
        except requests.RequestException as exc:
            log.info("%s %s: %s", method, path, type(exc).__name__)
            raise ServerUnreachableError() from exc
        self._raise_for_status(method, path, response)
        return response

    def _raise_for_status(self, method: str, path: str, response: requests.Response) -> None:
        status = response.status_code
        if status < 300 or status == 304:
            return
        error = _error_body(response.content)
        code = error.error if error is not None else f"http_{status}"
        server_message = error.message if error is not None else ""
        log.info("%s %s: HTTP %d %s", method, path, status, code)
        if status == 401:
            raise NeedsEnrolmentError()
        if status in (429, 503):
            retry_after = parse_retry_after(response.headers.get("Retry-After"), self._clock())
            if retry_after is not None or status == 429:
                raise ServerBusyError(retry_after if retry_after is not None else 0.0)
        if status >= 500 or (300 <= status < 400):
            raise ServerFailedError(status=status)
        if code == "code_used":
            raise EnrolmentCodeError(code, status, server_message)
        if code == "too_large" or status == 413:
            raise BatchTooLargeError(code, status, server_message)
        if code == "exhausted":
            raise NumbersExhaustedOnServerError(code, status, server_message)
        raise RequestRefusedError(code, status, server_message)

    def _expect(self, response: requests.Response, kind: type[T]) -> T:
        return self._decode(response.content, kind)

    def _decode(self, content: bytes, kind: type[T]) -> T:
        try:
            return protocol.decode(content, kind)
        except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError) as exc:
            # The reason names a place (``$.results[0].id``), never a value.
            log.warning("answer is not a valid %s: %s", kind.__name__, _where(exc))
            raise ProtocolError(what=kind.__name__) from exc


def _read_capped(response: requests.Response, limit: int) -> bytes:
    """The body, refused as a :class:`ProtocolError` once it passes ``limit`` bytes."""
    with response:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ProtocolError(what=f"an answer larger than {limit} bytes")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(_CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise ProtocolError(what=f"an answer larger than {limit} bytes")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise ServerUnreachableError() from exc
        return b"".join(chunks)


def _error_body(content: bytes) -> protocol.ErrorBody | None:
    try:
        return protocol.decode(content, protocol.ErrorBody)
    except (msgspec.ValidationError, msgspec.DecodeError, UnicodeDecodeError):
        return None


def _where(exc: Exception) -> str:
    text = str(exc)
    _, _, place = text.rpartition(" - at ")
    return place or type(exc).__name__
