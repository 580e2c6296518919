"""The bytes a printer receives: initialise, raster bands, cut; few bytes, every dot kept.

Each job is decoded the way a printer prints it (``parse_escpos``: every ``GS v 0``
band from the left edge, a double-size band's dots as 2×2 squares) and compared with
the slip as rendered, dot for dot.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops

from kiosk.printing.api import PAPER_58, PAPER_80, PaperProfile, PrintDocument, TextBlock
from kiosk.printing.escpos import escpos_bytes
from kiosk.printing.render import font, render, render_raster
from kiosk.printing.service import PrintService
from kiosk.queue.api import IssuedTicket
from kiosk.queue.layout import ticket_document as queue_ticket
from tests.core.printing.conftest import parse_escpos, ticket_document

PROFILES = pytest.mark.parametrize("profile", [PAPER_80, PAPER_58], ids=["80mm", "58mm"])
#: What ``bench ticket`` holds an 80 mm ticket to (docs/printing.md): under 21 s at 9600 baud.
TICKET_BUDGET = 20_000
QR_DATA = "3f1c9a52-2c1e-4c55-9d9b-7d0f0e6f2a11"


def identical(one: Image.Image, other: Image.Image) -> bool:
    return one.size == other.size and not ImageChops.logical_xor(one, other).getbbox()


def issued(*, priority: bool = False, reference: str | None = None) -> IssuedTicket:
    return IssuedTicket(
        id=uuid.UUID(QR_DATA),
        service_code="C",
        service_name="Chứng thực bản sao, chữ ký, hợp đồng",
        number=128,
        label="C-128",
        counters=(3, 4, 12),
        service_day=date(2025, 3, 10),
        issued_at=datetime(2025, 3, 10, 2, 5, tzinfo=UTC),
        people_ahead=17,
        priority=priority,
        declaration_reference=reference,
        print_status="pending",
    )


@PROFILES
def test_a_ticket_decodes_to_exactly_the_slip_rendered(profile: PaperProfile) -> None:
    job = PrintService(f"file:?paper={profile.name}", Path()).job(ticket_document())
    parsed = parse_escpos(job.data, profile.dots)
    assert identical(parsed.image, job.image)
    assert all(band.width_bytes <= profile.dots // 8 for band in parsed.raster)
    assert all(band.height <= 255 for band in parsed.raster)
    assert parsed.cut == b"\x1dV\x00"


@PROFILES
def test_only_the_number_the_qr_code_and_the_rule_go_double_size(profile: PaperProfile) -> None:
    raster = render_raster(ticket_document(), profile)
    parsed = parse_escpos(escpos_bytes(raster.image, profile, raster.doubled), profile.dots)
    top, doubled_rows = 0, []
    for band in parsed.raster:
        if band.mode == 3:
            doubled_rows.append((top, top + band.printed_rows))
        top += band.printed_rows
    # Three spans (the number, the QR code, the rule), each possibly in several bands.
    spans: list[tuple[int, int]] = []
    for start, stop in doubled_rows:
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], stop)
        else:
            spans.append((start, stop))
    assert spans == list(raster.doubled)
    assert len(spans) == 3


@PROFILES
def test_every_text_line_prints_dot_for_dot_at_full_resolution(profile: PaperProfile) -> None:
    """Each smaller text of the ticket, rendered alone at full resolution, is found
    whole in the decoded printout: no mark of "Phục", "Quầy", "người" is lost."""
    document = ticket_document()
    job = PrintService(f"file:?paper={profile.name}", Path()).job(document)
    printed_rows = _rows(parse_escpos(job.data, profile.dots).image)
    texts = [b for b in document.blocks if isinstance(b, TextBlock) and b.size != "huge"]
    assert len(texts) == 5
    for block in texts:
        alone = render(PrintDocument((block,)), profile)
        box = ImageChops.invert(alone.convert("L")).getbbox()
        assert box is not None, block.text
        ink = _rows(alone)[box[1] : box[3]]
        assert _contains(printed_rows, ink), f"{block.text!r} is not printed dot for dot"


def test_the_number_is_as_big_and_as_centred_as_a_full_size_drawing() -> None:
    block = TextBlock("A-001", size="huge", align="centre", bold=True)
    printed = parse_escpos(
        PrintService("file:", Path()).job(PrintDocument((block,))).data, PAPER_80.dots
    ).image
    box = ImageChops.invert(printed.convert("L")).getbbox()
    assert box is not None
    full = font(160, bold=True).getmask("A-001", mode="1").getbbox()
    assert full is not None
    assert abs((box[2] - box[0]) - (full[2] - full[0])) <= 4
    assert abs((box[3] - box[1]) - (full[3] - full[1])) <= 4
    assert abs(box[0] - (PAPER_80.dots - box[2])) <= 4


@PROFILES
def test_the_qr_code_reads_back_from_the_printed_dots(profile: PaperProfile) -> None:
    job = PrintService(f"file:?paper={profile.name}", Path()).job(queue_ticket(issued(), "UBND"))
    printed = parse_escpos(job.data, profile.dots).image
    assert [code.text for code in zxingcpp.read_barcodes(printed)] == [QR_DATA]


@pytest.mark.parametrize(
    "ticket",
    [issued(), issued(priority=True), issued(reference="HS-2025-000123")],
    ids=["ordinary", "priority", "declaration"],
)
def test_an_80mm_ticket_is_within_the_byte_budget(ticket: IssuedTicket) -> None:
    document = queue_ticket(ticket, "Trung tâm Phục vụ hành chính công xã Hòa Bình")
    job = PrintService("file:", Path()).job(document)
    assert len(job.data) <= TICKET_BUDGET
    assert identical(parse_escpos(job.data, PAPER_80.dots).image, job.image)


def test_bench_ticket_reports_ticket_bytes_within_the_budget() -> None:
    from kiosk.bench import ticket

    results = ticket.run(tickets=3)
    assert results["ticket_bytes"]["n"] == 3
    assert 5_000 < results["ticket_bytes"]["max"] <= TICKET_BUDGET
    # A receipt and a checklist are mostly text; still far under the 119 KB and 157 KB
    # of whole-width rows.
    assert results["receipt_bytes"]["max"] < 119_000 // 2
    assert results["checklist_bytes"]["max"] < 157_000 // 2


def test_blank_rows_go_one_byte_wide_and_a_line_only_as_wide_as_its_ink() -> None:
    image = Image.new("1", (PAPER_58.dots, 3), 1)
    image.putpixel((0, 0), 0)  # top left black
    image.paste(0, (PAPER_58.dots - 8, 2, PAPER_58.dots, 3))  # last byte of row 3 black
    parsed = parse_escpos(escpos_bytes(image, PAPER_58))
    assert parsed.rows == [b"\x80", b"\x00", bytes(47) + b"\xff"]
    assert [band.mode for band in parsed.raster] == [0, 0, 0]
    assert identical(parsed.image, image)


def test_doubled_rows_go_at_half_size_in_double_size_mode() -> None:
    half = Image.new("1", (PAPER_58.dots // 2, 2), 1)
    half.putpixel((8, 0), 0)
    image = half.resize((PAPER_58.dots, 4), Image.Resampling.NEAREST)
    parsed = parse_escpos(escpos_bytes(image, PAPER_58, [(0, 4)]), PAPER_58.dots)
    assert [(band.mode, band.width_bytes, band.height) for band in parsed.raster] == [
        (3, 2, 1),
        (3, 1, 1),
    ]
    assert parsed.rows == [b"\x00\x80", b"\x00"]
    assert identical(parsed.image, image)


def test_a_span_that_cannot_be_doubled_is_refused() -> None:
    image = Image.new("1", (PAPER_58.dots, 10), 1)
    with pytest.raises(ValueError, match="cannot be doubled"):
        escpos_bytes(image, PAPER_58, [(0, 3)])
    with pytest.raises(ValueError, match="cannot be doubled"):
        escpos_bytes(image, PAPER_58, [(4, 12)])


def test_an_image_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="576"):
        escpos_bytes(Image.new("1", (PAPER_58.dots, 10), 1), PAPER_80)


def _rows(image: Image.Image) -> list[bytes]:
    data = image.tobytes()
    size = (image.width + 7) // 8
    return [data[row * size : (row + 1) * size] for row in range(image.height)]


def _contains(rows: list[bytes], part: list[bytes]) -> bool:
    return any(
        rows[start : start + len(part)] == part for start in range(len(rows) - len(part) + 1)
    )
