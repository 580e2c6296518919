"""A fault-injecting HTTP proxy on loopback, between a kiosk's sync client and its server.

It speaks just enough HTTP/1.1 to know where each request and each answer ends
(``Content-Length`` bodies, which is what both ends of protocol v1 send), so a fault
lands on one whole request, on kept-alive connections too:

- :attr:`Fault.DOWN`: the server is gone. The connection of the request that trips it
  is reset, and new connections are refused (the listening socket is closed) until
  :meth:`FaultProxy.clear`; the address stays the same.
- :attr:`Fault.ERROR`: the proxy answers ``500`` itself; the server never sees it.
- :attr:`Fault.ERROR_AFTER`: the server handles the request, the kiosk gets ``500``.
- :attr:`Fault.CUT`: the server handles the request, the kiosk gets the status line,
  the headers and half the body, then the connection closes (an answer lost in
  transit: the case idempotent uploads exist for).
- :attr:`Fault.HANG`: the request is read and never forwarded nor answered; only the
  client's read timeout ends the wait.

:meth:`FaultProxy.inject` arms a fault for the next ``times`` matching requests (every
one until cleared when ``times`` is ``None``) after letting ``after`` of them through;
``path`` limits it to requests whose path starts with it. ``answer_delay_s`` holds
every answer that long, so a process killed at a random moment is likely to be
killed while waiting for one. Every thread is joined by :meth:`FaultProxy.stop`.
"""

from __future__ import annotations

import enum
import select
import socket
import struct
import threading
from contextlib import suppress
from dataclasses import dataclass

POLL_S = 0.02
_ERROR_BODY = b'{"error":"server_error","message":"injected by the fault proxy"}'
ERROR_ANSWER = (
    b"HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n"
    b"content-length: %d\r\n\r\n%s" % (len(_ERROR_BODY), _ERROR_BODY)
)


class Fault(enum.Enum):
    DOWN = "down"
    ERROR = "error"
    ERROR_AFTER = "error_after"
    CUT = "cut"
    HANG = "hang"


@dataclass
class _Armed:
    fault: Fault
    after: int
    times: int | None
    path: str | None


class _MessageReader:
    """Whole HTTP messages from one socket, kept-alive connections included."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buffer = b""

    def message(self, *, answer_to: bytes | None = None) -> tuple[bytes, int] | None:
        """The next message and the length of its head; ``None`` once the peer closed.

        ``answer_to`` is the request line an answer belongs to (a ``HEAD`` answer,
        a ``304`` or a ``204`` has no body whatever its headers say).
        """
        while b"\r\n\r\n" not in self._buffer:
            if not self._fill():
                return None
        end = self._buffer.index(b"\r\n\r\n") + 4
        head = self._buffer[:end]
        length = _body_length(head, answer_to)
        while len(self._buffer) < end + length:
            if not self._fill():
                return None
        message, self._buffer = self._buffer[: end + length], self._buffer[end + length :]
        return message, end

    def wait_closed(self) -> None:
        """Block until the peer closes (or the proxy stops and shuts the socket)."""
        while self._fill():
            pass

    def _fill(self) -> bool:
        try:
            data = self._sock.recv(65536)
        except OSError:
            return False
        self._buffer += data
        return bool(data)


def _body_length(head: bytes, answer_to: bytes | None) -> int:
    lines = head.split(b"\r\n")
    if answer_to is not None:
        status = int(lines[0].split()[1])
        if answer_to.startswith(b"HEAD ") or status in (204, 304) or status < 200:
            return 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"transfer-encoding":
            raise ValueError("the fault proxy does not relay chunked bodies")
        if name == b"content-length":
            return int(value.strip())
    return 0


def _request_path(request: bytes) -> str:
    target = request.split(b"\r\n", 1)[0].split()[1].decode("ascii", "replace")
    return target.split("?", 1)[0]


def _reset(sock: socket.socket) -> None:
    """Close with an RST, as a crashed server's kernel would."""
    with suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def _shut(sock: socket.socket) -> None:
    with suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class FaultProxy:
    """Listens on ``127.0.0.1`` and relays to ``127.0.0.1:upstream_port``."""

    def __init__(self, upstream_port: int, *, answer_delay_s: float = 0.0) -> None:
        self._upstream_port = upstream_port
        self._answer_delay_s = answer_delay_s
        self._listener: socket.socket | None = self._listen(0)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._armed: _Armed | None = None
        self._down = False
        self._listening = True
        self._sockets: set[socket.socket] = set()
        self._handlers: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        #: Requests read from kiosks, and faults applied to them.
        self.requests = 0
        self.faults = 0

    # --- control ----------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._acceptor.start()
        return self

    def stop(self) -> None:
        """Close every connection and join every thread."""
        self._stop.set()
        self._acceptor.join()
        with self._lock:
            for sock in self._sockets:
                _shut(sock)
            handlers = list(self._handlers)
        for handler in handlers:
            handler.join()
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def inject(
        self, fault: Fault, *, after: int = 0, times: int | None = None, path: str | None = None
    ) -> None:
        """Arm ``fault`` for the matching requests after the next ``after`` of them."""
        with self._lock:
            self._armed = _Armed(fault, after, times, path)
        if fault is Fault.DOWN and after == 0 and path is None:
            self._go_down()
            self._await_listening(False)

    def clear(self) -> None:
        """Pass everything through again; a server that was down is back on the same port."""
        with self._lock:
            self._armed = None
            self._down = False
        self._await_listening(True)

    def _await_listening(self, listening: bool) -> None:
        with self._lock:
            if not self._lock.wait_for(lambda: self._listening is listening, timeout=10):
                raise RuntimeError("the fault proxy's listener did not follow")

    def wait_for_requests(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` requests in all were read; ``False`` on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self.requests >= count, timeout)

    # --- the threads ------------------------------------------------------------------

    def _listen(self, port: int) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(64)
        return sock

    def _accept(self) -> None:
        while not self._stop.is_set():
            with self._lock:
                down = self._down
            if down and self._listener is not None:
                self._listener.close()  # refused from now on
                self._listener = None
                self._set_listening(False)
            elif not down and self._listener is None:
                self._listener = self._listen(self.port)
                self._set_listening(True)
            if self._listener is None:
                self._stop.wait(POLL_S)
                continue
            ready, _, _ = select.select([self._listener], [], [], POLL_S)
            if not ready:
                continue
            client, _ = self._listener.accept()
            with self._lock:
                if self._down:
                    _reset(client)
                    continue
                self._sockets.add(client)
                handler = threading.Thread(
                    target=self._serve, args=(client,), name="fault-proxy-conn", daemon=True
                )
                self._handlers = [thread for thread in self._handlers if thread.is_alive()]
                self._handlers.append(handler)
            handler.start()

    def _set_listening(self, listening: bool) -> None:
        with self._lock:
            self._listening = listening
            self._lock.notify_all()

    def _go_down(self, tripped_by: socket.socket | None = None) -> None:
        """Drop every connection (the one that tripped it with an RST) and stop listening."""
        with self._lock:
            self._down = True
            for sock in self._sockets:
                if sock is tripped_by:
                    with suppress(OSError):
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                else:
                    _shut(sock)

    def _fault_for(self, request: bytes) -> Fault | None:
        """Count the request and say which fault, if any, it meets."""
        with self._lock:
            self.requests += 1
            self._lock.notify_all()
            armed = self._armed
            if armed is None or (
                armed.path is not None and not _request_path(request).startswith(armed.path)
            ):
                return None
            if armed.after > 0:
                armed.after -= 1
                return None
            if armed.times is not None:
                armed.times -= 1
                if armed.times <= 0:
                    self._armed = None
            self.faults += 1
            return armed.fault

    def _serve(self, client: socket.socket) -> None:
        link = _Link(client)
        try:
            while not self._stop.is_set() and self._relay_one(link):
                pass
        except OSError:
            pass  # the kiosk or the server went away mid-message
        finally:
            with self._lock:
                for sock in (client, link.upstream):
                    if sock is not None:
                        self._sockets.discard(sock)
                        sock.close()

    def _relay_one(self, link: _Link) -> bool:
        """One request and its answer, or its fault; ``False`` once the connection is done."""
        read = link.requests.message()
        if read is None:
            return False
        request, _ = read
        fault = self._fault_for(request)
        if fault is Fault.DOWN:
            self._go_down(tripped_by=link.client)
            return False
        if fault is Fault.HANG:
            link.requests.wait_closed()
            return False
        if fault is Fault.ERROR:
            link.client.sendall(ERROR_ANSWER)
            return True
        answered = self._forward(link, request)
        if answered is None or (self._answer_delay_s and self._stop.wait(self._answer_delay_s)):
            return False
        return self._answer(link.client, fault, *answered)

    def _forward(self, link: _Link, request: bytes) -> tuple[bytes, int] | None:
        """The server's whole answer to ``request`` and its head's length."""
        if link.upstream is None or link.answers is None:
            upstream = socket.create_connection(("127.0.0.1", self._upstream_port))
            with self._lock:
                self._sockets.add(upstream)
            link.upstream, link.answers = upstream, _MessageReader(upstream)
        link.upstream.sendall(request)
        return link.answers.message(answer_to=request.split(b"\r\n", 1)[0])

    @staticmethod
    def _answer(client: socket.socket, fault: Fault | None, answer: bytes, head: int) -> bool:
        if fault is Fault.ERROR_AFTER:
            client.sendall(ERROR_ANSWER)
            return True
        if fault is Fault.CUT:
            body = len(answer) - head
            client.sendall(answer[: head + body // 2 if body else head // 2])
            return False
        client.sendall(answer)
        return True


class _Link:
    """One kiosk connection, and the server connection opened for it."""

    def __init__(self, client: socket.socket) -> None:
        self.client = client
        self.requests = _MessageReader(client)
        self.upstream: socket.socket | None = None
        self.answers: _MessageReader | None = None
