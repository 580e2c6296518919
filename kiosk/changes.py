"""What a committed transaction changed, announced as data to whoever listens.

Screens and the sync worker need to hear that something changed without the writer
knowing who listens: the declaration service must not call the sync worker, nor the
ticket desk the staff screen. So every writing transaction ends by announcing a
:class:`Changes` value (which kinds of data it changed, as Anki's ``OpChanges``),
and each listener decides whether it cares: the sync worker wakes when ``outbox``
is set, a screen refreshes when its own kinds are.

Writers do not announce, and cannot forget to: what a transaction wrote is marked on
its session as it is flushed (``kiosk.db.changes``), and ``Database.transaction``
announces once, after the commit. A rolled-back transaction announces nothing.

A kind may be announced when a statement matched no row: listeners re-read what they
show, which is cheap and never wrong. Listeners run on the committing thread, after
the commit, so they must be quick and never block (set an event, post to the UI's
thread); one that raises is logged and the others still run, and the writer never
hears of it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger("kiosk.changes")

#: The kinds of data a listener may react to.
Kind = Literal[
    "outbox", "sync", "declarations", "accounts", "tickets", "catalogue", "forms", "audit", "staff"
]
KINDS: tuple[Kind, ...] = get_args(Kind)

#: Where a session keeps the kinds its transaction changed so far.
_INFO_KEY = "kiosk.changes"


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of data one committed transaction changed."""

    #: New entries queued for the server: the sync worker has work.
    outbox: bool = False
    #: Sync bookkeeping: entries acknowledged or refused, sync state, number leases.
    sync: bool = False
    #: Declarations saved, acknowledged or purged.
    declarations: bool = False
    accounts: bool = False
    #: Số thứ tự issued, printed, failed, reprinted or voided.
    tickets: bool = False
    #: Thủ tục, lĩnh vực, cơ quan, queues: replaced by an import or a pull.
    catalogue: bool = False
    #: Tờ khai templates published.
    forms: bool = False
    audit: bool = False
    #: The staff PIN and its lock-out.
    staff: bool = False

    @classmethod
    def of(cls, kinds: Iterable[Kind]) -> Changes:
        flags = dict.fromkeys(kinds, True)
        unknown = flags.keys() - set(KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        return cls(**flags)

    @property
    def kinds(self) -> frozenset[Kind]:
        return frozenset(kind for kind in KINDS if getattr(self, kind))

    def __bool__(self) -> bool:
        return any(getattr(self, field.name) for field in fields(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes.of(self.kinds | other.kinds)


Listener = Callable[[Changes], None]
Unsubscribe = Callable[[], None]


class ChangeFeed:
    """One kiosk's announcements; any thread may subscribe, unsubscribe or announce."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Unsubscribe:
        """Call ``listener`` with every announcement from now on, until unsubscribed.

        The returned function unsubscribes; calling it again does nothing. A listener
        subscribed twice is called twice.
        """
        with self._guard:
            self._listeners.append(listener)
        done = False

        def unsubscribe() -> None:
            nonlocal done
            with self._guard:
                if not done:
                    done = True
                    self._listeners.remove(listener)

        return unsubscribe

    def announce(self, changes: Changes) -> None:
        """Call every listener with ``changes``, in subscription order; never raises.

        Listeners are called without the feed's lock held, so one may subscribe,
        unsubscribe or write to the database (announcing again) from its call.
        """
        if not changes:
            return
        with self._guard:
            listeners = tuple(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:
                log.exception("a change listener failed (changes: %s)", sorted(changes.kinds))


def mark_changed(session: Session, *kinds: Kind) -> None:
    """Record on ``session`` that its transaction changed ``kinds``; announced on commit."""
    marked: set[Kind] = session.info.setdefault(_INFO_KEY, set())
    marked.update(kinds)


def marked_changes(session: Session) -> Changes:
    """What was marked on ``session`` so far (nothing for a read-only transaction)."""
    return Changes.of(session.info.get(_INFO_KEY, ()))
