"""The phiếu tờ khai đã điền: the slip a citizen takes to the counter after filling a tờ khai.

It is not a receipt for a dossier: nothing has been received yet. The counter checks
the declaration, receives the dossier (hồ sơ) and gives its own receipt with its own
mã hồ sơ; the slip says so, so that nobody mistakes it for that receipt.

It says, biggest first, the mã tờ khai (also as a QR code staff scan at the counter),
which thủ tục it is for and when it was filled in, and the papers still to bring: the
procedure's checklist from the catalogue without the tờ khai the kiosk just filled in.
The checklist is laid out by the same code as the procedure's printed checklist
(``kiosk.catalog.printout``), so both slips list papers alike.

No personal data is printed, not even the applicant's name: the slip is often left
on the kiosk or dropped in the hall, and the reference is all staff need to open the
declaration; the thủ tục's name is enough for the citizen to tell two slips apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiosk.catalog.printout import PROCEDURE_CODE, document_blocks
from kiosk.catalog.wording import Translate, source
from kiosk.clock import LOCAL_TZ
from kiosk.declarations.api import DeclarationView
from kiosk.printing.api import Block, PrintDocument, QrBlock, RuleBlock, SpaceBlock, TextBlock
from wire.catalogue import Document, DocumentGroup, Procedure
from wire.forms import FormDefinition
from wire.i18n import QT_TRANSLATE_NOOP

HEADING = QT_TRANSLATE_NOOP("Receipt", "PHIẾU TỜ KHAI ĐÃ ĐIỀN")
REFERENCE = QT_TRANSLATE_NOOP("Receipt", "Mã tờ khai")
SUBMITTED_AT = QT_TRANSLATE_NOOP("Receipt", "Điền tại kiosk lúc {time} ngày {date}")
TO_BRING = QT_TRANSLATE_NOOP("Receipt", "Giấy tờ cần mang đến quầy")
NOTHING_TO_BRING = QT_TRANSLATE_NOOP(
    "Receipt", "Không cần mang thêm giấy tờ; cán bộ tại quầy sẽ hướng dẫn nếu cần."
)
ASK_STAFF = QT_TRANSLATE_NOOP("Receipt", "Vui lòng hỏi cán bộ tại quầy về giấy tờ cần mang theo.")
QR_CAPTION = QT_TRANSLATE_NOOP("Receipt", "Cán bộ quét mã này để mở tờ khai đã điền")
FOOTER = QT_TRANSLATE_NOOP(
    "Receipt",
    "Tờ khai đã được lưu, không cần điền lại. Phiếu này chưa phải giấy tiếp nhận hồ sơ: "
    "vui lòng lấy số thứ tự, mang phiếu này và giấy tờ đến quầy để nộp hồ sơ.",
)

#: How the catalogue names a tờ khai when it names no template.
_FORM_WORDS = ("tờ khai",)


@dataclass(frozen=True, slots=True)
class ReceiptFacts:
    """What the slip needs besides the declaration; the catalogue and library may lack them."""

    centre_name: str
    #: ``None`` when the catalogue no longer lists the procedure.
    procedure: Procedure | None
    #: ``None`` when the form's version is no longer known.
    form: FormDefinition | None


def receipt_document(
    declaration: DeclarationView, facts: ReceiptFacts, translate: Translate = source
) -> PrintDocument:
    """The receipt's blocks; ``title`` names the job by the reference only."""
    local = declaration.submitted_at.astimezone(LOCAL_TZ)
    procedure = facts.procedure
    if procedure is not None:
        name = procedure.name
    elif facts.form is not None:
        name = facts.form.title.vi
    else:
        name = declaration.procedure_code
    blocks: list[Block] = [
        TextBlock(facts.centre_name, align="centre", bold=True),
        RuleBlock(),
        TextBlock(translate(HEADING), size="large", align="centre", bold=True),
        TextBlock(name, align="centre", bold=True),
        TextBlock(
            translate(PROCEDURE_CODE.with_params(code=declaration.procedure_code)),
            size="small",
            align="centre",
        ),
        SpaceBlock(8),
        TextBlock(translate(REFERENCE), size="small", align="centre"),
        TextBlock(declaration.reference, size="large", align="centre", bold=True),
        TextBlock(
            translate(
                SUBMITTED_AT.with_params(
                    time=local.strftime("%H:%M"), date=local.strftime("%d/%m/%Y")
                )
            ),
            size="small",
            align="centre",
        ),
        RuleBlock(),
        TextBlock(translate(TO_BRING), bold=True),
    ]
    if procedure is None:
        blocks.append(TextBlock(translate(ASK_STAFF)))
    else:
        groups = documents_to_bring(procedure, facts.form)
        blocks += document_blocks(groups, translate) or [TextBlock(translate(NOTHING_TO_BRING))]
    blocks += [
        SpaceBlock(),
        QrBlock(declaration.reference, caption=translate(QR_CAPTION)),
        RuleBlock(),
        TextBlock(translate(FOOTER), size="small", align="centre"),
    ]
    return PrintDocument(blocks=tuple(blocks), title=f"receipt-{declaration.reference}")


def documents_to_bring(procedure: Procedure, form: FormDefinition | None) -> list[DocumentGroup]:
    """The procedure's document groups without the tờ khai ``form`` stands for.

    Groups left empty are dropped. Without a form nothing is dropped: better one
    paper too many on the list than a missing one.
    """
    replaced = None if form is None else replaced_document(procedure, form)
    groups = []
    for group in procedure.document_groups:
        documents = [document for document in group.documents if document is not replaced]
        if documents:
            groups.append(DocumentGroup(kind=group.kind, title=group.title, documents=documents))
    return groups


def replaced_document(procedure: Procedure, form: FormDefinition) -> Document | None:
    """The one paper of the checklist that the kiosk's tờ khai replaces, if it names one.

    Tried from the surest sign to the loosest: the paper names the form's official
    template ("CT01"); its name begins with the form's title ("Tờ khai đăng ký khai
    sinh ..."); it is the first paper to hand in whose name begins with "Tờ khai".
    Only one paper is ever dropped: a procedure needing two tờ khai keeps the other.
    """
    handed_in = [
        document
        for group in procedure.document_groups
        if group.kind == "nop"
        for document in group.documents
    ]
    template = _folded(form.template)
    title = _folded(form.title.vi)

    def names_template(document: Document) -> bool:
        if not document.template:
            return False
        word = re.escape(_folded(document.template))
        return re.search(rf"(?<!\w){word}(?!\w)", template) is not None

    def starts_with_title(document: Document) -> bool:
        return _folded(document.name).startswith(title)

    def is_a_form(document: Document) -> bool:
        return _folded(document.name).startswith(_FORM_WORDS)

    for matches in (names_template, starts_with_title, is_a_form):
        found = next((document for document in handed_in if matches(document)), None)
        if found is not None:
            return found
    return None


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()
