"""A real network printer on loopback, and a parser for the ESC/POS bytes we send."""

from __future__ import annotations

import os
import select
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PIL import Image

from kiosk.printing.api import PrintDocument, QrBlock, RuleBlock, TextBlock
from kiosk.printing.status import DLE_EOT, QUERY

#: What a printer answers to DLE EOT 1, 2 and 4: online with paper and a closed cover;
#: offline at paper end; offline with the cover open; offline for a cause it does not
#: name; offline with an error (a cutter jam); offline while its feed button is held;
#: with its paper nearly out.
READY = (0x12, 0x12, 0x12)
PAPER_OUT = (0x1A, 0x32, 0x72)
COVER_OPEN = (0x1A, 0x16, 0x12)
OFFLINE = (0x1A, 0x12, 0x12)
ERROR = (0x1A, 0x52, 0x12)
FEED_BUTTON = (0x1A, 0x1A, 0x12)
NEAR_END = (0x12, 0x12, 0x1E)
#: Which answer byte each DLE EOT n takes.
ANSWERS = {1: 0, 2: 1, 4: 2}


def ticket_document() -> PrintDocument:
    return PrintDocument(
        (
            TextBlock("Trung tâm Phục vụ hành chính công", align="centre", bold=True),
            TextBlock("Đăng ký hộ tịch", size="large", align="centre"),
            TextBlock("A-001", size="huge", align="centre", bold=True),
            TextBlock("Quầy 1, 2", size="large", align="centre"),
            TextBlock("10/03/2025 09:05 · Trước bạn: 4 người", align="centre"),
            QrBlock("3f1c9a52-2c1e-4c55-9d9b-7d0f0e6f2a11", caption="Mã phiếu"),
            RuleBlock(),
            TextBlock("Vui lòng chờ gọi số.", size="small", align="centre"),
        ),
        title="ticket-A-001",
    )


@dataclass
class FakeNetworkPrinter:
    """A thermal printer's port 9100, as faithful as needed: it reads the job and
    answers ``DLE EOT 1`` / ``2`` / ``4`` with ``status`` (``None``: never answers).

    ``hang_up_after`` closes the connection once that many bytes of the job (after
    the first status question) have arrived; ``stall_after_status`` stops reading
    once the first question is answered, as a jammed printer does.
    """

    status: tuple[int, int, int] | None = READY
    hang_up_after: int | None = None
    stall_after_status: bool = False
    received: bytearray = field(default_factory=bytearray)
    release: threading.Event = field(default_factory=threading.Event)

    def start(self) -> int:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(5)
        self._thread = threading.Thread(target=self._serve, name="fake-printer")
        self._thread.start()
        port: int = self._listener.getsockname()[1]
        return port

    def stop(self) -> None:
        self.release.set()
        self._thread.join(timeout=5)
        self._listener.close()
        assert not self._thread.is_alive()

    def _serve(self) -> None:
        try:
            conn, _ = self._listener.accept()
        except TimeoutError:
            return
        with conn:
            conn.settimeout(5)
            answered = 0
            scanned = 0
            while True:
                wanted = 65536
                if self.hang_up_after is not None:
                    wanted = max(1, len(QUERY) + self.hang_up_after - len(self.received))
                try:
                    chunk = conn.recv(wanted)
                except OSError:
                    return
                if not chunk:
                    return
                self.received += chunk
                scanned, answers = self._answers(scanned)
                if answers and self.status is not None:
                    conn.sendall(answers)
                    answered += len(answers)
                if self.stall_after_status and answered:
                    self.release.wait(5)
                    return
                if (
                    self.hang_up_after is not None
                    and len(self.received) >= len(QUERY) + self.hang_up_after
                ):
                    return

    def _answers(self, scanned: int) -> tuple[int, bytes]:
        return answers_to(bytes(self.received), scanned, self.status)


def answers_to(data: bytes, scanned: int, status: tuple[int, int, int] | None) -> tuple[int, bytes]:
    """A printer's answers to every complete ``DLE EOT n`` in ``data`` from ``scanned``
    on, and where to look next time (a question may arrive split across two reads)."""
    answers = bytearray()
    while True:
        index = data.find(DLE_EOT, scanned)
        if index == -1:
            return max(scanned, len(data) - 1), bytes(answers)
        if index + 2 >= len(data):
            return index, bytes(answers)
        n = data[index + 2]
        if status is not None and n in ANSWERS:
            answers.append(status[ANSWERS[n]])
        scanned = index + 3


@dataclass
class FakeSerialPrinter:
    """A receipt printer on the other end of a serial line: a pseudo-terminal whose
    device path the kiosk opens with pyserial, as it would ``/dev/ttyUSB0``.

    It reads everything and answers ``DLE EOT 1`` / ``2`` / ``4`` with ``status``
    (``None``: never answers). ``full`` makes it a printer that takes nothing: the
    line's buffer is filled before the kiosk opens it, and nobody reads it.
    """

    status: tuple[int, int, int] | None = READY
    full: bool = False
    received: bytearray = field(default_factory=bytearray)

    def start(self) -> str:
        self._master, self._slave = os.openpty()
        self._stop = threading.Event()
        if self.full:
            os.set_blocking(self._slave, False)
            try:
                while os.write(self._slave, bytes(4096)):
                    pass
            except BlockingIOError:
                pass
        else:
            self._thread = threading.Thread(target=self._serve, name="fake-serial-printer")
            self._thread.start()
        return os.ttyname(self._slave)

    def stop(self) -> None:
        """Stops reading and closes the line; again is a no-op."""
        if self._stop.is_set():
            return
        self._stop.set()
        if hasattr(self, "_thread"):
            self._thread.join(timeout=5)
            assert not self._thread.is_alive()
            # What the kiosk wrote last may still be on the line: take it all.
            while select.select([self._master], [], [], 0.1)[0]:
                self.received += os.read(self._master, 65536)
        os.close(self._slave)
        os.close(self._master)

    def _serve(self) -> None:
        scanned = 0
        while not self._stop.is_set():
            readable, _, _ = select.select([self._master], [], [], 0.02)
            if not readable:
                continue
            try:
                chunk = os.read(self._master, 65536)
            except OSError:
                return
            self.received += chunk
            scanned, answers = answers_to(bytes(self.received), scanned, self.status)
            if answers and self.status is not None:
                os.write(self._master, answers)


@pytest.fixture
def fake_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    if hasattr(printer, "_thread"):
        printer.stop()


@pytest.fixture
def fake_serial_printer() -> Iterator[FakeSerialPrinter]:
    printer = FakeSerialPrinter()
    yield printer
    if hasattr(printer, "_master"):
        printer.stop()


@dataclass(frozen=True)
class Band:
    """One ``GS v 0`` command: ``m`` 0 (normal) or 3 (double width and height)."""

    mode: int
    width_bytes: int
    #: Raster rows sent; a doubled band prints twice as many dot rows.
    height: int
    rows: list[bytes]

    @property
    def printed_rows(self) -> int:
        return self.height * (2 if self.mode == 3 else 1)


@dataclass(frozen=True)
class ParsedJob:
    raster: list[Band]
    cut: bytes
    #: What the paper shows, decoded the way a printer prints the raster commands.
    image: Image.Image

    @property
    def bands(self) -> list[tuple[int, int]]:
        """(bytes per row sent, dot rows printed) of each band, in order."""
        return [(band.width_bytes, band.printed_rows) for band in self.raster]

    @property
    def rows(self) -> list[bytes]:
        """Every raster row as sent, in order."""
        return [row for band in self.raster for row in band.rows]


def parse_escpos(data: bytes, dots: int | None = None) -> ParsedJob:
    """Walk the job command by command; anything unexpected fails the test.

    ``dots``: the paper's print line (default: the widest band's), the decoded
    image's width.
    """
    assert data[:2] == b"\x1b@", "starts with ESC @ (initialise)"
    position = 2
    raster: list[Band] = []
    while data[position : position + 3] == b"\x1dv0":
        mode = data[position + 3]
        assert mode in (0, 3), "normal density, or double width and height"
        width_bytes = int.from_bytes(data[position + 4 : position + 6], "little")
        height = int.from_bytes(data[position + 6 : position + 8], "little")
        assert width_bytes >= 1
        assert 1 <= height <= 255
        position += 8
        rows = [
            data[position + row * width_bytes : position + (row + 1) * width_bytes]
            for row in range(height)
        ]
        position += width_bytes * height
        raster.append(Band(mode, width_bytes, height, rows))
    assert raster, "at least one raster image"
    assert data[position : position + 2] == b"\x1bd", "feeds past the cutter (ESC d n)"
    position += 3
    cut = data[position:]
    assert cut[:2] == b"\x1dV", "ends with a cut (GS V m)"
    assert len(cut) == 3
    width = dots or max(band.width_bytes * 8 * (2 if band.mode == 3 else 1) for band in raster)
    return ParsedJob(raster, cut, _decode(raster, width))


def _decode(raster: list[Band], width: int) -> Image.Image:
    """The printed dots: each band from the left edge, a doubled band's dots as 2×2."""
    image = Image.new("1", (width, sum(band.printed_rows for band in raster)), 1)
    top = 0
    for band in raster:
        scale = 2 if band.mode == 3 else 1
        drawn = Image.frombytes(
            "1", (band.width_bytes * 8, band.height), b"".join(band.rows).translate(INVERT)
        )
        if scale == 2:
            drawn = drawn.resize((drawn.width * 2, drawn.height * 2), Image.Resampling.NEAREST)
        assert drawn.width <= width, "no band is wider than the paper"
        image.paste(drawn, (0, top))
        top += drawn.height
    return image


#: Raster bytes have black as 1; a PIL "1" image packs white as 1.
INVERT = bytes(255 - value for value in range(256))
