"""Running the API under uvicorn on a socket the caller bound.

Binding first lets ``--port 0`` work (the real port is known before the first
request) and lets tests run a real server on loopback without racing for a port.
uvicorn's own logging set-up and access log are off: the API logs one line per
request itself, without query strings or tokens.
"""

from __future__ import annotations

import logging
import os
import socket

import uvicorn
from litestar.types import ASGIApp


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port`` 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY only on sockets whose proto
    # says TCP, and without it every request on a kept-alive connection waits ~40 ms
    # for Nagle's algorithm and the peer's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":  # on Windows it would let another process take the port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def uvicorn_server(app: ASGIApp) -> uvicorn.Server:
    """A uvicorn server for ``app``; run it with ``.run(sockets=[bind(...)])``."""
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        server_header=False,
        lifespan="on",
        # Behind nginx on the same machine, the client's address comes from
        # X-Forwarded-For (uvicorn trusts it from 127.0.0.1 only, by default).
        proxy_headers=True,
        timeout_graceful_shutdown=10,
    )
    # uvicorn writes an access line whenever its logger has a handler, whatever
    # ``access_log`` says, and with the query string: off for good, whoever configures
    # logging in the process.
    logging.getLogger("uvicorn.access").disabled = True
    return uvicorn.Server(config)
