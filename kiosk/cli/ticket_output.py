"""How the ``ticket`` commands print a số thứ tự: one JSON object, or one line."""

from __future__ import annotations

from kiosk.clock import LOCAL_TZ
from kiosk.queue.api import IssuedTicket


def ticket_json(ticket: IssuedTicket) -> dict[str, object]:
    """The ticket's fields as plain JSON values; ``print_error`` in Vietnamese."""
    return {
        "id": str(ticket.id),
        "service_code": ticket.service_code,
        "service_name": ticket.service_name,
        "number": ticket.number,
        "label": ticket.label,
        "counters": list(ticket.counters),
        "service_day": ticket.service_day.isoformat(),
        "issued_at": ticket.issued_at.isoformat(),
        "people_ahead": ticket.people_ahead,
        "priority": ticket.priority,
        "declaration_reference": ticket.declaration_reference,
        "print_status": ticket.print_status,
        "print_error": None if ticket.print_error is None else ticket.print_error.render(),
    }


def ticket_line(ticket: IssuedTicket) -> str:
    """``A-012  10/03 09:05  printed  Tư pháp – Hộ tịch``: one ticket of a list."""
    issued = ticket.issued_at.astimezone(LOCAL_TZ).strftime("%d/%m %H:%M")
    return f"{ticket.label}  {issued}  {ticket.print_status:<7}  {ticket.service_name}"
