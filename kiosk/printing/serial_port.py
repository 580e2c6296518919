"""A printer on a serial port (``serial:/dev/ttyUSB0``, ``serial:COM3``), through pyserial.

pyserial directly rather than python-escpos's ``Serial``, which has no write timeout
(a printer that stops taking data would hang the kiosk's print worker for good) and
reads status 16 bytes at a time (so every status question waited the full timeout
for bytes that never come). Here:

- a write gives up after ``timeout`` plus the time the line needs for the job at its
  baud rate (:func:`kiosk.printing.speed.ticket_seconds`), then takes the usual fault
  path as :class:`PrinterTimeoutError`;
- status is read exactly as long as the answer, so a printer that answers costs no wait.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.printing.api import PrintJob
from kiosk.printing.errors import (
    PrinterDisconnectedError,
    PrinterError,
    PrinterTimeoutError,
    PrinterUnavailableError,
)
from kiosk.printing.speed import ticket_seconds
from kiosk.printing.status import (
    ANSWER_LENGTH,
    QUERY,
    PrinterStatus,
    StatusAskingPrinter,
    parse_status,
)

log = logging.getLogger("kiosk.print")


class SerialPrinter(StatusAskingPrinter):
    """Opens the port per job; with ``status=on`` asks DLE EOT status before and after it."""

    def send(self, job: PrintJob) -> None:
        serial = _pyserial(self.uri)
        # The whole job must fit through the line in this time: ``write`` blocks until
        # the OS has taken every byte, and a printer holding the line (flow control)
        # or a full buffer that nobody reads stops it taking them.
        line_s = ticket_seconds(self._uri.baud, len(job.data))
        write_timeout = self._uri.timeout_s + line_s
        port = self._open(write_timeout)
        try:
            self.last_status = self._ask(port, before_job=True) if self._uri.status else None
            try:
                port.write(job.data)
            except serial.SerialTimeoutException:
                raise PrinterTimeoutError(
                    uri=self.uri, detail=f"no data taken for {write_timeout:.1f} s"
                ) from None
            except (serial.SerialException, OSError) as exc:
                raise PrinterDisconnectedError(uri=self.uri, detail=_describe(exc)) from None
            if self.last_status is not None:
                # The answer comes once the printer has read the job: allow for the
                # bytes still in the OS's buffers to cross the line.
                port.timeout = self._uri.timeout_s + line_s
                self._ask(port, before_job=False)
        finally:
            _close_quietly(port)

    def read_status(self) -> PrinterStatus | None:
        """Open the port and ask once, sending no job: what the printer says, or
        ``None`` when it does not answer within ``timeout`` (or answers something
        else). Raises ``PrinterUnavailableError`` when the port cannot be opened, and
        ``PrinterTimeoutError`` when the line takes no data. For the probe."""
        serial = _pyserial(self.uri)
        port = self._open(self._uri.timeout_s)
        try:
            port.write(QUERY)
            answer: bytes = port.read(ANSWER_LENGTH)
        except serial.SerialTimeoutException:
            raise PrinterTimeoutError(
                uri=self.uri, detail="the status question was not taken"
            ) from None
        except (serial.SerialException, OSError) as exc:
            raise PrinterUnavailableError(uri=self.uri, detail=_describe(exc)) from None
        finally:
            _close_quietly(port)
        if len(answer) < ANSWER_LENGTH:
            return None
        try:
            return parse_status(answer, self.uri)
        except PrinterError as exc:
            log.warning("%s: %s", self.uri, exc.detail)
            return None

    def _open(self, write_timeout: float) -> Any:
        serial = _pyserial(self.uri)
        try:
            return serial.Serial(
                port=self._uri.target,
                baudrate=self._uri.baud,
                timeout=self._uri.timeout_s,
                write_timeout=write_timeout,
                # Hardware flow control, as python-escpos sets it: receipt printers
                # hold DTR/DSR while their buffer is full.
                dsrdtr=True,
            )
        except (ValueError, serial.SerialException, OSError) as exc:
            raise PrinterUnavailableError(uri=self.uri, detail=_describe(exc)) from None

    def _ask(self, port: Any, *, before_job: bool) -> PrinterStatus | None:
        """The printer's status; raises its fault. ``None``: it does not answer."""
        serial = _pyserial(self.uri)
        fault = PrinterUnavailableError if before_job else PrinterDisconnectedError
        try:
            # Answers already waiting are to DLE EOT look-alikes in earlier image data.
            port.reset_input_buffer()
            port.write(QUERY)
            answer: bytes = port.read(ANSWER_LENGTH)
        except serial.SerialTimeoutException:
            raise PrinterTimeoutError(
                uri=self.uri, detail="the status question was not taken"
            ) from None
        except (serial.SerialException, OSError) as exc:
            raise fault(uri=self.uri, detail=_describe(exc)) from None
        if len(answer) < ANSWER_LENGTH:
            if before_job:
                log.warning("%s did not answer DLE EOT status; set status=off", self.uri)
                return None
            raise PrinterTimeoutError(uri=self.uri, detail="no status answer after the job")
        try:
            status = parse_status(answer, self.uri)
        except PrinterError as exc:
            log.warning("%s: %s", self.uri, exc.detail)
            return None
        status.raise_fault(self.uri)
        return status


def _pyserial(uri: str) -> Any:
    """The ``serial`` module (pyserial), imported on first use."""
    try:
        # WORKAROUND: pyserial ships no type hints.
        import serial  # type: ignore[import-untyped]
    except ImportError:
        raise PrinterUnavailableError(uri=uri, detail="pyserial is not installed") from None
    return serial


def _close_quietly(port: Any) -> None:
    try:
        port.close()
    except Exception:
        log.debug("closing the serial port failed", exc_info=True)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".strip().rstrip(":")
