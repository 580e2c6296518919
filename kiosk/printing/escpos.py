"""The ESC/POS bytes of a rendered slip, made by python-escpos.

Initialise, the image as raster bit images (``GS v 0``, python-escpos's
``bitImageRaster``: the one image command every ESC/POS printer we met understands,
Epson and the Xprinter clones alike), feed past the cutter, cut.

Few bytes, because a serial printer at 9600 baud takes about 1 KB a second:

- the rows the renderer drew doubled (the ticket number, the QR code) go at half
  size in the raster command's double-size mode (``m = 3``: double width and height),
  a quarter of the bytes, printed dot for dot as the preview shows them;
- each band is only as wide as its rightmost black dot (a raster image prints from
  the left edge; the blank right of a centred line is never sent);
- blank rows go as a band one byte wide, a byte a row: unlike a paper feed
  (``ESC J``), whose unit differs between printer models, a raster row is always one
  dot row of the head.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
import platform
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs
from PIL import Image

from kiosk import APP_NAME
from kiosk.printing.api import PaperProfile

log = logging.getLogger("kiosk.print")

#: Rows per ``GS v 0`` command. A height below 256 keeps ``yH`` zero, which the
#: cheapest clones (whose receive buffers are small) handle; Epson takes any.
BAND_ROWS = 255


@cache
def escpos_printers() -> Any:
    """python-escpos's ``escpos.printer`` module, imported on first use (about 0.1 s)."""
    # WORKAROUND: escpos.capabilities calls logging.basicConfig() at import, which would
    # put a stray stderr handler on the root logger of a process that has not set up
    # logging yet (the command line, tests). A placeholder handler makes it a no-op.
    root = logging.getLogger()
    placeholder = logging.NullHandler()
    had_handlers = bool(root.handlers)
    if not had_handlers:
        root.addHandler(placeholder)
    # WORKAROUND: escpos.capabilities re-parses its printer database (~0.25 s) unless
    # it finds the pickle it caches in ESCPOS_CAPABILITIES_PICKLE_DIR; by default that
    # is a new temporary folder per process. It writes that pickle in place, so two
    # processes starting together (the kiosk and a command, the layout audit's
    # workers) could read a half-written one: a fresh pickle is made in a private
    # folder and published into our per-user cache folder whole.
    private = None
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        shared = _shared_capabilities_dir()
        private = None if shared.fresh else tempfile.mkdtemp(prefix="escpos-")
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = private or shared.path
    try:
        # WORKAROUND: python-escpos ships no type hints.
        import escpos.printer  # type: ignore[import-untyped]
    finally:
        root.removeHandler(placeholder)
    if private is not None:
        _publish(Path(private), Path(shared.path))
        # Child processes inherit the variable: point them at the folder that stays.
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = shared.path
    return escpos.printer


class _CapabilitiesCache(NamedTuple):
    path: str
    fresh: bool


def _shared_capabilities_dir() -> _CapabilitiesCache:
    """Our cache folder, and whether its pickle is whole and newer than the database."""
    cache_dir = platformdirs.user_cache_dir(APP_NAME, appauthor=False)
    os.makedirs(cache_dir, exist_ok=True)
    pickle = Path(cache_dir) / _pickle_name()
    database = importlib.resources.files("escpos") / "capabilities.json"
    try:
        with importlib.resources.as_file(database) as database_path:
            fresh = pickle.stat().st_mtime >= database_path.stat().st_mtime
    except OSError:
        fresh = False
    return _CapabilitiesCache(cache_dir, fresh)


def _publish(private: Path, shared: Path) -> None:
    """Moves the pickle made in ``private`` into ``shared`` in one rename."""
    made = private / _pickle_name()
    try:
        staged = shared / f".{made.name}.{os.getpid()}"
        shutil.copyfile(made, staged)
        os.replace(staged, shared / made.name)
    except OSError:
        log.warning("The printer database cache could not be kept; it is re-read next time.")
    finally:
        shutil.rmtree(private, ignore_errors=True)


def _pickle_name() -> str:
    """The file name escpos.capabilities gives its pickle (per Python version)."""
    return f"{platform.python_version()}.capabilities.pickle"


def escpos_bytes(
    image: Image.Image, profile: PaperProfile, doubled: Sequence[tuple[int, int]] = ()
) -> bytes:
    """What to send to the printer to print ``image`` (``profile.dots`` wide) and cut.

    ``doubled``: spans of rows that are a half-size image scaled by two (see
    ``render.Raster``); they are sent at half size for the printer to double.
    """
    if image.width != profile.dots:
        raise ValueError(
            f"image is {image.width} dots wide, paper {profile.name} takes {profile.dots}"
        )
    dummy = escpos_printers().Dummy()
    # The default capability profile knows no paper width, and python-escpos then
    # *prints* a warning to stdout on every image; give this instance (not the shared
    # class) the width, which also makes python-escpos refuse an image that is too wide.
    data = dict(dummy.profile.profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": profile.width_mm, "pixels": profile.dots}}
    dummy.profile.profile_data = data
    dummy.hw("INIT")
    for top, bottom, double in _regions(image.height, doubled):
        region = image.crop((0, top, image.width, bottom))
        if double:
            region = region.resize(
                (region.width // 2, region.height // 2), Image.Resampling.NEAREST
            )
        # Bands cut here rather than by python-escpos's fragment_height, which converts
        # the whole image once more before splitting it.
        for band in bands(region):
            dummy.image(
                region.crop((0, band.top, band.width_bytes * 8, band.bottom)),
                impl="bitImageRaster",
                high_density_horizontal=not double,
                high_density_vertical=not double,
                fragment_height=BAND_ROWS,
            )
    dummy.cut(mode="FULL")
    output: bytes = dummy.output
    return output


class Band(NamedTuple):
    """Rows ``top`` to ``bottom`` of an image, sent ``width_bytes`` wide."""

    top: int
    bottom: int
    width_bytes: int


def bands(image: Image.Image) -> list[Band]:
    """``image`` cut into raster bands: runs of rows with ink, each as wide as its
    widest row, and runs of blank rows, one byte wide; none over BAND_ROWS rows."""
    row_bytes = (image.width + 7) // 8
    # Mode "1" packs white as 1; the printer wants black as 1.
    black = image.tobytes().translate(_INVERT)
    widths = [
        len(black[row * row_bytes : (row + 1) * row_bytes].rstrip(b"\0"))
        for row in range(image.height)
    ]
    found: list[Band] = []
    top = 0
    while top < image.height:
        inked = widths[top] > 0
        bottom = top + 1
        while bottom < image.height and bottom - top < BAND_ROWS and (widths[bottom] > 0) == inked:
            bottom += 1
        found.append(Band(top, bottom, max(1, *widths[top:bottom])))
        top = bottom
    return found


_INVERT = bytes(255 - value for value in range(256))


def _regions(height: int, doubled: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """The image's rows as ``(top, bottom, doubled)`` spans, in order."""
    top = 0
    for start, stop in sorted(doubled):
        if not (top <= start < stop <= height and (stop - start) % 2 == 0):
            raise ValueError(f"rows {start}-{stop} cannot be doubled in an image {height} high")
        if start > top:
            yield top, start, False
        yield start, stop, True
        top = stop
    if top < height:
        yield top, height, False


def warm_up() -> None:
    """Import python-escpos and load the fonts ahead of the first ticket.

    About 0.1 s, once per process: call it off the UI thread after the first paint.
    """
    from kiosk.printing.render import preload_fonts

    escpos_printers()
    preload_fonts()
