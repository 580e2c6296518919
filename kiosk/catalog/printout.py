"""A procedure's documents checklist on paper: what to bring, ticked off at home.

The citizen takes it away from the procedure screen: the papers to bring per group,
each with a box to tick and how many (bản chính / bản sao), what it costs and how long
it takes per way of submitting, where to submit, and a QR code to continue on the
portal. Laid out as print blocks like the ticket (``kiosk.queue.layout``); texts go
through ``translate`` and default to the Vietnamese source, as the ticket's do.

Printing it is the slip service's (``kiosk.slips.SlipService.checklist``): at once or
a raised fault, never kept to print later, like every slip.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from kiosk.catalog.wording import (
    DOCUMENT_GROUPS,
    METHODS,
    Translate,
    fee_text,
    quantity_text,
    source,
    time_text,
)
from kiosk.printing.api import (
    Block,
    ChecklistBlock,
    PrintDocument,
    QrBlock,
    RuleBlock,
    SpaceBlock,
    TextBlock,
)
from wire.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from wire.catalogue import DocumentGroup, Procedure

HEADING = QT_TRANSLATE_NOOP("Printout", "DANH SÁCH GIẤY TỜ CẦN MANG")
PROCEDURE_CODE = QT_TRANSLATE_NOOP("Printout", "Mã thủ tục: {code}")
NO_DOCUMENTS = QT_TRANSLATE_NOOP(
    "Printout", "Danh mục chưa ghi giấy tờ cho thủ tục này. Vui lòng hỏi cán bộ tại quầy."
)
FEES_AND_TIMES = QT_TRANSLATE_NOOP("Printout", "Lệ phí và thời hạn giải quyết")
TIME = QT_TRANSLATE_NOOP("Printout", "Thời hạn: {time}")
FEE = QT_TRANSLATE_NOOP("Printout", "Lệ phí: {fee}")
WHERE = QT_TRANSLATE_NOOP("Printout", "Nơi nộp hồ sơ")
QR_CAPTION = QT_TRANSLATE_NOOP(
    "Printout",
    "Quét mã để xem thủ tục trên Cổng Dịch vụ công quốc gia và nộp hồ sơ trực tuyến",
)
FOOTER = QT_TRANSLATE_NOOP(
    "Printout", "Danh sách để tham khảo; cán bộ tại quầy sẽ hướng dẫn nếu cần thêm giấy tờ."
)


def checklist_document(
    procedure: Procedure,
    centre_name: str,
    agency_names: Sequence[str],
    translate: Translate = source,
    *,
    portal_link: str | None,
) -> PrintDocument:
    """The procedure's checklist; ``title`` names the job by the procedure's code.

    ``portal_link`` is what the catalogue service allows the QR code to hold
    (``CatalogService.portal_link``); with none, the checklist has no QR code.
    """
    blocks: list[Block] = [
        TextBlock(centre_name, align="centre", bold=True),
        RuleBlock(),
        TextBlock(translate(HEADING), size="large", align="centre", bold=True),
        TextBlock(procedure.name, align="centre", bold=True),
        TextBlock(
            translate(PROCEDURE_CODE.with_params(code=procedure.code)), size="small", align="centre"
        ),
        RuleBlock(),
    ]
    blocks += document_blocks(procedure.document_groups, translate) or [
        TextBlock(translate(NO_DOCUMENTS))
    ]
    if procedure.methods:
        blocks += [RuleBlock(), TextBlock(translate(FEES_AND_TIMES), bold=True)]
        for method in procedure.methods:
            blocks += [
                TextBlock(translate(METHODS[method.kind]), size="small", bold=True),
                TextBlock(
                    "\n".join(
                        (
                            translate(TIME.with_params(time=time_text(method, translate))),
                            translate(FEE.with_params(fee=fee_text(method, translate))),
                        )
                    ),
                    size="small",
                ),
            ]
    if agency_names:
        blocks += [
            RuleBlock(),
            TextBlock(translate(WHERE), bold=True),
            TextBlock("\n".join(f"• {name}" for name in agency_names), size="small"),
        ]
    if portal_link is not None:
        blocks += [SpaceBlock(), QrBlock(portal_link, caption=translate(QR_CAPTION))]
    blocks += [RuleBlock(), TextBlock(translate(FOOTER), size="small", align="centre")]
    return PrintDocument(blocks=tuple(blocks), title=f"checklist-{procedure.code}")


def document_blocks(groups: Iterable[DocumentGroup], translate: Translate = source) -> list[Block]:
    """Each group's heading and its papers with a box to tick; empty groups left out.

    Shared with the declaration receipt, so both slips list papers the same way.
    """
    blocks: list[Block] = []
    for group in groups:
        if not group.documents:
            continue
        blocks += [
            TextBlock(group.title or translate(DOCUMENT_GROUPS[group.kind]), bold=True),
            ChecklistBlock(
                tuple(
                    (document.name, quantity_text(document, translate))
                    for document in group.documents
                )
            ),
        ]
    return blocks
