"""Marking what a transaction wrote, table by table, so no writer can forget to.

Every session the kiosk's :class:`~kiosk.db.Database` makes carries two listeners:
one sees the rows each flush inserts, updates or deletes, the other every
``INSERT``/``UPDATE``/``DELETE`` statement run through the session (the bulk
acknowledgements, the purge, the benchmark's backlog). Both mark the table's kind of
change on the session (``kiosk.changes.mark_changed``); the database announces the
marks once the transaction has committed.

The outbox is the one table whose kind depends on the statement: a new entry is work
for the sync worker (``outbox``), while stamping one acknowledged or refused is the
worker's own bookkeeping (``sync``), which must not wake it again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from kiosk.changes import Kind, mark_changed

#: Each table's kind of change: ``(when rows are inserted, when updated or deleted)``.
TABLE_KINDS: dict[str, tuple[Kind, Kind]] = {
    "catalog_meta": ("catalogue", "catalogue"),
    "fields": ("catalogue", "catalogue"),
    "agencies": ("catalogue", "catalogue"),
    "queue_services": ("catalogue", "catalogue"),
    "procedures": ("catalogue", "catalogue"),
    "procedure_agencies": ("catalogue", "catalogue"),
    "form_definitions": ("forms", "forms"),
    "accounts": ("accounts", "accounts"),
    "declarations": ("declarations", "declarations"),
    "tickets": ("tickets", "tickets"),
    "number_leases": ("sync", "sync"),
    "outbox": ("outbox", "sync"),
    "sync_state": ("sync", "sync"),
    "audit_log": ("audit", "audit"),
    "staff_members": ("staff", "staff"),
    "staff_lockout": ("staff", "staff"),
}


def watch_writes(sessions: sessionmaker[Session]) -> None:
    """Mark every write of the sessions ``sessions`` makes (see the module docstring)."""
    event.listen(sessions, "after_flush", _flushed)
    event.listen(sessions, "do_orm_execute", _executing)


def _flushed(session: Session, _flush: UOWTransaction) -> None:
    inserted = {_table_of(row) for row in session.new}
    changed = {_table_of(row) for row in session.dirty} | {
        _table_of(row) for row in session.deleted
    }
    kinds = {_kind(table, inserted=True) for table in inserted}
    kinds |= {_kind(table, inserted=False) for table in changed}
    _mark(session, kinds)


def _executing(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    _mark(state.session, {_kind(name, inserted=state.is_insert)})


def _table_of(row: Any) -> str | None:
    table = getattr(type(row), "__table__", None)
    return getattr(table, "name", None)


def _kind(table: str | None, *, inserted: bool) -> Kind | None:
    kinds = TABLE_KINDS.get(table or "")
    if kinds is None:
        return None
    return kinds[0] if inserted else kinds[1]


def _mark(session: Session, kinds: set[Kind | None]) -> None:
    known = [kind for kind in kinds if kind is not None]
    if known:
        mark_changed(session, *known)
