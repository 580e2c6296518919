"""A :class:`PrintDocument` as a 1-bit image exactly as wide as the paper's print line.

Printing a picture rather than text is what makes Vietnamese reliable: printers' code
pages disagree about (or lack) the precomposed letters, stacked tones like "Ệ" break
on most of them, and a printer's built-in fonts cannot make a number 2 cm tall. The
bundled Noto Sans draws every letter, on every printer, the same.

Text is drawn straight onto a 1-bit canvas (no anti-aliasing to threshold later): a
thermal head has no grey, and this keeps a ticket's render to a few milliseconds.

The big elements (the ticket number, the QR code, the rules) are drawn at half
resolution and doubled: the printer can double them itself (``GS v 0`` in double-size
mode), so they cost a quarter of the bytes on a slow line. Text stays at the head's
full resolution: Vietnamese stacked marks ("Ệ", "ẫ") need every dot. :class:`Raster`
says which rows are doubled so the encoder can send those at half size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from kiosk.paths import RESOURCES_DIR
from kiosk.printing.api import (
    Align,
    Block,
    ChecklistBlock,
    PaperProfile,
    PrintDocument,
    QrBlock,
    RuleBlock,
    SpaceBlock,
    TextBlock,
    TextSize,
)
from kiosk.printing.qr import qr_matrix

FONTS_DIR = RESOURCES_DIR / "fonts"
#: Pixel sizes at 203 dpi (8 dots per mm): "normal" is about 3.3 mm, a comfortable
#: receipt text; "small" still reads at arm's length for footers and QR captions.
SIZES: dict[TextSize, int] = {"small": 20, "normal": 26, "large": 36, "huge": 160}
#: A huge text (the ticket number) too wide for the line shrinks down to this size
#: before it wraps.
HUGE_MIN = 60
#: Blank dots either side: the head's outermost dots print faintly on some printers.
MARGIN = 8
LINE_GAP = 4
BLOCK_GAP = 6
#: The QR code takes at most this share of the line (a ticket's id: about 28 mm of
#: 80 mm paper), in whole dots per module so its edges stay sharp; 4 dots per module
#: is the least a cheap phone camera reads well.
QR_SHARE = 0.5
QR_MIN_MODULE = 4

#: A layout step: draws itself on the final canvas at a vertical offset.
Painter = Callable[[ImageDraw.ImageDraw, Image.Image, int], None]


@dataclass(frozen=True, slots=True)
class _Placed:
    height: int
    paint: Painter
    #: Drawn at half resolution on a half-size canvas (``height`` is then even, the
    #: full-size rows it takes) and doubled.
    doubled: bool = False


@dataclass(frozen=True, slots=True)
class Raster:
    """A rendered slip: the image the paper shows, and which rows are doubled.

    Every ``(top, bottom)`` in ``doubled`` is a span of rows, even in number, that is
    exactly a half-size image scaled by two (each dot a 2×2 square, from ``top`` and
    from column 0), so it can be sent at half size for the printer to double.
    """

    image: Image.Image
    doubled: tuple[tuple[int, int], ...] = ()


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled Noto Sans at ``size`` pixels; loaded once per size."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return ImageFont.truetype(str(FONTS_DIR / name), size)


def preload_fonts() -> None:
    """Load the faces a ticket uses, so the first ticket is as quick as the rest."""
    for size in SIZES.values():
        for bold in (False, True):
            font(size, bold)


def render(document: PrintDocument, profile: PaperProfile) -> Image.Image:
    """``document`` laid out for ``profile``: mode "1", ``profile.dots`` wide."""
    return render_raster(document, profile).image


def render_raster(document: PrintDocument, profile: PaperProfile) -> Raster:
    """``document`` laid out for ``profile``, with the spans of rows drawn doubled."""
    width = profile.dots - 2 * MARGIN
    placed = [step for block in document.blocks for step in _layout(block, width)]
    height = sum(step.height for step in placed)
    image = Image.new("1", (profile.dots, max(1, height)), 1)
    draw = ImageDraw.Draw(image)
    doubled: list[tuple[int, int]] = []
    top = 0
    for step in placed:
        if step.doubled:
            half = Image.new("1", (profile.dots // 2, step.height // 2), 1)
            step.paint(ImageDraw.Draw(half), half, 0)
            image.paste(
                half.resize((profile.dots, step.height), Image.Resampling.NEAREST), (0, top)
            )
            doubled.append((top, top + step.height))
        else:
            step.paint(draw, image, top)
        top += step.height
    return Raster(image, tuple(doubled))


def _layout(block: Block, width: int) -> Iterator[_Placed]:
    match block:
        case TextBlock():
            yield from _text(block, width)
        case QrBlock():
            yield from _qr(block, width)
        case RuleBlock():
            # Two dots thick: one row of a half-size canvas, doubled.
            yield _Placed(
                2,
                lambda draw, _img, y: draw.line((MARGIN // 2, y, (MARGIN + width) // 2, y), fill=0),
                doubled=True,
            )
        case SpaceBlock():
            yield _Placed(block.dots, lambda _draw, _img, _y: None)
        case ChecklistBlock():
            yield from _checklist(block, width)
    yield _Placed(BLOCK_GAP, lambda _draw, _img, _y: None)


def _text(block: TextBlock, width: int) -> Iterator[_Placed]:
    if block.size == "huge":
        yield from _huge_text(block, width)
        return
    face = font(SIZES[block.size], block.bold)
    for line in wrap(block.text, face, width):
        yield _text_line(line, face, MARGIN, width, block.align)


def _huge_text(block: TextBlock, width: int) -> Iterator[_Placed]:
    """The ticket number: drawn at half size on a half canvas, doubled when printed.

    Measured at full size first, so it shrinks (or wraps) exactly as a full-size
    drawing would; its strokes are about 20 dots wide, and 2-dot steps on their
    curves do not show at that size.
    """
    face = font(_fitting_size(block, width) // 2, block.bold)
    half_width = width // 2
    for line in wrap(block.text, face, half_width):
        half = _text_line(line, face, MARGIN // 2, half_width, block.align, by_ink=True)
        yield _Placed(half.height * 2, half.paint, doubled=True)


def _fitting_size(block: TextBlock, width: int) -> int:
    """The block's size; a huge text shrinks until it fits one line, down to HUGE_MIN."""
    size = SIZES[block.size]
    if block.size != "huge":
        return size
    while size > HUGE_MIN and font(size, block.bold).getlength(block.text) > width:
        size = max(HUGE_MIN, int(size * 0.9))
    return size


def _text_line(
    line: str,
    face: ImageFont.FreeTypeFont,
    left: int,
    width: int,
    align: Align,
    *,
    by_ink: bool = False,
) -> _Placed:
    ascent, descent = face.getmetrics()
    # A huge text is centred by its ink, not its advance width: a big "1" has wide side
    # bearings, and a number off-centre by 3 mm looks like a misprint. Smaller text is
    # off by a dot or two at most, not worth rasterising the line twice.
    if by_ink and line:
        ink_left, ink_right = _ink_extent(line, face)
    else:
        ink_left, ink_right = 0, round(face.getlength(line))
    if align == "centre":
        x = left + (width - (ink_right - ink_left)) / 2 - ink_left
    elif align == "right":
        x = left + width - ink_right
    else:
        x = left

    def paint(draw: ImageDraw.ImageDraw, _image: Image.Image, y: int) -> None:
        draw.text((x, y + ascent), line, font=face, fill=0, anchor="ls")

    return _Placed(ascent + descent + LINE_GAP, paint)


def _ink_extent(line: str, face: ImageFont.FreeTypeFont) -> tuple[int, int]:
    """Where the line's ink starts and ends, from the pen's origin."""
    mask, (offset_x, _) = face.getmask2(line, mode="1", anchor="ls")
    box = mask.getbbox()
    if not box:
        return 0, 0
    return offset_x + box[0], offset_x + box[2]


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``, measured with ``face``.

    Breaks at spaces; a word wider than the whole line (a long reference number) is
    cut where it must be rather than overflow. Newlines in ``text`` are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if face.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = word
            while face.getlength(line) > width:
                cut = _longest_prefix(line, face, width)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _longest_prefix(word: str, face: ImageFont.FreeTypeFont, width: int) -> int:
    """How many leading characters of ``word`` fit in ``width``; at least one."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if face.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def qr_image(data: str, side: int, max_side: int) -> Image.Image:
    """``data`` as a QR code, quiet zone included, in whole dots per module.

    About ``side`` wide, but never under QR_MIN_MODULE dots a module unless only that
    keeps it within ``max_side`` (a long payload on narrow paper).
    """
    matrix = qr_matrix(data)
    return _qr_modules(matrix, _qr_module(len(matrix), side, max_side))


def _qr_module(count: int, side: int, max_side: int) -> int:
    """Dots per module: even when it can be (so the code prints doubled, from half
    size), at least QR_MIN_MODULE unless the line is too narrow for that."""
    module = max(1, min(max(QR_MIN_MODULE, side // count), max_side // count))
    if module % 2 and module - 1 >= QR_MIN_MODULE:
        module -= 1
    return module


def _qr_modules(matrix: list[list[bool]], module: int) -> Image.Image:
    count = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    small = Image.frombytes("L", (count, count), pixels)
    return small.resize((count * module, count * module), Image.Resampling.NEAREST).convert("1")


def _qr(block: QrBlock, width: int) -> Iterator[_Placed]:
    matrix = qr_matrix(block.data)
    module = _qr_module(len(matrix), int(width * QR_SHARE), width)
    if module % 2 == 0:
        # Half the modules' size, centred on the half canvas: doubled, it is the code
        # at full size, centred within a dot.
        code = _qr_modules(matrix, module // 2)
        left = (MARGIN + (width - 2 * code.width) // 2) // 2
        yield _Placed(
            2 * code.height,
            lambda _draw, image, y: image.paste(code, (left, y)),
            doubled=True,
        )
    else:
        code = _qr_modules(matrix, module)
        full_left = MARGIN + (width - code.width) // 2
        yield _Placed(code.height, lambda _draw, image, y: image.paste(code, (full_left, y)))
    if block.caption:
        face = font(SIZES["small"])
        for line in wrap(block.caption, face, width):
            yield _text_line(line, face, MARGIN, width, "centre")


def _checklist(block: ChecklistBlock, width: int) -> Iterator[_Placed]:
    """One row per document: a box to tick, the name wrapped, the quantity on the right."""
    face = font(SIZES["normal"])
    ascent, descent = face.getmetrics()
    line_height = ascent + descent + LINE_GAP
    box = ascent - 4
    gutter = 12
    quantity_width = min(
        max((int(face.getlength(quantity)) for _, quantity in block.items), default=0),
        width * 2 // 5,
    )
    text_left = MARGIN + box + gutter
    text_width = width - box - gutter - (quantity_width + gutter if quantity_width else 0)
    for name, quantity in block.items:
        names = wrap(name, face, text_width)
        quantities = wrap(quantity, face, quantity_width) if quantity else []
        rows = max(len(names), len(quantities))

        def paint(
            draw: ImageDraw.ImageDraw,
            image: Image.Image,
            y: int,
            names: list[str] = names,
            quantities: list[str] = quantities,
        ) -> None:
            draw.rectangle((MARGIN, y + 4, MARGIN + box, y + 4 + box), outline=0, width=2)
            for index, line in enumerate(names):
                _text_line(line, face, text_left, text_width, "left").paint(
                    draw, image, y + index * line_height
                )
            for index, line in enumerate(quantities):
                _text_line(line, face, MARGIN, width, "right").paint(
                    draw, image, y + index * line_height
                )

        yield _Placed(rows * line_height + LINE_GAP, paint)
