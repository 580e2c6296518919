"""The phiếu tờ khai: mã tờ khai, procedure, time, papers still to bring, QR; nothing personal."""

from __future__ import annotations

import msgspec

from kiosk.declarations import DeclarationService
from kiosk.declarations.receipt import documents_to_bring, replaced_document
from kiosk.printing.api import ChecklistBlock, QrBlock, TextBlock
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.sample_form import (
    APPLICANT,
    CHILD,
    PROCEDURE_CODE,
    sample_answers,
    sample_form,
)
from tests.core.printing.conftest import parse_escpos
from wire.catalogue import Document, DocumentGroup, Procedure


def _texts(blocks: tuple[object, ...]) -> list[str]:
    return [block.text for block in blocks if isinstance(block, TextBlock)]


def _checklist(blocks: tuple[object, ...]) -> list[str]:
    return [
        name
        for block in blocks
        if isinstance(block, ChecklistBlock)
        for name, _quantity in block.items
    ]


def test_the_receipt_prints_as_escpos_with_reference_procedure_and_papers_to_bring(
    services: KioskServices, declarations: DeclarationService
) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    document = declarations.receipt(submitted.reference)
    job = services.printing.job(document)
    parsed = parse_escpos(job.data)
    assert job.data.startswith(b"\x1b@")  # ESC @: initialise
    assert parsed.cut == b"\x1dV\x00"
    assert sum(height for _, height in parsed.bands) == job.image.height
    assert document.title == f"receipt-{submitted.reference}"

    texts = _texts(document.blocks)
    assert submitted.reference in texts
    assert services.settings.centre_name in texts
    assert "PHIẾU TỜ KHAI ĐÃ ĐIỀN" in texts
    assert "Mã tờ khai" in texts
    # It is not the counter's receipt, and says where the dossier is handed in.
    assert not [text for text in texts if "BIÊN NHẬN" in text.upper() or "Mã hồ sơ" in text]
    assert any("đến quầy để nộp hồ sơ" in text for text in texts)
    assert services.catalog.procedure(PROCEDURE_CODE).name in texts
    assert any("09:05" in text and "10/03/2025" in text for text in texts)
    qr = [block for block in document.blocks if isinstance(block, QrBlock)]
    assert [block.data for block in qr] == [submitted.reference]

    papers = _checklist(document.blocks)
    assert any(paper.startswith("Giấy chứng sinh") for paper in papers)
    assert any(paper.startswith("Giấy tờ tùy thân") for paper in papers)
    # The tờ khai was just filled in at the kiosk: it is not on the list.
    assert not any(paper.startswith("Tờ khai") for paper in papers)


def test_the_receipt_holds_no_personal_data(declarations: DeclarationService) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    document = declarations.receipt(submitted.reference)
    printed = " ".join(_texts(document.blocks) + _checklist(document.blocks))
    for personal in (APPLICANT, CHILD, "20/02/2025", "La Thành"):
        assert personal not in printed


def test_a_procedure_withdrawn_from_the_catalogue_still_gets_a_receipt(
    services: KioskServices, declarations: DeclarationService
) -> None:
    submitted = declarations.submit(sample_form(), "1.999999", sample_answers(), consent=AGREED)
    document = declarations.receipt(submitted.reference)
    texts = _texts(document.blocks)
    assert "Tờ khai đăng ký khai sinh" in texts  # the form's title stands in for the name
    assert any("hỏi cán bộ" in text for text in texts)
    services.printing.job(document)  # and it renders


def test_the_receipt_can_be_printed_in_english(declarations: DeclarationService) -> None:
    submitted = declarations.submit(sample_form(), PROCEDURE_CODE, sample_answers(), consent=AGREED)
    document = declarations.receipt(submitted.reference, translate=lambda text: f"<{text.source}>")
    assert "<PHIẾU TỜ KHAI ĐÃ ĐIỀN>" in _texts(document.blocks)


def _procedure(*groups: DocumentGroup) -> Procedure:
    return Procedure(
        code="1.004222",
        name="Đăng ký thường trú",
        levels=["xa"],
        field="cu-tru",
        document_groups=list(groups),
    )


def test_the_form_replaces_the_paper_naming_its_template_first() -> None:
    form = msgspec.structs.replace(
        sample_form(), template="Mẫu CT01 ban hành kèm theo Thông tư số 66/2023/TT-BCA"
    )
    declaration = Document(name="Tờ khai đầu tiên", originals=1)
    ct01 = Document(name="Đề nghị khai báo tạm vắng (ghi trên tờ khai)", template="CT01")
    proof = Document(name="Giấy tờ chứng minh chỗ ở hợp pháp", copies=1)
    procedure = _procedure(DocumentGroup(kind="nop", documents=[declaration, ct01, proof]))
    assert replaced_document(procedure, form) is ct01
    kept = documents_to_bring(procedure, form)
    assert [document.name for document in kept[0].documents] == [declaration.name, proof.name]


def test_only_one_declaration_is_dropped_and_emptied_groups_go() -> None:
    birth = Document(name="Tờ khai đăng ký khai sinh theo mẫu", originals=1)
    other = Document(name="Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", originals=1)
    identity = Document(name="Giấy tờ tùy thân", originals=1)
    procedure = _procedure(
        DocumentGroup(kind="nop", documents=[other, birth]),
        DocumentGroup(kind="xuat_trinh", documents=[identity]),
    )
    kept = documents_to_bring(procedure, sample_form())
    assert [[d.name for d in group.documents] for group in kept] == [[other.name], [identity.name]]
    only_form = _procedure(DocumentGroup(kind="nop", documents=[birth]))
    assert documents_to_bring(only_form, sample_form()) == []
    assert documents_to_bring(only_form, None)[0].documents == [birth]
