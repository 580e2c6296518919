"""Queue tickets (số thứ tự) as the screen, the command line and the benchmark see them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from wire.i18n import TrText
from wire.vocabulary import PriorityGroup

PrintStatus = Literal["pending", "printed", "failed", "voided"]


@dataclass(frozen=True, slots=True)
class QueueServiceView:
    """A queue on the "Lấy số thứ tự" screen."""

    code: str
    name: str
    counters: tuple[int, ...]
    #: Tickets issued today not yet called, as far as this kiosk knows.
    waiting: int
    open_now: bool
    #: ``True`` once today's daily limit is reached (hết số).
    full: bool
    priority_groups: tuple[PriorityGroup, ...]


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    """A ticket that exists, printed or not: the screen shows it either way."""

    id: uuid.UUID
    service_code: str
    service_name: str
    number: int
    #: What is printed and called out: ``A-001``.
    label: str
    counters: tuple[int, ...]
    service_day: date
    issued_at: datetime
    people_ahead: int
    #: A priority ticket (ưu tiên): never which group, never with a declaration reference.
    priority: bool
    declaration_reference: str | None
    print_status: PrintStatus
    #: Why printing failed, to show the citizen; ``None`` when it printed.
    print_error: TrText | None = None
