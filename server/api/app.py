"""The Litestar application: routes, limits, error bodies and one log line per request.

Litestar's own logging set-up is off (it would start a queue-listener thread and
configure loggers behind the server's back); ``server.cli.serve`` configures logging
once for the process. No OpenAPI endpoints are served: the protocol module is the
specification.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from litestar import Litestar
from litestar.di import Provide
from litestar.enums import ScopeType
from litestar.exceptions import HTTPException
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from server.api.context import REQUEST_NOTES, ApiContext, ApiSettings
from server.api.errors import on_http_exception, on_server_error, on_unexpected
from server.api.logs import loggable
from server.api.purging import PeriodicPurge
from server.api.routes import ROUTES
from server.clock import Clock, utc_now
from server.db import Database
from server.errors import ServerError

log = logging.getLogger("server.requests")


def request_log(app: ASGIApp) -> ASGIApp:
    """Method, path, status, time and device: never headers, query strings or bodies.

    The method and path are the client's, escaped (:func:`loggable`).

    The line is written just before the last part of the answer goes out, so it is in
    the log by the time the kiosk has its answer.
    """

    async def logged(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0
        written = False
        notes: dict[str, str] = {}
        token = REQUEST_NOTES.set(notes)

        def write() -> None:
            nonlocal written
            if written:
                return
            written = True
            extra = "".join(f" {key}={value}" for key, value in notes.items())
            log.info(
                "%s %s %d %.1f ms%s",
                loggable(scope.get("method", "?")),
                loggable(scope["path"]),
                status,
                (time.perf_counter() - started) * 1000,
                extra,
            )

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                write()
            await send(message)

        try:
            await app(scope, receive, send_noting_status)
        finally:
            REQUEST_NOTES.reset(token)
            write()

    return logged


def create_app(
    db: Database, settings: ApiSettings | None = None, *, clock: Clock = utc_now
) -> ASGIApp:
    """The API over an open ``db``; its thread pool is shut down when the app stops.

    The request log wraps the whole application, so requests no route answers (a
    scanner's 404s) are logged too.
    """
    context = ApiContext(db, settings or ApiSettings(), clock)
    starting: list[Callable[[], object]] = [context.start]
    stopping: list[Callable[[], object]] = [context.shutdown]
    if context.settings.retention is not None:
        purge = PeriodicPurge(context, context.settings.retention)
        starting.append(purge.start)
        stopping.insert(0, purge.stop)
    app = Litestar(
        route_handlers=ROUTES,
        dependencies={"ctx": Provide(lambda: context, use_cache=True, sync_to_thread=False)},
        exception_handlers={
            ServerError: on_server_error,
            HTTPException: on_http_exception,
            Exception: on_unexpected,
        },
        request_max_body_size=context.settings.max_request_bytes,
        on_startup=starting,
        on_shutdown=stopping,
        logging_config=None,
        openapi_config=None,
        debug=False,
    )
    return request_log(app)
