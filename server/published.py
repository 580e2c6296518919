"""What a centre published, as the checks on kiosks' uploads and leases need it.

A lease is granted only for a queue of the centre's current catalogue; a ticket is
accepted for a queue of any catalogue the centre published (a kiosk offline since
yesterday prints from the catalogue it held then); a dossier's answers are checked
against the form version it names, as published to the centre. Publications never
change once written, so what is decoded from one is kept, keyed by its content's hash:
a batch of 500 entries costs one small query per look-up, not a decoded catalogue each.
"""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import Publication
from wire.forms import FormDefinition

T = TypeVar("T")

#: Decoded publications kept per process (each a few queue codes, or one form).
_CACHE_SIZE = 512


class _Queue(msgspec.Struct):
    code: str
    daily_limit: int | None = None


class _Queues(msgspec.Struct):
    """Only the queue codes of a catalogue: the rest of the file is skipped, not built."""

    queue_services: list[_Queue] = msgspec.field(default_factory=list)


class _Decoded:
    """Content hash → what was decoded from it; thread-safe, bounded.

    The hash, not the sequence, is the key: one process may serve several databases
    (a test run uses SQLite and PostgreSQL), whose sequences name different rows.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, str], object] = OrderedDict()

    def get(self, kind: str, content_hash: str, load: Callable[[], T]) -> T:
        key = (kind, content_hash)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]  # type: ignore[return-value]  # stored by load
        value = load()
        with self._lock:
            self._items[key] = value
            while len(self._items) > _CACHE_SIZE:
                self._items.popitem(last=False)
        return value


_decoded = _Decoded()


def current_queues(session: Session, centre_id: uuid.UUID) -> Mapping[str, int | None]:
    """The queues of the centre's current catalogue, code → its ``daily_limit`` (none
    before a catalogue is published)."""
    latest = session.execute(
        select(Publication.sequence, Publication.content_hash)
        .where(Publication.centre_id == centre_id, Publication.kind == "catalogue")
        .order_by(Publication.sequence.desc())
        .limit(1)
    ).first()
    if latest is None:
        return MappingProxyType({})
    return _queues_of(session, latest.sequence, latest.content_hash)


def ever_published_queues(session: Session, centre_id: uuid.UUID) -> frozenset[str]:
    """The queue codes of every catalogue the centre has published."""
    rows = session.execute(
        select(Publication.sequence, Publication.content_hash).where(
            Publication.centre_id == centre_id, Publication.kind == "catalogue"
        )
    ).all()
    codes: set[str] = set()
    for row in rows:
        codes.update(_queues_of(session, row.sequence, row.content_hash))
    return frozenset(codes)


def published_form(
    session: Session, centre_id: uuid.UUID, form_id: str, version: int
) -> FormDefinition | None:
    """The form version as published to the centre; None if it never was."""
    found = session.execute(
        select(Publication.sequence, Publication.content_hash).where(
            Publication.centre_id == centre_id,
            Publication.kind == "form",
            Publication.name == form_id,
            Publication.version == version,
        )
    ).first()
    if found is None:
        return None
    sequence = found.sequence
    return _decoded.get(
        "form",
        found.content_hash,
        lambda: msgspec.json.decode(_content(session, sequence), type=FormDefinition),
    )


def _queues_of(session: Session, sequence: int, content_hash: str) -> Mapping[str, int | None]:
    def load() -> Mapping[str, int | None]:
        queues = msgspec.json.decode(_content(session, sequence), type=_Queues)
        return MappingProxyType({queue.code: queue.daily_limit for queue in queues.queue_services})

    return _decoded.get("catalogue", content_hash, load)


def _content(session: Session, sequence: int) -> str:
    content = session.scalar(select(Publication.content).where(Publication.sequence == sequence))
    if content is None:  # rows are never deleted; a sequence read a moment ago is there
        raise LookupError(f"publication {sequence} is gone")
    return content
