"""The ESC/POS bytes of a rendered slip, made by python-escpos.

Initialise, the image as raster bit images (``GS v 0``, python-escpos's
``bitImageRaster``: the one image command every ESC/POS printer we met understands,
Epson and the Xprinter clones alike), feed past the cutter, cut.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from typing import TYPE_CHECKING, Any

import platformdirs

from kiosk import APP_NAME
from kiosk.printing.api import PaperProfile

if TYPE_CHECKING:
    from PIL.Image import Image

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
    # is a new temporary folder per process. Keep it in our own per-user cache folder.
    cache_dir = platformdirs.user_cache_dir(APP_NAME, appauthor=False)
    os.makedirs(cache_dir, exist_ok=True)
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", cache_dir)
    try:
        # WORKAROUND: python-escpos ships no type hints.
        import escpos.printer  # type: ignore[import-untyped]
    finally:
        root.removeHandler(placeholder)
    return escpos.printer


def escpos_bytes(image: Image, profile: PaperProfile) -> bytes:
    """What to send to the printer to print ``image`` (``profile.dots`` wide) and cut."""
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
    # Bands cut here rather than by python-escpos's fragment_height, which converts the
    # whole image once more before splitting it: this halves the time (~10 ms a ticket).
    for top in range(0, image.height, BAND_ROWS):
        band = image.crop((0, top, image.width, min(image.height, top + BAND_ROWS)))
        dummy.image(band, impl="bitImageRaster", fragment_height=BAND_ROWS)
    dummy.cut(mode="FULL")
    output: bytes = dummy.output
    return output


def warm_up() -> None:
    """Import python-escpos and load the fonts ahead of the first ticket.

    About 0.1 s, once per process: call it off the UI thread after the first paint.
    """
    from kiosk.printing.render import preload_fonts

    escpos_printers()
    preload_fonts()
