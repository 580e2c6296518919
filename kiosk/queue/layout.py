"""The paper số thứ tự: laid out once as print blocks, rendered by ``kiosk.printing``.

What a citizen needs at a glance, biggest first: the number, the counters (quầy) to
go to, how many are ahead. A priority ticket says "Ưu tiên" and nothing about why:
the group is the citizen's own business, and the paper is left on counters and
floors. The QR carries the mã tờ khai when an ordinary ticket was taken for a
declaration filled at the kiosk (staff open it straight away), else the ticket's id; a
priority ticket has no reference (``kiosk.queue.tickets``). Texts are
``TrText`` and go through ``translate``, so the UI can print in the kiosk's language;
the default prints the Vietnamese source.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.clock import LOCAL_TZ
from kiosk.printing.api import Block, PrintDocument, QrBlock, RuleBlock, SpaceBlock, TextBlock
from kiosk.queue.api import IssuedTicket
from wire.i18n import QT_TRANSLATE_NOOP, TrText

Translate = Callable[[TrText], str]

HEADING = QT_TRANSLATE_NOOP("Queue", "SỐ THỨ TỰ")
#: Which quầy serve the number; the footer asks to wait for the call, not to walk up.
COUNTERS = QT_TRANSLATE_NOOP("Queue", "Quầy phục vụ: {counters}")
PEOPLE_AHEAD = QT_TRANSLATE_NOOP("Queue", "Trước Ông/Bà còn {count} người")
NOBODY_AHEAD = QT_TRANSLATE_NOOP("Queue", "Không có ai chờ trước Ông/Bà")
#: All a priority ticket says about it, on paper and on screen.
PRIORITY = QT_TRANSLATE_NOOP("Queue", "Ưu tiên")
ISSUED_AT = QT_TRANSLATE_NOOP("Queue", "Ngày {date} lúc {time}")
QR_CAPTION_DECLARATION = QT_TRANSLATE_NOOP("Queue", "Mã tờ khai: {reference}")
QR_CAPTION_TICKET = QT_TRANSLATE_NOOP("Queue", "Đưa mã này cho cán bộ khi cần")
FOOTER = QT_TRANSLATE_NOOP("Queue", "Vui lòng giữ phiếu và chờ đến lượt khi được gọi số.")


def _source(text: TrText) -> str:
    return text.render()


def qr_data(ticket: IssuedTicket) -> str:
    """The declaration reference when there is one (never on a priority ticket), else the
    ticket's id."""
    if ticket.declaration_reference and not ticket.priority:
        return ticket.declaration_reference
    return str(ticket.id)


def ticket_document(
    ticket: IssuedTicket, centre_name: str, translate: Translate = _source
) -> PrintDocument:
    """The ticket's slip; ``title`` names the job by its label only (no personal data)."""
    local = ticket.issued_at.astimezone(LOCAL_TZ)
    blocks: list[Block] = [
        TextBlock(centre_name, size="normal", align="centre", bold=True),
        TextBlock(ticket.service_name, size="normal", align="centre"),
        RuleBlock(),
        TextBlock(translate(HEADING), size="small", align="centre"),
        TextBlock(ticket.label, size="huge", align="centre", bold=True),
    ]
    if ticket.counters:
        counters = ", ".join(str(counter) for counter in ticket.counters)
        blocks.append(
            TextBlock(
                translate(COUNTERS.with_params(counters=counters)),
                size="large",
                align="centre",
                bold=True,
            )
        )
    if ticket.priority:
        blocks.append(TextBlock(translate(PRIORITY), size="large", align="centre", bold=True))
    ahead = (
        PEOPLE_AHEAD.with_params(count=ticket.people_ahead) if ticket.people_ahead else NOBODY_AHEAD
    )
    blocks += [
        TextBlock(translate(ahead), align="centre"),
        TextBlock(
            translate(
                ISSUED_AT.with_params(date=local.strftime("%d/%m/%Y"), time=local.strftime("%H:%M"))
            ),
            size="small",
            align="centre",
        ),
        SpaceBlock(),
        QrBlock(
            qr_data(ticket),
            caption=translate(
                QR_CAPTION_DECLARATION.with_params(reference=ticket.declaration_reference)
                if ticket.declaration_reference and not ticket.priority
                else QR_CAPTION_TICKET
            ),
        ),
        RuleBlock(),
        TextBlock(translate(FOOTER), size="small", align="centre"),
    ]
    return PrintDocument(blocks=tuple(blocks), title=f"ticket-{ticket.label}")
