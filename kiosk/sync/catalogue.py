"""Pulling the catalogue feed: each page applied whole, with its cursor, or not at all.

A page's catalogue (thủ tục, lĩnh vực, cơ quan, hàng đợi) replaces the kiosk's in the
same transaction as the new form versions and the cursor, so a crash or a bad page
leaves the previous catalogue and cursor exactly as they were, and the next pass asks
again from the same place. The cursor doubles as the feed's ETag: an unchanged
catalogue costs one request answered ``304``.

Two kiosk processes on one database (the running kiosk and ``python -m kiosk sync``)
may pull at once: a page is written only if the stored cursor is still the one it was
asked from, checked inside the writing transaction (``BEGIN IMMEDIATE``).

A page meets the same limits as a file IT imports: the protocol's decode applies the
catalogue and form formats' (``wire.catalogue``, ``wire.forms``), and portal links the
centre's allow-list refuses are dropped (``replace_catalogue``), each one logged and
counted in the :class:`PullReport`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from kiosk.catalog.importer import replace_catalogue
from kiosk.clock import Clock
from kiosk.db import Database
from kiosk.errors import KioskError
from kiosk.sync import state
from kiosk.sync.errors import ProtocolError
from wire.forms import FormDefinition
from wire.links import NATIONAL_PORTAL_DOMAINS
from wire.problems import ParseProblem
from wire.protocol import CatalogChanges

if TYPE_CHECKING:
    from kiosk.sync.client import SyncClient

log = logging.getLogger("kiosk.sync")

#: Pages fetched in one pass at most; the rest waits for the next pass.
MAX_PAGES = 50


class FormPublisher(Protocol):
    """Stores a new form version in the caller's transaction (``services.forms``)."""

    def publish_in(self, session: Session, form: FormDefinition) -> bool: ...


@dataclass(frozen=True, slots=True)
class PullReport:
    pages: int = 0
    catalogue_updated: bool = False
    forms_published: int = 0
    #: What was dropped from the catalogue on the way in (portal links refused).
    problems: tuple[ParseProblem, ...] = ()


def pull_catalogue(
    client: SyncClient,
    db: Database,
    forms: FormPublisher | None,
    clock: Clock,
    on_catalogue_changed: Callable[[], None],
    *,
    portal_domains: Sequence[str] = NATIONAL_PORTAL_DOMAINS,
) -> PullReport:
    """Fetch and apply pages until the server says there are no more.

    Raises the client's errors; a page that cannot be applied raises
    :class:`ProtocolError` with nothing written. ``portal_domains`` is the centre's
    allow-list for portal links.
    """
    pages = published = 0
    updated = False
    problems: list[ParseProblem] = []
    for _ in range(MAX_PAGES):
        with db.transaction() as session:
            since = state.get(session, state.CATALOG_CURSOR)
        changes = client.catalog_changes(since)
        if changes is None:
            break
        if changes.more and changes.cursor == since:
            raise ProtocolError(what="the catalogue feed did not move past its cursor")
        applied = _apply_page(db, changes, since, forms, clock(), portal_domains=portal_domains)
        pages += 1
        if applied is None:
            log.info("catalogue page skipped: another process moved the cursor")
            break
        changed, count, dropped = applied
        published += count
        problems += dropped
        if changed:
            updated = True
            on_catalogue_changed()
        if not changes.more:
            break
    return PullReport(
        pages=pages, catalogue_updated=updated, forms_published=published, problems=tuple(problems)
    )


def _apply_page(
    db: Database,
    changes: CatalogChanges,
    since: str | None,
    forms: FormPublisher | None,
    now: datetime,
    *,
    portal_domains: Sequence[str],
) -> tuple[bool, int, tuple[ParseProblem, ...]] | None:
    """``(catalogue changed, forms published, links dropped)``; ``None`` if the cursor
    moved meanwhile."""
    if changes.forms and forms is None:
        raise ProtocolError(what="forms received but this kiosk cannot store forms")
    try:
        with db.transaction() as session:
            if state.get(session, state.CATALOG_CURSOR) != since:
                return None
            changed = False
            dropped: tuple[ParseProblem, ...] = ()
            if changes.catalogue is not None:
                report = replace_catalogue(
                    session,
                    changes.catalogue,
                    source="server",
                    fmt="kiosk",
                    now=now,
                    portal_domains=portal_domains,
                )
                changed = not report.unchanged
                dropped = report.problems
                if changed:
                    log.info(
                        "catalogue %s from the server: %d procedures",
                        report.catalogue_version,
                        report.procedures,
                    )
            published = 0
            for form in changes.forms:
                assert forms is not None
                if forms.publish_in(session, form):
                    published += 1
                    log.info("form %s version %d published", form.id, form.version)
            state.put(session, state.CATALOG_CURSOR, changes.cursor)
            return changed, published, dropped
    except (ValueError, KioskError, sa_exc.IntegrityError) as exc:
        # A page that decodes but cannot be stored (a form the library refuses, a
        # constraint the tables enforce): the transaction rolled back as a whole.
        log.warning("catalogue page refused, nothing changed: %s", type(exc).__name__)
        raise ProtocolError(what="catalogue page could not be stored") from exc
