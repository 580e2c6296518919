"""The bundled birth registration (khai-sinh) end to end: submit, receipt, A4 PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.db.models import Declaration
from kiosk.declarations import DeclarationService
from kiosk.printing.api import ChecklistBlock
from kiosk.services import KioskServices
from kiosk.staff import StaffGrant
from tests.consent import AGREED


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_benchmark_answers_pass_the_form_checks_and_file_a_declaration(
    services: KioskServices, declarations: DeclarationService, grant: StaffGrant
) -> None:
    form = services.forms.get(FORM_ID)
    submitted = declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
    assert submitted.reference == "TK-1-250310-0001"
    assert declarations.lookup(grant, submitted.reference).answers == KHAI_SINH_ANSWERS


def test_its_receipt_lists_the_papers_but_not_the_form_filled_at_the_kiosk(
    services: KioskServices, declarations: DeclarationService
) -> None:
    form = services.forms.get(FORM_ID)
    submitted = declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
    document = declarations.receipt(submitted.reference)
    papers = [
        name
        for block in document.blocks
        if isinstance(block, ChecklistBlock)
        for name, _ in block.items
    ]
    catalogue = services.catalog.procedure(form.procedures[0])
    listed = [document.name for group in catalogue.document_groups for document in group.documents]
    assert listed[0].startswith("Tờ khai đăng ký khai sinh")
    assert papers == listed[1:]
    services.printing.job(document)


def test_its_pdf_reads_like_the_paper_form(
    services: KioskServices, declarations: DeclarationService
) -> None:
    form = services.forms.get(FORM_ID)
    submitted = declarations.submit(form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED)
    text = _pdf_text(declarations.pdf(submitted.reference))
    flat = " ".join(text.split())
    assert "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Ánh" in flat
    assert "Họ, chữ đệm, tên: Trần Minh Khôi" in flat
    assert "Họ, chữ đệm, tên người cha: Trần Văn Bình" in flat
    assert "Số 5, ngõ 3 phố Chương Dương, Phường Hồng Hà, Thành phố Hà Nội" in flat
    assert "ngày 10 tháng 03 năm 2025" in flat
    assert f"Mã tờ khai: {submitted.reference}" in flat


def test_without_a_father_his_answers_are_dropped_and_his_lines_print_blank(
    services: KioskServices, declarations: DeclarationService
) -> None:
    form = services.forms.get(FORM_ID)
    answers = {**KHAI_SINH_ANSWERS, "has_father": False}
    submitted = declarations.submit(form, form.procedures[0], answers, consent=AGREED)
    with services.db.transaction() as session:
        stored = session.scalars(select(Declaration.answers)).one()
    assert not any(key.startswith("father_") for key in stored)
    text = _pdf_text(declarations.pdf(submitted.reference))
    assert "Trần Văn Bình" not in text
    father_line = next(line for line in text.splitlines() if "tên người cha" in line)
    assert father_line.rstrip().endswith("." * 10)
