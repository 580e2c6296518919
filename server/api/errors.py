"""Every failure answered as a protocol ``ErrorBody``, never a stack trace.

Litestar's own exceptions (unknown route, wrong method, body too large, a bad path
parameter) are mapped onto the protocol's error codes; anything unexpected is logged
with its traceback (but not its message, which could quote a citizen's data from a
database error) and answered ``500 server_error``.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, MethodNotAllowedException, NotFoundException
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from sqlalchemy.exc import DBAPIError

from server.api.logs import loggable
from server.errors import RateLimitedError, ServerError
from wire.protocol import ErrorBody, ErrorCode, encode

log = logging.getLogger("server.api")

STATUS: dict[ErrorCode, int] = {
    "bad_request": 400,
    "unauthorised": 401,
    "forbidden": 403,
    "not_found": 404,
    "code_used": 403,
    "too_large": 413,
    "rate_limited": 429,
    "exhausted": 409,
    "kiosk_number_taken": 409,
    "server_error": 500,
}

AnyRequest = Request[Any, Any, Any]


def error_response(
    code: ErrorCode,
    message: str,
    *,
    status: int | None = None,
    headers: dict[str, str] | None = None,
) -> Response[bytes]:
    return Response(
        content=encode(ErrorBody(error=code, message=message[:200])),
        status_code=STATUS[code] if status is None else status,
        media_type="application/json",
        headers=headers,
    )


def on_server_error(_request: AnyRequest, exc: ServerError) -> Response[bytes]:
    headers = None
    if isinstance(exc, RateLimitedError):
        headers = {"Retry-After": str(exc.retry_after_s)}
    return error_response(exc.code, exc.message, headers=headers)


def on_http_exception(_request: AnyRequest, exc: HTTPException) -> Response[bytes]:
    if isinstance(exc, NotFoundException):
        return error_response("not_found", "no such endpoint")
    if isinstance(exc, MethodNotAllowedException):
        return error_response("bad_request", "method not allowed", status=405)
    if isinstance(exc, RequestEntityTooLarge):
        return error_response("too_large", "request body too large")
    if exc.status_code >= 500:
        return error_response("server_error", "internal error")
    return error_response("bad_request", _short(exc.detail), status=exc.status_code)


def on_unexpected(request: AnyRequest, exc: Exception) -> Response[bytes]:
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error(
        "unexpected %s in %s %s%s\n%s",
        type(exc).__name__,
        loggable(request.method),
        loggable(request.url.path),
        _database_reason(exc),
        frames,
    )
    return error_response("server_error", "internal error")


def _database_reason(exc: Exception) -> str:
    """The driver's first line ("connection refused", "deadlock detected"), which says
    what went wrong without the statement's parameters (SQLAlchemy's own message
    quotes them, and they can be a citizen's answers)."""
    if not isinstance(exc, DBAPIError) or exc.orig is None:
        return ""
    first_line = str(exc.orig).strip().splitlines()[:1]
    return f": {type(exc.orig).__name__}: {first_line[0][:200]}" if first_line else ""


def _short(detail: str) -> str:
    first_line = (detail or "bad request").splitlines()[0]
    return first_line[:200]
