"""The protocol v1 endpoints (``wire.protocol`` documents each one).

Every body is read as bytes and decoded with the protocol's structs, strictly, so the
server accepts exactly what the kiosk's client can send; anything else is ``400
bad_request`` and changes nothing. A body nested deeper than
``wire.bounds.MAX_JSON_DEPTH`` is refused so before it is decoded: decoding it would
recurse until the stack ran out. Every endpoint but health and enrolment needs
``Authorization: Bearer <token>`` and sees only the caller's centre.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec
from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath
from sqlalchemy.orm import Session

from server import devices, dossiers, feed, leases, outbox
from server.api.context import ApiContext, note
from server.devices import AuthenticatedDevice
from server.errors import BadRequestError, TooLargeError, UnauthorisedError
from wire.bounds import MAX_JSON_DEPTH, json_too_deep
from wire.protocol import (
    MAX_BATCH_ENTRIES,
    CatalogChanges,
    EnrolRequest,
    Health,
    LeaseRequest,
    OutboxBatch,
    Reference,
)

AnyRequest = Request[Any, Any, Any]
W = TypeVar("W", bound=msgspec.Struct)

_BEARER = re.compile(r"^Bearer ([A-Za-z0-9_\-]{16,128})\Z")


class _EntryCount(msgspec.Struct):
    """Just enough of a batch to tell "too many entries" from a malformed body."""

    entries: list[msgspec.Raw]


def wire(message: msgspec.Struct, *, headers: dict[str, str] | None = None) -> Response[bytes]:
    return Response(
        content=msgspec.json.encode(message),
        status_code=200,
        media_type="application/json",
        headers=headers,
    )


def decode_body(body: bytes, kind: type[W]) -> W:
    if json_too_deep(body):
        raise BadRequestError(f"body: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return msgspec.json.decode(body, type=kind, strict=True)
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise BadRequestError(f"body: {exc}") from None


def _client_address(request: AnyRequest) -> str:
    return request.client.host if request.client else "unknown"


async def authorise(request: AnyRequest, ctx: ApiContext) -> AuthenticatedDevice:
    """The calling kiosk, or ``401``; a failed attempt counts against the address."""
    match = _BEARER.match(request.headers.get("authorization", ""))
    if match is None:
        ctx.limit(f"address:{_client_address(request)}")
        raise UnauthorisedError("missing or malformed bearer token")
    token = match[1]
    try:
        device = await ctx.run(lambda s: devices.authenticate(s, token, now=ctx.clock()))
    except UnauthorisedError:
        ctx.limit(f"address:{_client_address(request)}")
        raise
    note("device", str(device.id))
    ctx.limit(f"device:{device.id}")
    return device


@get("/v1/health")
async def health(ctx: NamedDependency[ApiContext]) -> Response[bytes]:
    return wire(Health(server_time=ctx.clock()))


@post("/v1/devices/enrol")
async def enrol(request: AnyRequest, ctx: NamedDependency[ApiContext]) -> Response[bytes]:
    ctx.limit(f"address:{_client_address(request)}")
    enrolment = decode_body(await request.body(), EnrolRequest)
    # A kiosk enrolling again sends the token it holds: that device is the one replaced.
    held = _BEARER.match(request.headers.get("authorization", ""))
    replacing = held[1] if held else None
    response = await ctx.run(
        lambda s: devices.enrol(s, enrolment, now=ctx.clock(), replacing=replacing)
    )
    note("device", str(response.device_id))
    return wire(response)


@get("/v1/catalog/changes")
async def catalog_changes(request: AnyRequest, ctx: NamedDependency[ApiContext]) -> Response[bytes]:
    device = await authorise(request, ctx)
    since = request.query_params.get("since")
    held = _etags(request.headers.get("if-none-match", ""))

    def read(session: Session) -> CatalogChanges | str:
        head = feed.head_cursor(session, device.centre_id)
        if head in held:
            return head
        return feed.changes(session, device.centre_id, since)

    answer = await ctx.run(read)
    if isinstance(answer, str):
        return Response(content=b"", status_code=304, headers={"ETag": f'"{answer}"'})
    return wire(answer, headers={"ETag": f'"{answer.cursor}"'})


def _etags(header: str) -> set[str]:
    """The cursors an ``If-None-Match`` header names (quoted, weak or bare)."""
    tags = set()
    for part in header.split(","):
        tag = part.strip().removeprefix("W/").strip('"')
        if tag:
            tags.add(tag)
    return tags


@post("/v1/outbox")
async def upload_outbox(request: AnyRequest, ctx: NamedDependency[ApiContext]) -> Response[bytes]:
    device = await authorise(request, ctx)
    body = await request.body()
    try:
        batch = decode_body(body, OutboxBatch)
    except BadRequestError:
        if _too_many_entries(body):
            raise TooLargeError(f"more than {MAX_BATCH_ENTRIES} entries in one batch") from None
        raise
    result = await ctx.run(lambda s: outbox.receive(s, device, batch, now=ctx.clock()))
    return wire(result)


def _too_many_entries(body: bytes) -> bool:
    if json_too_deep(body):
        return False
    try:
        return len(msgspec.json.decode(body, type=_EntryCount).entries) > MAX_BATCH_ENTRIES
    except (msgspec.DecodeError, UnicodeDecodeError):
        return False


@post("/v1/leases")
async def lease_numbers(request: AnyRequest, ctx: NamedDependency[ApiContext]) -> Response[bytes]:
    device = await authorise(request, ctx)
    wanted = decode_body(await request.body(), LeaseRequest)
    lease = await ctx.run(lambda s: leases.grant(s, device, wanted, now=ctx.clock()))
    return wire(lease)


@get("/v1/dossiers/{reference:str}")
async def dossier_status(
    request: AnyRequest, ctx: NamedDependency[ApiContext], reference: FromPath[str]
) -> Response[bytes]:
    device = await authorise(request, ctx)
    try:
        msgspec.convert(reference, Reference)
    except msgspec.ValidationError:
        raise BadRequestError("not a dossier reference") from None
    found = await ctx.run(lambda s: dossiers.status(s, device.centre_id, reference))
    return wire(found)


ROUTES = [health, enrol, catalog_changes, upload_outbox, lease_numbers, dossier_status]
