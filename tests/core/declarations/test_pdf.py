"""The filled tờ khai on A4: read back with pypdf as a person would read the page."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.declarations import DeclarationPurgedError, DeclarationService
from kiosk.declarations.pdf import render_form_pdf
from kiosk.forms.library import bundled_forms
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.sample_form import (
    APPLICANT,
    CHILD,
    PROCEDURE_CODE,
    sample_answers,
    sample_form,
)
from wire.forms import FormDefinition

SUBMITTED = datetime(2025, 3, 10, 2, 5, tzinfo=UTC)  # 09:05 in Hà Nội
A4_POINTS = (595.28, 841.89)


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in _reader(data).pages)


def _words(text: str) -> list[str]:
    return text.split()


def _pdf(**answers: Any) -> bytes:
    return render_form_pdf(
        sample_form(),
        sample_answers(**answers),
        reference="HS-1-250310-0001",
        submitted_at=SUBMITTED,
    )


def test_names_print_with_their_diacritics() -> None:
    text = _text(_pdf())
    folded = text.casefold()
    assert APPLICANT.casefold() in folded
    assert CHILD.casefold() in folded
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "TỜ KHAI ĐĂNG KÝ KHAI SINH" in text
    assert "20/02/2025" in text
    assert "Nam" in text
    # The address as written on paper: detail, ward, province.
    assert "Phường Giảng Võ, Thành phố Hà Nội" in " ".join(_words(text))


def test_the_page_is_a4_portrait_with_the_bundled_fonts_embedded_as_subsets() -> None:
    reader = _reader(_pdf())
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        A4_POINTS, abs=0.5
    )
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for font in (fonts[name].get_object() for name in fonts):
        base_font = str(font["/BaseFont"])
        assert re.fullmatch(r"/[A-Z]{6}\+NotoSans.*", base_font), base_font
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor  # the TrueType program itself is in the file


def test_a_long_answer_wraps_without_losing_a_word() -> None:
    long_note = " ".join(
        f"Ghi chú dòng thứ {n} về nơi đăng ký thường trú của người mẹ." for n in range(1, 25)
    )
    text = _text(_pdf(note=long_note))
    words = _words(text)
    expected = _words(long_note)
    start = words.index("Ghi") + 2  # after "Ghi chú:"
    assert words[start : start + len(expected)] == expected
    lines = [line for line in text.splitlines() if "Ghi chú dòng" in line]
    assert len(lines) > 3  # it wrapped over several lines


def test_an_empty_answer_prints_a_dotted_line() -> None:
    answers = sample_answers()
    del answers["birth_place"]
    text = _text(render_form_pdf(sample_form(), answers, submitted_at=SUBMITTED))
    line = next(line for line in text.splitlines() if line.startswith("Nơi sinh"))
    assert re.fullmatch(r"Nơi sinh: \.{20,}", line.strip()), line


def test_lines_repeat_per_group_item_and_follow_their_condition() -> None:
    siblings = [{"name": "Trần Minh An", "birth_date": "2020-06-01"}, {"name": "Trần Thu Hà"}]
    text = _text(_pdf(siblings=siblings, relationship="khac", relationship_other="Bà ngoại"))
    assert "Anh, chị: Trần Minh An" in text
    assert "sinh ngày 01/06/2020" in text
    assert "Anh, chị: Trần Thu Hà" in text
    assert "Quan hệ cụ thể: Bà ngoại" in text
    assert "Quan hệ cụ thể" not in _text(_pdf(relationship="me"))


def test_the_signatures_are_dated_with_the_day_of_submission() -> None:
    text = " ".join(_words(_text(_pdf())))
    assert "Hà Nội, ngày 10 tháng 03 năm 2025" in text
    assert "NGƯỜI YÊU CẦU" in text
    undated = _text(render_form_pdf(sample_form(), sample_answers()))
    assert "ngày ...... tháng ...... năm" in undated


def test_many_items_break_onto_new_pages_each_with_the_reference_footer() -> None:
    siblings = [{"name": f"Trần Văn Con Thứ {n}", "birth_date": "2010-01-01"} for n in range(40)]
    reader = _reader(_pdf(siblings=siblings))
    assert len(reader.pages) >= 2
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert "Mã tờ khai: HS-1-250310-0001" in text
        assert f"Trang {number}/{len(texts)}" in text
    everything = "\n".join(texts)
    for n in range(40):
        assert f"Trần Văn Con Thứ {n}" in everything
    assert "NGƯỜI YÊU CẦU" in texts[-1]


def test_the_same_declaration_gives_the_same_bytes() -> None:
    assert _pdf() == _pdf()


def test_the_service_renders_a_stored_declaration_in_its_form_version(
    declarations: DeclarationService,
) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    data = declarations.pdf(submitted.reference)
    assert data.startswith(b"%PDF-")
    text = _text(data)
    assert APPLICANT.casefold() in text.casefold()
    assert submitted.reference in text


def test_a_purged_declaration_has_no_pdf(
    services: KioskServices, declarations: DeclarationService
) -> None:
    from kiosk.db.models import Declaration

    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    with services.db.transaction() as session:
        row = session.get(Declaration, submitted.id)
        assert row is not None
        row.answers, row.purged_at = {}, SUBMITTED
    with pytest.raises(DeclarationPurgedError):
        declarations.pdf(submitted.reference)


@pytest.mark.parametrize("form", bundled_forms(), ids=lambda form: form.id)
def test_every_bundled_form_prints_blank_like_the_paper_form(form: FormDefinition) -> None:
    text = _text(render_form_pdf(form, {}))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "." * 20 in text  # the blanks are dotted lines
    assert "Trang 1/" in text
