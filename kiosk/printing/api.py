"""What is printed and where: the contract between layouts, the renderer and printers.

A :class:`PrintDocument` is laid out once as blocks and rendered to a 1-bit raster as
wide as the paper, with the bundled font, so Vietnamese prints the same on every
printer whatever code pages it knows. A :class:`Printer` takes the finished job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from PIL.Image import Image

Align = Literal["left", "centre", "right"]
TextSize = Literal["small", "normal", "large", "huge"]


@dataclass(frozen=True, slots=True)
class PaperProfile:
    """A receipt paper width and what the printer makes of it."""

    name: str
    width_mm: int
    #: Printable dots per line: 384 on 58 mm paper, 576 on 80 mm (203 dpi heads).
    dots: int


PAPER_58 = PaperProfile("58mm", 58, 384)
PAPER_80 = PaperProfile("80mm", 80, 576)
PROFILES = {profile.name: profile for profile in (PAPER_58, PAPER_80)}


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Wrapped text; lines never overflow the paper."""

    text: str
    size: TextSize = "normal"
    align: Align = "left"
    bold: bool = False


@dataclass(frozen=True, slots=True)
class QrBlock:
    data: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class RuleBlock:
    """A thin horizontal line between parts of the slip."""


@dataclass(frozen=True, slots=True)
class SpaceBlock:
    dots: int = 16


@dataclass(frozen=True, slots=True)
class ChecklistBlock:
    """A list with a box to tick per item and a quantity on the right ("1 bản chính")."""

    items: tuple[tuple[str, str], ...]


Block = TextBlock | QrBlock | RuleBlock | SpaceBlock | ChecklistBlock


@dataclass(frozen=True, slots=True)
class PrintDocument:
    """A slip to print: a ticket, a procedure's checklist, a declaration receipt."""

    blocks: tuple[Block, ...]
    #: Names the job in logs and in the file printer's file names; never personal data.
    title: str = "document"


@dataclass(frozen=True, slots=True)
class PrintJob:
    """A rendered document and the exact ESC/POS bytes that print it."""

    document: PrintDocument
    profile: PaperProfile
    image: Image
    data: bytes


class Printer(Protocol):
    """A receipt printer; ``send`` raises a ``PrinterError`` subclass on any fault."""

    @property
    def uri(self) -> str: ...

    def send(self, job: PrintJob) -> None: ...
