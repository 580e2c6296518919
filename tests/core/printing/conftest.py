"""A real network printer on loopback, and a parser for the ESC/POS bytes we send."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from kiosk.printing.api import PrintDocument, QrBlock, RuleBlock, TextBlock
from kiosk.printing.status import DLE_EOT, QUERY

#: What a printer with paper and a closed cover answers to DLE EOT 2 and DLE EOT 4.
READY = (0x12, 0x12)
PAPER_OUT = (0x32, 0x72)
COVER_OPEN = (0x16, 0x12)


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
    answers ``DLE EOT 2`` / ``DLE EOT 4`` with ``status`` (``None``: never answers).

    ``hang_up_after`` closes the connection once that many bytes of the job (after
    the first status question) have arrived; ``stall_after_status`` stops reading
    once the first question is answered, as a jammed printer does.
    """

    status: tuple[int, int] | None = READY
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
        """Answers to every complete ``DLE EOT n`` from ``scanned`` on, and where to
        look next time (a question may arrive split across two reads)."""
        data = bytes(self.received)
        answers = bytearray()
        while True:
            index = data.find(DLE_EOT, scanned)
            if index == -1:
                return max(scanned, len(data) - 1), bytes(answers)
            if index + 2 >= len(data):
                return index, bytes(answers)
            n = data[index + 2]
            if self.status is not None and n in (2, 4):
                answers.append(self.status[0] if n == 2 else self.status[1])
            scanned = index + 3


@pytest.fixture
def fake_printer() -> Iterator[FakeNetworkPrinter]:
    printer = FakeNetworkPrinter()
    yield printer
    if hasattr(printer, "_thread"):
        printer.stop()


@dataclass(frozen=True)
class ParsedJob:
    #: (bytes per row, rows) of each ``GS v 0`` band, in order.
    bands: list[tuple[int, int]]
    rows: list[bytes]
    cut: bytes


def parse_escpos(data: bytes) -> ParsedJob:
    """Walk the job command by command; anything unexpected fails the test."""
    assert data[:2] == b"\x1b@", "starts with ESC @ (initialise)"
    position = 2
    bands: list[tuple[int, int]] = []
    rows: list[bytes] = []
    while data[position : position + 3] == b"\x1dv0":
        mode = data[position + 3]
        assert mode == 0, "normal density"
        width_bytes = int.from_bytes(data[position + 4 : position + 6], "little")
        height = int.from_bytes(data[position + 6 : position + 8], "little")
        position += 8
        for _ in range(height):
            rows.append(data[position : position + width_bytes])
            position += width_bytes
        bands.append((width_bytes, height))
    assert bands, "at least one raster image"
    assert data[position : position + 2] == b"\x1bd", "feeds past the cutter (ESC d n)"
    position += 3
    cut = data[position:]
    assert cut[:2] == b"\x1dV", "ends with a cut (GS V m)"
    assert len(cut) == 3
    return ParsedJob(bands, rows, cut)
