"""The bytes a printer receives: initialise, raster bands as wide as the paper, cut."""

from __future__ import annotations

import pytest
from PIL import Image

from kiosk.printing.api import PAPER_58, PAPER_80, PaperProfile
from kiosk.printing.escpos import escpos_bytes
from kiosk.printing.render import render
from tests.core.printing.conftest import parse_escpos, ticket_document


@pytest.mark.parametrize(("profile", "width_bytes"), [(PAPER_80, 72), (PAPER_58, 48)])
def test_a_ticket_is_init_raster_of_the_paper_width_and_cut(
    profile: PaperProfile, width_bytes: int
) -> None:
    image = render(ticket_document(), profile)
    parsed = parse_escpos(escpos_bytes(image, profile))
    assert {width for width, _ in parsed.bands} == {width_bytes}
    assert sum(height for _, height in parsed.bands) == image.height
    assert all(height <= 255 for _, height in parsed.bands)
    assert parsed.cut == b"\x1dV\x00"


def test_the_raster_rows_are_the_image_with_black_as_one_bits() -> None:
    image = Image.new("1", (PAPER_58.dots, 3), 1)
    image.putpixel((0, 0), 0)  # top left black
    image.paste(0, (PAPER_58.dots - 8, 2, PAPER_58.dots, 3))  # last byte of row 3 black
    rows = parse_escpos(escpos_bytes(image, PAPER_58)).rows
    assert rows == [b"\x80" + bytes(47), bytes(48), bytes(47) + b"\xff"]


def test_an_image_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="576"):
        escpos_bytes(Image.new("1", (PAPER_58.dots, 10), 1), PAPER_80)
