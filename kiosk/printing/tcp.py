"""A network printer on a raw TCP port (9100, "JetDirect"), over a plain socket.

A plain socket rather than python-escpos's ``Network``: we need to tell a closed port,
a timeout and a hang-up apart, and to read the status answers with our own deadline.
"""

from __future__ import annotations

import logging
import socket

from kiosk.printing.api import PrintJob
from kiosk.printing.errors import (
    PrinterDisconnectedError,
    PrinterError,
    PrinterTimeoutError,
    PrinterUnavailableError,
)
from kiosk.printing.status import (
    ANSWER_LENGTH,
    QUERY,
    PrinterStatus,
    StatusAskingPrinter,
    parse_status,
)

log = logging.getLogger("kiosk.print")


class TcpPrinter(StatusAskingPrinter):
    """Connects per job; with ``status=on`` asks DLE EOT status before and after it.

    The answer after the job is what makes a hang-up reliable to see: ``sendall``
    returns as soon as the bytes are in our kernel's buffers, but the printer answers
    only once it has read everything sent before the question.
    """

    def send(self, job: PrintJob) -> None:
        with self._connect() as sock:
            self.last_status = self._ask(sock, before_job=True) if self._uri.status else None
            try:
                sock.sendall(job.data)
            except TimeoutError:
                raise PrinterTimeoutError(
                    uri=self.uri, detail=f"no data taken for {self._uri.timeout_s:g} s"
                ) from None
            except OSError as exc:
                raise PrinterDisconnectedError(uri=self.uri, detail=_reason(exc)) from None
            if self.last_status is not None:
                self._ask(sock, before_job=False)

    def read_status(self) -> PrinterStatus | None:
        """Connect and ask once, sending no job: what the printer says, or ``None`` when
        it does not answer within ``timeout`` (or answers something else). Raises
        ``PrinterUnavailableError`` when it cannot be reached. For the probe."""
        with self._connect() as sock:
            try:
                sock.sendall(QUERY)
                answer = _read_answer(sock)
            except TimeoutError:
                return None
            except OSError as exc:
                raise PrinterUnavailableError(uri=self.uri, detail=_reason(exc)) from None
        if not answer:
            raise PrinterUnavailableError(uri=self.uri, detail="the printer closed the connection")
        try:
            return parse_status(answer, self.uri)
        except PrinterError as exc:
            log.warning("%s: %s", self.uri, exc.detail)
            return None

    def _connect(self) -> socket.socket:
        address = (self._uri.target, self._uri.port)
        try:
            return socket.create_connection(address, timeout=self._uri.timeout_s)
        except TimeoutError:
            detail = f"no answer within {self._uri.timeout_s:g} s"
        except OSError as exc:
            detail = _reason(exc)
        raise PrinterUnavailableError(uri=self.uri, detail=detail)

    def _ask(self, sock: socket.socket, *, before_job: bool) -> PrinterStatus | None:
        """The printer's status; raises its fault. ``None``: it does not answer."""
        fault = PrinterUnavailableError if before_job else PrinterDisconnectedError
        try:
            if not before_job:
                _drain(sock)
            sock.sendall(QUERY)
            answer = _read_answer(sock)
        except TimeoutError:
            if before_job:
                log.warning("%s did not answer DLE EOT status; set status=off", self.uri)
                return None
            raise PrinterTimeoutError(
                uri=self.uri, detail="no status answer after the job"
            ) from None
        except OSError as exc:
            raise fault(uri=self.uri, detail=_reason(exc)) from None
        if not answer:
            raise fault(uri=self.uri, detail="the printer closed the connection")
        try:
            status = parse_status(answer, self.uri)
        except PrinterError as exc:
            log.warning("%s: %s", self.uri, exc.detail)
            return None
        status.raise_fault(self.uri)
        return status


def _read_answer(sock: socket.socket) -> bytes:
    """The status answer; ``b""`` when the connection closed first.

    Keeps the last two bytes: a printer also answers a ``DLE EOT n`` that happens to
    occur inside the image data, and those answers come first.
    """
    received = b""
    while len(received) < ANSWER_LENGTH:
        chunk = sock.recv(64)
        if not chunk:
            return b""
        received += chunk
    return received[-ANSWER_LENGTH:]


def _drain(sock: socket.socket) -> None:
    """Drop answers already waiting: replies to DLE EOT look-alikes in the image data."""
    timeout = sock.gettimeout()
    sock.setblocking(False)
    try:
        while sock.recv(4096):
            pass
    except BlockingIOError:
        pass
    finally:
        sock.settimeout(timeout)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
