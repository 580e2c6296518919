"""A filled tờ khai as an A4 PDF laid out like the official paper template.

Staff print it at the counter, or the citizen takes it to an office without the
kiosk: it must read like the form the agency knows. The form's ``layout`` is the
template read top to bottom (``wire.forms``): the national header, the
title, lines whose ``{field}`` placeholders take the answers as they are written on
paper (``format_placeholder``: in capitals or in words where the template asks), a
dotted line where nothing was answered, like the blank form, and the closing
signatures dated with the day of submission. The template's own line ("Mẫu CT01 ban
hành kèm theo Thông tư số …") stands at the top right of the first page, as on paper.

fpdf2 writes it without Qt, so the core, the CLI and a headless server can all make
one. The bundled Noto Sans is embedded (subset to the letters used): every printer
then prints Vietnamese diacritics the same, whatever fonts it has. No italic face is
bundled (and each face costs a tenth of a second to load), so italic template lines
print upright: legibility matters more here than the template's slant.

When the PDF belongs to a declaration, every page's footer carries its reference and a
small QR code of it, so a loose page finds its way back to its declaration.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, Final

from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, XPos, YPos

from kiosk.clock import LOCAL_TZ
from kiosk.forms.format import condition_holds, format_placeholder
from kiosk.paths import RESOURCES_DIR
from kiosk.printing.qr import qr_matrix
from wire.answers import Answers
from wire.forms import (
    ITEM_NUMBER,
    Condition,
    FieldDefinition,
    FormDefinition,
    Heading,
    LayoutBlock,
    Line,
    NationalHeader,
    Repeat,
    Signatures,
    Spacer,
)

FONTS_DIR = RESOURCES_DIR / "fonts"
FAMILY: Final = "NotoSans"

MARGIN_MM: Final = 20.0
#: Body text in points, and the height of one line of it in millimetres.
BODY_PT: Final = 12.0
LINE_MM: Final = 6.5
HEADING_PT: Final = 14.0
#: The template's line at the top right: smaller than the body, in a box this wide.
TEMPLATE_LINE_PT: Final = 9.0
TEMPLATE_LINE_MM: Final = 4.5
TEMPLATE_BOX_MM: Final = 100.0
FOOTER_PT: Final = 8.0
#: The footer's QR code sits in the bottom margin, clear of the page's edge.
FOOTER_QR_MM: Final = 13.0
FOOTER_BOTTOM_MM: Final = 4.0
#: What an unanswered placeholder prints as, when text follows it on the line.
SHORT_DOTS: Final = "." * 24
#: Fewer dots than this left on a line: the dotted line takes the next line whole.
MIN_TRAILING_DOTS: Final = 8
#: Blank lines between a signer's title and name: the room to sign.
SIGNING_ROOM_LINES: Final = 3
#: fpdf2 replaces this in the page content with the page count.
PAGE_COUNT_ALIAS: Final = "{kiosk-page-count}"

NATIONAL_NAME: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
FOOTER_REFERENCE: Final = "Mã tờ khai: {reference}"
FOOTER_SUBMITTED: Final = "điền tại kiosk lúc {time} ngày {date}"
FOOTER_PAGE: Final = "Trang {page}/{count}"

#: The date in a template's "…, ngày … tháng … năm …", whatever dots it is drawn with.
DATE_BLANKS = re.compile(r"ngày[\s.…_]*tháng[\s.…_]*năm[\s.…_]*(?=\s*$|[,;)])")
_ALIGN: Final = {"left": Align.L, "centre": Align.C, "right": Align.R}


def render_form_pdf(
    form: FormDefinition,
    answers: Answers,
    *,
    reference: str | None = None,
    submitted_at: datetime | None = None,
) -> bytes:
    """``form`` filled with ``answers`` as A4 portrait PDF bytes.

    ``submitted_at`` dates the signatures (empty, dotted, without it) and, with
    ``reference``, the footer; it also stamps the file's creation date, so the same
    declaration always gives the same bytes.
    """
    pdf = _FormPdf(reference, submitted_at)
    pdf.set_title(_nfc(form.title.vi))
    pdf.set_creator("Một Cửa Kiosk")
    if submitted_at is not None:
        pdf.set_creation_date(submitted_at)
    pdf.add_page()
    writer = _Writer(pdf, form, answers, submitted_at)
    writer.template_line(form.template_line)
    for block in form.layout:
        writer.block(block)
    return bytes(pdf.output())


class _FormPdf(FPDF):
    """An A4 page with the bundled fonts, 20 mm margins and the declaration's footer."""

    def __init__(self, reference: str | None, submitted_at: datetime | None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._reference = reference
        self._submitted_at = submitted_at
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM)
        self.alias_nb_pages(PAGE_COUNT_ALIAS)
        regular, bold = FONTS_DIR / "NotoSans-Regular.ttf", FONTS_DIR / "NotoSans-Bold.ttf"
        for style, path in (("", regular), ("B", bold)):
            self.add_font(FAMILY, style, path)
        self.set_font(FAMILY, "", BODY_PT)

    def footer(self) -> None:
        top = self.h - FOOTER_BOTTOM_MM - FOOTER_QR_MM
        parts = []
        if self._reference is not None:
            parts.append(FOOTER_REFERENCE.format(reference=self._reference))
            if self._submitted_at is not None:
                local = self._submitted_at.astimezone(LOCAL_TZ)
                parts.append(
                    FOOTER_SUBMITTED.format(
                        time=local.strftime("%H:%M"), date=local.strftime("%d/%m/%Y")
                    )
                )
            self._qr(self._reference, self.w - MARGIN_MM - FOOTER_QR_MM, top, FOOTER_QR_MM)
        parts.append(FOOTER_PAGE.format(page=self.page_no(), count=PAGE_COUNT_ALIAS))
        self.set_font(FAMILY, "", FOOTER_PT)
        self.set_xy(MARGIN_MM, top + (FOOTER_QR_MM - LINE_MM) / 2)
        width = self.w - 2 * MARGIN_MM - FOOTER_QR_MM - 2
        self.cell(width, LINE_MM, " · ".join(parts), align=Align.L)

    def _qr(self, data: str, x: float, y: float, size: float) -> None:
        matrix = qr_matrix(data)
        module = size / len(matrix)
        self.set_fill_color(0, 0, 0)
        for row_index, row in enumerate(matrix):
            for column, dark in enumerate(row):
                if dark:
                    self.rect(x + column * module, y + row_index * module, module, module, "F")


class _Writer:
    """Lays the form's blocks out one after another, breaking pages where they fall."""

    def __init__(
        self,
        pdf: _FormPdf,
        form: FormDefinition,
        answers: Answers,
        submitted_at: datetime | None,
    ) -> None:
        self._pdf = pdf
        self._answers = answers
        self._fields = {field.id: field for section in form.sections for field in section.fields}
        self._form_scope = _Scope(answers, self._fields)
        self._submitted_at = submitted_at
        #: The column widths of the last printed line when it had several cells.
        self._columns: list[float] = []

    def block(self, block: LayoutBlock) -> None:
        if not isinstance(block, Line | Repeat):
            self._columns = []
        match block:
            case NationalHeader():
                self._national_header()
            case Heading():
                self._heading(block)
            case Line():
                self._line(block, self._form_scope)
            case Repeat():
                self._repeat(block)
            case Signatures():
                self._signatures(block)
            case Spacer():
                self._pdf.ln(block.mm)

    # --- blocks -------------------------------------------------------------------

    def template_line(self, text: str) -> None:
        """The template's code and legal basis, top right, before anything else."""
        if not text.strip():
            return
        pdf = self._pdf
        pdf.set_font(FAMILY, "", TEMPLATE_LINE_PT)
        width = min(TEMPLATE_BOX_MM, pdf.epw)
        pdf.set_x(pdf.l_margin + pdf.epw - width)
        pdf.multi_cell(width, TEMPLATE_LINE_MM, _nfc(text), align=Align.C, **_NEXT_LINE)
        pdf.ln(2)

    def _national_header(self) -> None:
        pdf = self._pdf
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.multi_cell(0, LINE_MM, NATIONAL_NAME, align=Align.C, **_NEXT_LINE)
        pdf.set_font(FAMILY, "B", BODY_PT + 1)
        pdf.multi_cell(0, LINE_MM, NATIONAL_MOTTO, align=Align.C, **_NEXT_LINE)
        # The short rule under the motto, as wide as the motto, like the paper form.
        width = pdf.get_string_width(NATIONAL_MOTTO)
        left = (pdf.w - width) / 2
        pdf.set_line_width(0.3)
        pdf.line(left, pdf.get_y() + 0.5, left + width, pdf.get_y() + 0.5)
        pdf.ln(LINE_MM)

    def _heading(self, block: Heading) -> None:
        pdf = self._pdf
        pdf.ln(2)
        pdf.set_font(FAMILY, "B", HEADING_PT)
        text = _fill(block.text, self._form_scope)
        pdf.multi_cell(0, LINE_MM + 1, text, align=Align.C, **_NEXT_LINE)
        pdf.ln(3)

    def _line(self, line: Line, scope: _Scope) -> None:
        if line.when is not None and not scope.holds(line.when):
            return
        pdf = self._pdf
        pdf.set_font(FAMILY, _style(line.bold, line.italic), BODY_PT)
        align = _ALIGN[line.align]
        if len(line.cells) == 1:
            # One cell may run over several pages: fpdf2 breaks it line by line.
            text = self._cell_text(line.cells[0], scope, pdf.epw, align)
            pdf.multi_cell(0, LINE_MM, text, align=align, **_NEXT_LINE)
            self._columns = []
            return
        widths = self._columns
        if len(widths) != len(line.cells):
            widths = self._cell_widths([_fill(cell, scope) for cell in line.cells])
        self._columns = widths
        texts = [
            self._cell_text(cell, scope, width, align)
            for cell, width in zip(line.cells, widths, strict=True)
        ]
        heights = [
            pdf.multi_cell(
                width, LINE_MM, text, align=align, dry_run=True, output=MethodReturnValue.HEIGHT
            )
            for text, width in zip(texts, widths, strict=True)
        ]
        row = max(float(height) for height in heights)  # type: ignore[arg-type]
        self._keep_together(row)
        top, left = pdf.get_y(), pdf.l_margin
        for text, width in zip(texts, widths, strict=True):
            pdf.set_xy(left, top)
            pdf.multi_cell(width, LINE_MM, text, align=align, new_x=XPos.RIGHT, new_y=YPos.TOP)
            left += width
        pdf.set_xy(pdf.l_margin, top + row)

    def _cell_widths(self, texts: list[str]) -> list[float]:
        """Equal columns, as the template draws them, unless a text would wrap in its
        share while the others have room: then each column gets what its text needs,
        and the room left is shared out.

        A line right after one with as many cells keeps that line's columns
        (``self._columns``): a table's rows line up under its column titles.
        """
        pdf = self._pdf
        equal = pdf.epw / len(texts)
        needed = [pdf.get_string_width(text) + 2 * pdf.c_margin + 1 for text in texts]
        if all(need <= equal for need in needed):
            return [equal] * len(texts)
        total = sum(needed)
        if total > pdf.epw:
            # Too wide to fit whole: short columns (a "TT" number) keep what they need,
            # the long ones share the rest and wrap.
            short = [need <= equal for need in needed]
            left = pdf.epw - sum(need for need, fits in zip(needed, short, strict=True) if fits)
            long_total = sum(need for need, fits in zip(needed, short, strict=True) if not fits)
            return [
                need if fits else left * need / long_total
                for need, fits in zip(needed, short, strict=True)
            ]
        spare = (pdf.epw - total) / len(texts)
        return [need + spare for need in needed]

    def _repeat(self, block: Repeat) -> None:
        group = self._fields.get(block.field)
        children = {field.id: field for field in group.fields} if group is not None else {}
        items = self._answers.get(block.field)
        scopes: Iterable[Mapping[str, Any]] = (
            [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
        )
        # No item: the lines once, dotted, as the blank paper form has them.
        for number, scope in enumerate(scopes or [{}], start=1):
            item_scope = _Scope(scope, children, number if scope else None)
            for line in block.lines:
                self._line(line, item_scope)

    def _signatures(self, block: Signatures) -> None:
        """Place and date on the right; each signer's title, room to sign, and name."""
        pdf = self._pdf
        scope = self._form_scope
        half = pdf.epw / 2
        pdf.set_font(FAMILY, _style(bold=False, italic=True), BODY_PT)
        submitted_at = self._submitted_at if block.dated else None
        place_and_date = _fill(_dated(block.place_and_date, submitted_at), scope)
        left_date = _fill(block.left_place_and_date, scope) if block.left_place_and_date else ""
        # Centred over the right signer, widened to the left when it would wrap (unless
        # the left signer has a date of their own there).
        needed = pdf.get_string_width(place_and_date) + 2 * pdf.c_margin + 1
        width = half if left_date.strip() else min(pdf.epw, max(half, needed))
        signers = [(pdf.l_margin + half, _fill(block.right_title, scope), block.right_name)]
        if block.left_title or block.left_name:
            signers.insert(0, (pdf.l_margin, _fill(block.left_title, scope), block.left_name))
        pdf.ln(LINE_MM / 2)
        self._keep_together(
            max(
                self._height(place_and_date, width) if place_and_date.strip() else 0.0,
                self._height(left_date, half) if left_date.strip() else 0.0,
            )
            + max(self._height(title, half) for _, title, _ in signers)
            + (SIGNING_ROOM_LINES + 1) * LINE_MM
        )
        dates_top = dates_bottom = pdf.get_y()
        if left_date.strip():
            pdf.set_x(pdf.l_margin)
            pdf.multi_cell(half, LINE_MM, left_date, align=Align.C, **_BELOW)
            dates_bottom = pdf.get_y()
        if place_and_date.strip():
            pdf.set_xy(pdf.l_margin + pdf.epw - width, dates_top)
            pdf.multi_cell(width, LINE_MM, place_and_date, align=Align.C, **_BELOW)
            dates_bottom = max(dates_bottom, pdf.get_y())
        pdf.set_xy(pdf.l_margin, dates_bottom)
        top = bottom = pdf.get_y()
        pdf.set_font(FAMILY, "B", BODY_PT)
        for left, title, name in signers:
            pdf.set_xy(left, top)
            pdf.multi_cell(half, LINE_MM, title, align=Align.C, **_BELOW)
            pdf.set_xy(left, pdf.get_y() + SIGNING_ROOM_LINES * LINE_MM)
            if name:
                text = self._cell_text(name, scope, half, Align.C)
                pdf.multi_cell(half, LINE_MM, text, align=Align.C, **_BELOW)
            bottom = max(bottom, pdf.get_y())
        pdf.set_xy(pdf.l_margin, bottom + LINE_MM / 2)

    # --- layout helpers -----------------------------------------------------------

    def _height(self, text: str, width: float) -> float:
        height = self._pdf.multi_cell(
            width, LINE_MM, text, dry_run=True, output=MethodReturnValue.HEIGHT
        )
        return float(height)  # type: ignore[arg-type]

    def _keep_together(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (and would fit on any)."""
        pdf = self._pdf
        if pdf.get_y() + height > pdf.page_break_trigger and height < pdf.eph:
            pdf.add_page()

    def _cell_text(self, cell: str, scope: _Scope, width: float, align: Align) -> str:
        """The cell with its answers in; a dotted line to the end when it ends unanswered."""
        text, dotted_end = _fill_ending(cell, scope)
        if not dotted_end:
            return text
        pdf = self._pdf
        lines = pdf.multi_cell(
            width, LINE_MM, text or " ", align=align, dry_run=True, output=MethodReturnValue.LINES
        )
        last = lines[-1] if isinstance(lines, list) and lines else ""
        room = width - 2 * pdf.c_margin - pdf.get_string_width(last) - 0.5
        dots = int(room // pdf.get_string_width("."))
        if dots >= MIN_TRAILING_DOTS:
            return text + "." * dots
        full = int((width - 2 * pdf.c_margin - 0.5) // pdf.get_string_width("."))
        return f"{text}\n{'.' * full}"


_NEXT_LINE: Final[dict[str, Any]] = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
#: After a cell in a column: back to the column's left edge, on the next line.
_BELOW: Final[dict[str, Any]] = {"new_x": XPos.LEFT, "new_y": YPos.NEXT}


class _Scope:
    """The answers a placeholder or a ``when`` reads: the form's, or one group item's."""

    def __init__(
        self,
        answers: Mapping[str, Any],
        fields: Mapping[str, FieldDefinition],
        number: int | None = None,
    ) -> None:
        self._answers = answers
        self._fields = fields
        #: A group item's number, for ``{#}`` (the "TT" column).
        self._number = number

    def text(self, name: str, style: str = "") -> str:
        """The placeholder's answer as written on paper, in its ``style``; "" when
        unanswered."""
        if name == ITEM_NUMBER:
            return "" if self._number is None else str(self._number)
        field = self._fields.get(name)
        if field is None:
            return ""
        return _nfc(format_placeholder(field, self._answers.get(name), style))

    def holds(self, condition: Condition) -> bool:
        """A ``when`` reads this scope's own answers, as the wizard shows the field."""
        return condition_holds(condition, self._answers)


def _parts(template: str) -> list[tuple[str, str | None, str]]:
    """``template`` as (literal text, placeholder or None, style) triples, ``{{`` read
    as ``{``.

    The same reading as the form check's (``string.Formatter``), so a layout that
    passed it prints as its author meant.
    """
    try:
        return [
            (literal, name, spec or "")
            for literal, name, spec, _ in string.Formatter().parse(template)
        ]
    except ValueError:  # unbalanced braces: a checked form has none; print as written
        return [(template, None, "")]


def _fill(template: str, scope: _Scope) -> str:
    """``template`` with every placeholder's answer, or short dots where none."""
    return _nfc(
        "".join(
            literal + ("" if name is None else scope.text(name, style) or SHORT_DOTS)
            for literal, name, style in _parts(template)
        )
    )


def _fill_ending(template: str, scope: _Scope) -> tuple[str, bool]:
    """Like :func:`_fill`, and whether the text *ends* with an unanswered placeholder.

    That last dotted line is left out here and drawn to the end of the line by the
    caller, which knows how much room is left.
    """
    parts = _parts(template)
    while parts and parts[-1][1] is None and not parts[-1][0].strip():
        parts.pop()  # trailing blanks after the last placeholder
    last = parts[-1][1] if parts else None
    if last is None or scope.text(last, parts[-1][2]):
        return _fill(template, scope), False
    head = "".join(
        literal + ("" if name is None else scope.text(name, style) or SHORT_DOTS)
        for literal, name, style in parts[:-1]
    )
    return _nfc(head + parts[-1][0]), True


def _dated(place_and_date: str, submitted_at: datetime | None) -> str:
    """The template's blank "ngày … tháng … năm …" filled with the day of submission."""
    if submitted_at is None:
        return place_and_date
    local = submitted_at.astimezone(LOCAL_TZ)
    date = f"ngày {local.day:02d} tháng {local.month:02d} năm {local.year}"
    return DATE_BLANKS.sub(lambda _: date, _nfc(place_and_date), count=1)


def _style(bold: bool, italic: bool) -> str:
    """The face to print in; ``italic`` is read but has no face of its own (see above)."""
    return "B" if bold else ""


def _nfc(text: str) -> str:
    """Precomposed letters: the font has a glyph for each, and no shaping is needed."""
    return unicodedata.normalize("NFC", text)
