"""Issuing số thứ tự and keeping their print outcome, reprints and voids.

Every change is one transaction with its outbox entry (the sync worker uploads it),
and staff actions (in lại, huỷ số) go to the audit log in that same transaction.
Tickets hold no personal data: a queue, a number, times, whether it is a priority
ticket (ưu tiên) and, for an ordinary one, an optional declaration reference. Which
priority group a citizen belongs to (age, disability, pregnancy...) is sensitive and
never recorded, and a priority ticket is never linked to a declaration: together they
would tie a declaration to a group (DESIGN.md, "Privacy").

Staff actions (reprint, void, the list of recent tickets) take a ``StaffGrant`` and
are refused without a live one: the check is here, not only in the staff screen.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import desc, func, literal_column, select
from sqlalchemy.orm import Session

from kiosk.audit import AuditLog
from kiosk.clock import LOCAL_TZ, Clock
from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import QueueService, Ticket
from kiosk.db.outbox import add_outbox_entry
from kiosk.queue.api import IssuedTicket, QueueServiceView
from kiosk.queue.errors import (
    ClosedForTodayError,
    DailyLimitError,
    TicketNotFoundError,
    TicketVoidedError,
    UnknownPriorityError,
    UnknownServiceError,
)
from kiosk.queue.numbering import NumberLeases, label, parse_label
from kiosk.queue.services import closed_for_today, priority_groups, service_views
from kiosk.staff.grant import GrantCheck, StaffGrant
from kiosk.staff.reason import staff_reason
from wire.i18n import TrText

#: The most tickets the staff list shows at once.
MAX_RECENT = 200


class TicketService:
    """The queue's core service: the screen, the CLI and the desk go through it."""

    def __init__(
        self,
        db: Database,
        audit: AuditLog,
        clock: Clock,
        settings: Settings,
        *,
        staff: GrantCheck,
        standalone: Callable[[Session], bool] | None = None,
    ) -> None:
        """``standalone``: whether the kiosk has no server, asked in a transaction;
        default: whether ``server_url`` is unset."""
        self._db = db
        self._audit = audit
        self._clock = clock
        self._staff = staff
        self._kiosk_name = settings.kiosk_name
        self.leases = NumberLeases(
            db,
            clock,
            kiosk_number=settings.kiosk_number,
            standalone=settings.server_url is None if standalone is None else standalone,
        )

    def services(self) -> list[QueueServiceView]:
        with self._db.transaction() as session:
            return service_views(session, self._local_now())

    def issue(
        self,
        service_code: str,
        priority: bool = False,
        declaration_reference: str | None = None,
    ) -> IssuedTicket:
        """A new ``pending`` ticket, committed with its outbox entry before it returns.

        ``priority`` asks for a priority ticket, for a queue that serves priority
        groups first (``UnknownPriorityError`` otherwise); ``declaration_reference`` is
        then not kept, here or anywhere: a priority ticket is never linked to a
        declaration. ``people_ahead`` counts the tickets this kiosk issued today for the queue and
        did not void: the kiosk counts what it knows. Tickets may be taken before
        opening and in the lunch break, not once the day's last opening span is over.
        """
        now = self._clock()
        local_now = now.astimezone(LOCAL_TZ)
        day = local_now.date()
        with self._db.transaction() as session:
            service = session.get(QueueService, service_code)
            if service is None:
                raise UnknownServiceError(code=service_code)
            if priority and not priority_groups(service):
                raise UnknownPriorityError()
            if closed_for_today(service.opening_hours, local_now):
                raise ClosedForTodayError()
            ahead = _issued_today(session, service_code, day)
            if service.daily_limit is not None and ahead >= service.daily_limit:
                raise DailyLimitError(limit=service.daily_limit)
            number = self.leases.take(session, service_code, day)
            ticket = Ticket(
                id=uuid.uuid4(),
                service_code=service_code,
                service_day=day,
                number=number,
                issued_at=now,
                people_ahead=ahead,
                declaration_reference=None if priority else declaration_reference,
                print_status="pending",
                priority=bool(priority),
                kiosk_name=self._kiosk_name,
                reprints=0,
            )
            session.add(ticket)
            session.flush()
            add_outbox_entry(
                session, "ticket", ticket.id, "create", _create_payload(ticket), now=now
            )
            return _issued(ticket, service)

    def mark_printed(self, ticket_id: uuid.UUID) -> IssuedTicket:
        with self._db.transaction() as session:
            ticket = _get(session, ticket_id)
            if ticket.voided_at is None:
                ticket.print_status = "printed"
                ticket.printed_at = self._clock()
                ticket.print_error = None
            return _issued(ticket, session.get(QueueService, ticket.service_code))

    def mark_failed(self, ticket_id: uuid.UUID, error: TrText) -> IssuedTicket:
        """Record why printing failed; the ticket stays valid and can be reprinted."""
        with self._db.transaction() as session:
            ticket = _get(session, ticket_id)
            if ticket.voided_at is None:
                ticket.print_status = "failed"
                ticket.print_error = {
                    "context": error.context,
                    "source": error.source,
                    "params": {key: str(value) for key, value in error.params.items()},
                }
            return _issued(ticket, session.get(QueueService, ticket.service_code))

    def reprint(self, grant: StaffGrant | None, key: str | uuid.UUID) -> IssuedTicket:
        """Count and audit a staff reprint (in lại) of ticket ``key``; the desk then prints it.

        ``key`` is the ticket's id or today's label as staff type it (see :meth:`find`).
        Raises ``StaffAccessError``, ``TicketNotFoundError``, or ``TicketVoidedError``:
        a voided number must not reach the counter again on paper.
        """
        actor = self._staff.require(grant)
        with self._db.transaction() as session:
            ticket = self._lookup(session, key)
            if ticket is None:
                raise TicketNotFoundError(key=str(key).strip())
            if ticket.voided_at is not None:
                raise TicketVoidedError(label=label(ticket.service_code, ticket.number))
            ticket.reprints += 1
            self._audit.record_in(
                session,
                actor,
                "ticket.reprint",
                ticket_id=str(ticket.id),
                label=label(ticket.service_code, ticket.number),
                reprints=ticket.reprints,
            )
            return _issued(ticket, session.get(QueueService, ticket.service_code))

    def void(self, grant: StaffGrant | None, key: str | uuid.UUID, reason: str) -> IssuedTicket:
        """Huỷ số: the number stays taken, marked ``voided``, and is never reissued.

        ``key`` as for :meth:`reprint`; ``reason`` is required (see
        ``kiosk.staff.reason``) and audited with the label. Voiding a voided ticket
        changes nothing and is not audited again.
        """
        actor = self._staff.require(grant)
        reason = staff_reason(reason)
        now = self._clock()
        with self._db.transaction() as session:
            ticket = self._lookup(session, key)
            if ticket is None:
                raise TicketNotFoundError(key=str(key).strip())
            if ticket.voided_at is None:
                ticket.voided_at = now
                ticket.print_status = "voided"
                self._audit.record_in(
                    session,
                    actor,
                    "ticket.void",
                    ticket_id=str(ticket.id),
                    label=label(ticket.service_code, ticket.number),
                    reason=reason,
                )
                payload = {"id": str(ticket.id), "status": "voided", "voided_at": now.isoformat()}
                add_outbox_entry(session, "ticket", ticket.id, "update", payload, now=now)
            return _issued(ticket, session.get(QueueService, ticket.service_code))

    def recent(self, grant: StaffGrant | None, limit: int = 20) -> list[IssuedTicket]:
        """The ``limit`` (at most :data:`MAX_RECENT`) tickets issued here last, newest first.

        Voided and unprinted ones included, with their status: it is the list staff
        pick a ticket to reprint or void from.
        """
        self._staff.require(grant)
        query = (
            select(Ticket)
            # rowid breaks ties between tickets issued in the same instant (insert order).
            .order_by(desc(Ticket.issued_at), desc(literal_column("tickets.rowid")))
            .limit(max(1, min(limit, MAX_RECENT)))
        )
        with self._db.transaction() as session:
            services = {row.code: row for row in session.scalars(select(QueueService))}
            return [
                _issued(ticket, services.get(ticket.service_code))
                for ticket in session.scalars(query)
            ]

    def find(self, key: str | uuid.UUID) -> IssuedTicket:
        """A ticket by id, or by today's label; raises ``TicketNotFoundError``.

        The label is forgiven as staff type it: ``A-012``, ``a012``, ``A 12``.
        """
        with self._db.transaction() as session:
            ticket = self._lookup(session, key)
            if ticket is None:
                raise TicketNotFoundError(key=str(key).strip())
            return _issued(ticket, session.get(QueueService, ticket.service_code))

    def _lookup(self, session: Session, key: str | uuid.UUID) -> Ticket | None:
        if isinstance(key, uuid.UUID):
            return session.get(Ticket, key)
        try:
            return session.get(Ticket, uuid.UUID(key.strip()))
        except ValueError:
            pass
        parsed = parse_label(key)
        if parsed is None:
            return None
        code, number = parsed
        return session.scalars(
            select(Ticket).where(
                Ticket.service_code == code,
                Ticket.service_day == self._local_now().date(),
                Ticket.number == number,
            )
        ).first()

    def _local_now(self) -> datetime:
        return self._clock().astimezone(LOCAL_TZ)


def _issued_today(session: Session, service_code: str, day: object) -> int:
    count = session.scalar(
        select(func.count())
        .select_from(Ticket)
        .where(
            Ticket.service_code == service_code,
            Ticket.service_day == day,
            Ticket.voided_at.is_(None),
        )
    )
    return int(count or 0)


def _get(session: Session, ticket_id: uuid.UUID) -> Ticket:
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise TicketNotFoundError(key=str(ticket_id))
    return ticket


def _create_payload(ticket: Ticket) -> dict[str, Any]:
    """The ticket as the server receives it: no personal data, only queue facts (a
    priority ticket says ``priority: true`` and carries no reference)."""
    return {
        "id": str(ticket.id),
        "service_code": ticket.service_code,
        "service_day": ticket.service_day.isoformat(),
        "number": ticket.number,
        "label": label(ticket.service_code, ticket.number),
        "issued_at": ticket.issued_at.isoformat(),
        "people_ahead": ticket.people_ahead,
        "priority": ticket.priority,
        "dossier_reference": ticket.declaration_reference,
        "kiosk_name": ticket.kiosk_name,
    }


def _issued(ticket: Ticket, service: QueueService | None) -> IssuedTicket:
    error = ticket.print_error
    return IssuedTicket(
        id=ticket.id,
        service_code=ticket.service_code,
        service_name=service.name if service is not None else ticket.service_code,
        number=ticket.number,
        label=label(ticket.service_code, ticket.number),
        counters=tuple(service.counters) if service is not None else (),
        service_day=ticket.service_day,
        issued_at=ticket.issued_at,
        people_ahead=ticket.people_ahead,
        priority=ticket.priority,
        declaration_reference=ticket.declaration_reference,
        print_status=ticket.print_status,  # type: ignore[arg-type]
        print_error=(
            None
            if error is None or ticket.print_status != "failed"
            else TrText(error["context"], error["source"], dict(error.get("params", {})))
        ),
    )
