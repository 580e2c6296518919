"""The catalogue change feed: what a kiosk holding cursor X must fetch to be current.

A cursor names a position in the centre's publications: ``<epoch>-<sequence>-<hash>``,
for example ``1.1.1-42-3fa9c2d17b6e`` (``<epoch>-0`` before anything was published).

- The epoch is the feed's own format and the catalogue and form format versions: when
  any of them moves on, every kiosk's cursor stops matching and the next answer is
  ``full``, so no kiosk keeps data in a shape the server no longer speaks.
- The hash is the start of that publication's content hash. A cursor whose
  publication does not exist with that hash (a database restored from an older
  backup, a kiosk moved to another centre) is unknown, and an unknown cursor gets
  ``full`` too, never a silent gap.

A page holds the state as of its cursor: the newest catalogue published up to there
(when one was published after ``since``) and the form versions published after
``since`` up to there, oldest first. Forms come :data:`PAGE_FORMS` at a time; ``more``
says to ask again with the page's cursor.

A centre with nothing published answers ``full=False`` with nothing in it: a kiosk
keeps the catalogue it has (the bundled one) rather than dropping it for nothing.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import Publication
from wire.catalogue import FORMAT_VERSION as CATALOGUE_FORMAT_VERSION
from wire.catalogue import CatalogueFile
from wire.forms import FORMAT_VERSION as FORM_FORMAT_VERSION
from wire.forms import FormDefinition
from wire.protocol import CatalogChanges

#: Raised when what the feed serves changes shape; every kiosk then syncs in full.
FEED_FORMAT = 1
EPOCH = f"{FEED_FORMAT}.{CATALOGUE_FORMAT_VERSION}.{FORM_FORMAT_VERSION}"
#: Form versions per page; a form definition is a few tens of kilobytes.
PAGE_FORMS = 20
_HASH_CHARS = 12
_CURSOR = re.compile(
    r"^(?P<epoch>[0-9.]{1,20})-(?P<sequence>[0-9]{1,18})(?:-(?P<hash>[0-9a-f]+))?\Z"
)


@dataclass(frozen=True, slots=True)
class _Row:
    sequence: int
    kind: str
    content_hash: str


def cursor_at(sequence: int, content_hash: str) -> str:
    if sequence == 0:
        return f"{EPOCH}-0"
    return f"{EPOCH}-{sequence}-{content_hash[:_HASH_CHARS]}"


def head_cursor(session: Session, centre_id: uuid.UUID) -> str:
    """The cursor of the centre's newest publication: what an up-to-date kiosk holds."""
    latest = session.execute(
        select(Publication.sequence, Publication.content_hash)
        .where(Publication.centre_id == centre_id)
        .order_by(Publication.sequence.desc())
        .limit(1)
    ).one_or_none()
    if latest is None:
        return cursor_at(0, "")
    return cursor_at(latest.sequence, latest.content_hash)


def _position(session: Session, centre_id: uuid.UUID, since: str | None) -> int | None:
    """The sequence ``since`` names for this centre, or ``None`` if it is unknown."""
    if since is None:
        return None
    match = _CURSOR.match(since)
    if match is None or match["epoch"] != EPOCH:
        return None
    sequence = int(match["sequence"])
    if sequence == 0:
        return 0 if match["hash"] is None else None
    if match["hash"] is None or len(match["hash"]) != _HASH_CHARS:
        return None
    content_hash = session.scalar(
        select(Publication.content_hash).where(
            Publication.centre_id == centre_id, Publication.sequence == sequence
        )
    )
    if content_hash is None or content_hash[:_HASH_CHARS] != match["hash"]:
        return None
    return sequence


def changes(
    session: Session, centre_id: uuid.UUID, since: str | None, *, page_forms: int = PAGE_FORMS
) -> CatalogChanges:
    """One page of what changed for ``centre_id`` after ``since``."""
    after = _position(session, centre_id, since)
    full = after is None
    rows = [
        _Row(r.sequence, r.kind, r.content_hash)
        for r in session.execute(
            select(Publication.sequence, Publication.kind, Publication.content_hash)
            .where(Publication.centre_id == centre_id, Publication.sequence > (after or 0))
            .order_by(Publication.sequence)
        )
    ]
    if not rows:
        # Nothing after ``since`` (or nothing published at all): nothing to drop either.
        unchanged = since if since is not None and after is not None else cursor_at(0, "")
        return CatalogChanges(cursor=unchanged)
    form_rows = [row for row in rows if row.kind == "form"]
    more = len(form_rows) > page_forms
    page_end = form_rows[page_forms - 1] if more else rows[-1]
    forms = [row for row in form_rows if row.sequence <= page_end.sequence][:page_forms]
    catalogue_changed = any(
        row.kind == "catalogue" and row.sequence <= page_end.sequence for row in rows
    )
    return CatalogChanges(
        cursor=cursor_at(page_end.sequence, page_end.content_hash),
        full=full,
        more=more,
        catalogue=_catalogue_as_of(session, centre_id, page_end.sequence)
        if catalogue_changed
        else None,
        forms=tuple(_forms(session, [row.sequence for row in forms])),
    )


def _catalogue_as_of(session: Session, centre_id: uuid.UUID, sequence: int) -> CatalogueFile:
    content = session.scalars(
        select(Publication.content)
        .where(
            Publication.centre_id == centre_id,
            Publication.kind == "catalogue",
            Publication.sequence <= sequence,
        )
        .order_by(Publication.sequence.desc())
        .limit(1)
    ).one()
    return msgspec.json.decode(content, type=CatalogueFile)


def _forms(session: Session, sequences: list[int]) -> list[FormDefinition]:
    if not sequences:
        return []
    contents = session.execute(
        select(Publication.content)
        .where(Publication.sequence.in_(sequences))
        .order_by(Publication.sequence)
    ).scalars()
    return [msgspec.json.decode(content, type=FormDefinition) for content in contents]
