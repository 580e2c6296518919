"""The raster: as wide as the paper, text wrapped inside it, Vietnamese drawn whole."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from kiosk.printing.api import (
    PAPER_58,
    PAPER_80,
    ChecklistBlock,
    PaperProfile,
    PrintDocument,
    QrBlock,
    SpaceBlock,
    TextBlock,
)
from kiosk.printing.render import MARGIN, qr_image, render
from tests.core.printing.conftest import ticket_document

PROFILES = pytest.mark.parametrize("profile", [PAPER_80, PAPER_58], ids=["80mm", "58mm"])
LONG = (
    "Thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em "
    "dưới 6 tuổi theo quy trình liên thông của Ủy ban nhân dân xã, phường, thị trấn"
)


def black_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """Bounding box of the black (printed) pixels."""
    return ImageChops.invert(image.convert("L")).getbbox()


def only(*blocks: object) -> PrintDocument:
    return PrintDocument(tuple(blocks))  # type: ignore[arg-type]


@PROFILES
def test_every_slip_is_exactly_as_wide_as_the_paper_and_one_bit(profile: PaperProfile) -> None:
    image = render(ticket_document(), profile)
    assert image.mode == "1"
    assert image.width == profile.dots


@PROFILES
def test_a_long_vietnamese_line_wraps_and_never_overflows(profile: PaperProfile) -> None:
    short = render(only(TextBlock("Thủ tục")), profile)
    long = render(only(TextBlock(LONG)), profile)
    assert long.width == profile.dots
    assert long.height > 3 * short.height
    box = black_box(long)
    assert box is not None
    assert box[0] >= MARGIN
    assert box[2] <= profile.dots - MARGIN


def test_a_word_longer_than_the_line_is_cut_rather_than_overflow() -> None:
    image = render(only(TextBlock("HS-" + "0123456789" * 8, size="large")), PAPER_58)
    box = black_box(image)
    assert box is not None
    assert box[2] <= PAPER_58.dots - MARGIN


@PROFILES
def test_the_huge_ticket_number_fits_on_one_line_and_is_big(profile: PaperProfile) -> None:
    image = render(only(TextBlock("A-001", size="huge", align="centre", bold=True)), profile)
    box = black_box(image)
    assert box is not None
    left, top, right, bottom = box
    assert left >= MARGIN
    assert right <= profile.dots - MARGIN
    assert bottom - top >= 80, "digits at least 1 cm tall"
    assert right - left > profile.dots // 2
    # Centred: as much blank on the left as on the right, within a few dots.
    assert abs(left - (profile.dots - right)) <= 4


def test_text_is_drawn_where_its_alignment_puts_it() -> None:
    left = black_box(render(only(TextBlock("Quầy 1")), PAPER_80))
    right = black_box(render(only(TextBlock("Quầy 1", align="right")), PAPER_80))
    assert left is not None
    assert right is not None
    assert left[0] < PAPER_80.dots // 4
    assert right[2] > PAPER_80.dots * 3 // 4


def test_vietnamese_marks_are_drawn_above_and_below_the_letter() -> None:
    plain = render(only(TextBlock("E", size="large")), PAPER_80)
    marked = render(only(TextBlock("Ệ", size="large")), PAPER_80)
    assert plain.size == marked.size
    plain_box, marked_box = black_box(plain), black_box(marked)
    assert plain_box is not None
    assert marked_box is not None
    assert marked_box[1] < plain_box[1] - 4, "circumflex above"
    assert marked_box[3] > plain_box[3] + 4, "dot below"
    assert black_box(ImageChops.logical_xor(plain, marked)) is not None


def test_space_blocks_add_exactly_their_height() -> None:
    base = render(only(TextBlock("Quầy 1")), PAPER_80)
    spaced = render(only(TextBlock("Quầy 1"), SpaceBlock(40)), PAPER_80)
    assert spaced.height - base.height >= 40


def test_the_qr_code_has_whole_dot_modules_matching_the_library() -> None:
    import qrcode  # type: ignore[import-untyped]

    data = "3f1c9a52-2c1e-4c55-9d9b-7d0f0e6f2a11"
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(data)
    matrix = code.get_matrix()
    image = qr_image(data, 300, 400)
    module = image.width // len(matrix)
    assert image.width == module * len(matrix) == image.height
    assert module >= 4
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            centre = (column * module + module // 2, row * module + module // 2)
            assert (image.getpixel(centre) == 0) == dark


@PROFILES
def test_a_qr_block_is_centred_and_inside_the_paper(profile: PaperProfile) -> None:
    image = render(only(QrBlock("HS-2025-000123")), profile)
    box = black_box(image)
    assert box is not None
    assert abs(box[0] - (profile.dots - box[2])) <= 2
    assert box[2] <= profile.dots - MARGIN


def test_a_checklist_row_has_a_box_left_and_the_quantity_right() -> None:
    items = (("Tờ khai đăng ký khai sinh theo mẫu", "1 bản chính"),)
    image = render(only(ChecklistBlock(items)), PAPER_80)
    # The box: a black left column near the margin.
    assert black_box(image.crop((MARGIN, 0, MARGIN + 4, image.height))) is not None
    quantity = black_box(image.crop((PAPER_80.dots * 3 // 4, 0, PAPER_80.dots, image.height)))
    assert quantity is not None
    assert quantity[2] + PAPER_80.dots * 3 // 4 >= PAPER_80.dots - MARGIN - 2


def test_a_long_checklist_item_wraps_beside_its_quantity() -> None:
    one = render(only(ChecklistBlock((("Giấy chứng sinh", "1 bản chính"),))), PAPER_58)
    long = render(only(ChecklistBlock(((LONG, "2 bản sao"),))), PAPER_58)
    assert long.height > 3 * one.height
    box = black_box(long)
    assert box is not None
    assert box[2] <= PAPER_58.dots - MARGIN
