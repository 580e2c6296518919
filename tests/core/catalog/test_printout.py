"""The printed documents checklist, laid out from a procedure and rendered (printed: test_slips)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.catalog.portal_link import NATIONAL_PORTAL_URL
from kiosk.catalog.printout import checklist_document
from kiosk.catalog.service import CatalogService
from kiosk.catalog.wording import quantity_text
from kiosk.db import Database
from kiosk.printing.api import PAPER_58, ChecklistBlock, PrintDocument, QrBlock, TextBlock
from kiosk.printing.service import PrintService
from wire.catalogue import Document, DocumentGroup, Method, Procedure
from wire.i18n import TrText

CENTRE = "Trung tâm Phục vụ hành chính công phường Ba Đình"
BIRTH = "1.001193"


@pytest.fixture
def catalog(db: Database) -> CatalogService:
    return CatalogService(db)


def texts(document: PrintDocument) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, TextBlock)]


def checklist_items(document: PrintDocument) -> list[tuple[str, str]]:
    return [
        item
        for block in document.blocks
        if isinstance(block, ChecklistBlock)
        for item in block.items
    ]


def qr_data(document: PrintDocument) -> list[str]:
    return [block.data for block in document.blocks if isinstance(block, QrBlock)]


def a_procedure(**changes: object) -> Procedure:
    fields: dict[str, object] = {
        "code": "2.000001",
        "name": "Thủ tục chứng thực bản sao từ bản chính",
        "levels": ["xa"],
        "field": "chung-thuc",
        "agencies": ["ubnd-xa"],
        "methods": [Method(kind="truc_tiep", days=0.5, fee_vnd=2000)],
        "document_groups": [
            DocumentGroup(
                kind="nop",
                documents=[
                    Document(name="Bản chính giấy tờ cần chứng thực", originals=1),
                    Document(name="Bản sao cần chứng thực", copies=2),
                    Document(name="Sổ hộ khẩu", originals=1, copies=1),
                    Document(name="Giấy tờ khác nếu có"),
                ],
            )
        ],
    }
    fields.update(changes)
    return Procedure(**fields)  # type: ignore[arg-type]


def test_the_checklist_holds_every_document_with_its_quantity(catalog: CatalogService) -> None:
    birth = catalog.procedure(BIRTH)
    agencies = catalog.agency_names(birth.agencies)
    document = checklist_document(birth, CENTRE, agencies, portal_link=catalog.portal_link(birth))

    shown = texts(document)
    assert shown[0] == CENTRE
    assert "DANH SÁCH GIẤY TỜ CẦN MANG" in shown
    assert birth.name in shown
    assert f"Mã thủ tục: {BIRTH}" in shown
    assert "Giấy tờ phải nộp" in shown
    assert "Giấy tờ phải xuất trình" in shown
    expected = [
        (paper.name, quantity_text(paper))
        for group in birth.document_groups
        for paper in group.documents
    ]
    assert checklist_items(document) == expected
    assert all(quantity == "1 bản chính" for _, quantity in expected)
    assert "Lệ phí và thời hạn giải quyết" in shown
    assert any("Lệ phí: Miễn lệ phí khi đăng ký đúng hạn" in text for text in shown)
    assert any(text.startswith("Thời hạn: Trong ngày nhận đủ hồ sơ") for text in shown)
    assert {"Trực tiếp", "Trực tuyến", "Bưu chính"} <= set(shown)
    assert "Nơi nộp hồ sơ" in shown
    assert any("Ủy ban nhân dân cấp xã" in text for text in shown)
    assert qr_data(document) == [NATIONAL_PORTAL_URL.format(code=BIRTH)]
    assert document.title == f"checklist-{BIRTH}"


def test_quantities_say_originals_and_copies_as_a_citizen_reads_them() -> None:
    document = checklist_document(
        a_procedure(), CENTRE, ["Ủy ban nhân dân cấp xã"], portal_link=None
    )
    assert checklist_items(document) == [
        ("Bản chính giấy tờ cần chứng thực", "1 bản chính"),
        ("Bản sao cần chứng thực", "2 bản sao"),
        ("Sổ hộ khẩu", "1 bản chính, 1 bản sao"),
        ("Giấy tờ khác nếu có", ""),
    ]
    shown = texts(document)
    assert "Thời hạn: 0,5 ngày làm việc\nLệ phí: 2.000 đồng" in shown


def test_a_procedure_with_its_own_link_gets_it_in_the_qr(catalog: CatalogService) -> None:
    link = "https://dichvucong.hanoi.gov.vn/thu-tuc/2.000001"
    procedure = a_procedure(portal_url=link)
    document = checklist_document(procedure, CENTRE, [], portal_link=catalog.portal_link(procedure))
    assert qr_data(document) == [link]
    assert "Nơi nộp hồ sơ" not in texts(document)


def test_without_a_link_the_checklist_has_no_qr_code() -> None:
    document = checklist_document(a_procedure(), CENTRE, [], portal_link=None)
    assert qr_data(document) == []
    assert any("hỏi cán bộ" in text or "tham khảo" in text for text in texts(document))


def test_a_procedure_without_documents_says_to_ask_at_the_counter() -> None:
    document = checklist_document(
        a_procedure(document_groups=[], methods=[]), CENTRE, [], portal_link=None
    )
    assert not checklist_items(document)
    assert any("hỏi cán bộ tại quầy" in text for text in texts(document))


def test_texts_go_through_translate() -> None:
    def shout(text: TrText) -> str:
        return text.render().upper()

    document = checklist_document(a_procedure(), CENTRE, [], translate=shout, portal_link=None)
    assert "MÃ THỦ TỤC: 2.000001" in texts(document)
    assert ("Sổ hộ khẩu", "1 BẢN CHÍNH, 1 BẢN SAO") in checklist_items(document)


def test_the_checklist_renders_to_the_papers_width(catalog: CatalogService, tmp_path: Path) -> None:
    birth = catalog.procedure(BIRTH)
    document = checklist_document(
        birth,
        CENTRE,
        catalog.agency_names(birth.agencies),
        portal_link=catalog.portal_link(birth),
    )
    printing = PrintService("file:", tmp_path)
    job = printing.job(document)
    assert job.image.mode == "1"
    assert job.image.width == printing.profile.dots
    assert job.image.height > job.image.width  # a long slip, not a cropped one
    assert printing.job(document, PAPER_58).image.width == PAPER_58.dots
