"""Publishing a centre's catalogue, queue services and forms to its kiosks.

Everything published is a row of ``publications``, never changed afterwards; the
change feed (``server.feed``) serves them in order. Files are read and checked with
the readers kiosks use (``wire.catalogue_files``, ``wire.portal``, ``wire.form_files``),
so the server publishes nothing a kiosk would refuse.

Queue services (quầy, số thứ tự) are part of the catalogue file, so a kiosk always
holds one consistent catalogue:

- ``publish_services`` republishes the centre's current catalogue with the new
  services (its ``catalogue_version`` gets a ``+q<hash>`` suffix);
- a catalogue published without any queue services (a portal import has none) keeps
  the services the centre has now; to remove every queue, publish an empty services
  list.

Publishing content identical to what is already published writes nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db.models import Publication
from server.devices import get_centre
from server.errors import PublishError
from wire.catalogue import CatalogueFile, QueueService
from wire.catalogue_files import read_catalogue_file, validate_catalogue
from wire.errors import CatalogueFormatError, FormDefinitionError
from wire.form_files import decode_form
from wire.forms import FormDefinition
from wire.problems import ParseProblem

CatalogueFormat = Literal["kiosk", "portal"]

_SERVICES_SUFFIX = "+q"


class ServicesFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A ``publish-services`` file: the ``queue_services`` block of a catalogue file."""

    queue_services: list[QueueService]


@dataclass(frozen=True, slots=True)
class PublishOutcome:
    """What a publish did: the new feed position, or ``unchanged``."""

    kind: Literal["catalogue", "form"]
    name: str
    version: int | None
    sequence: int | None
    unchanged: bool
    notes: tuple[str, ...] = ()


def read_catalogue(path: Path, fmt: CatalogueFormat) -> tuple[CatalogueFile, list[ParseProblem]]:
    """A catalogue file as the kiosk reads it; ``PublishError`` when it cannot be used."""
    from wire.portal import read_portal_file

    try:
        if fmt == "portal":
            catalogue, problems = read_portal_file(path)
            return validate_catalogue(catalogue), problems
        return read_catalogue_file(path), []
    except CatalogueFormatError as exc:
        raise PublishError(str(exc)) from exc


def read_services(path: Path) -> list[QueueService]:
    try:
        services = msgspec.json.decode(path.read_bytes(), type=ServicesFile, strict=True)
    except OSError as exc:
        raise PublishError(f"{path}: {exc.strerror or exc}") from exc
    except (msgspec.DecodeError, UnicodeDecodeError) as exc:
        raise PublishError(f"{path}: {exc}") from exc
    return services.queue_services


def read_form(path: Path) -> FormDefinition:
    """A form file, strictly decoded and checked as the kiosk's library does."""
    try:
        return decode_form(path.read_bytes())
    except OSError as exc:
        raise PublishError(f"{path}: {exc.strerror or exc}") from exc
    except FormDefinitionError as exc:
        raise PublishError(f"{path}: {exc}") from exc


def latest_catalogue(session: Session, centre_id: uuid.UUID) -> Publication | None:
    return session.scalars(
        select(Publication)
        .where(Publication.centre_id == centre_id, Publication.kind == "catalogue")
        .order_by(Publication.sequence.desc())
        .limit(1)
    ).one_or_none()


def current_catalogue(session: Session, centre_id: uuid.UUID) -> CatalogueFile | None:
    latest = latest_catalogue(session, centre_id)
    if latest is None:
        return None
    return msgspec.json.decode(latest.content, type=CatalogueFile)


def publish_catalogue(
    session: Session, centre_id: uuid.UUID, catalogue: CatalogueFile, *, now: datetime
) -> PublishOutcome:
    """Publish ``catalogue`` (validated again here) to ``centre_id``'s kiosks."""
    get_centre(session, centre_id)
    notes: list[str] = []
    current = current_catalogue(session, centre_id)
    if not catalogue.queue_services and current is not None and current.queue_services:
        catalogue = msgspec.structs.replace(catalogue, queue_services=current.queue_services)
        notes.append(
            f"kept the centre's {len(current.queue_services)} queue services (the file has none)"
        )
    return _publish_catalogue(session, centre_id, catalogue, now=now, notes=notes)


def publish_services(
    session: Session, centre_id: uuid.UUID, services: list[QueueService], *, now: datetime
) -> PublishOutcome:
    """Republish the centre's current catalogue with ``services`` as its queues."""
    get_centre(session, centre_id)
    current = current_catalogue(session, centre_id)
    if current is None:
        raise PublishError("the centre has no catalogue yet: publish one first")
    encoded = msgspec.json.encode(services)
    base = current.catalogue_version.split(_SERVICES_SUFFIX)[0][:50]
    version = f"{base}{_SERVICES_SUFFIX}{hashlib.sha256(encoded).hexdigest()[:8]}"
    try:
        catalogue = msgspec.structs.replace(
            current, queue_services=list(services), catalogue_version=version
        )
    except ValueError as exc:  # CatalogueFile.__post_init__: a procedure's queue is gone
        raise PublishError(f"the catalogue with these queue services: {exc}") from exc
    return _publish_catalogue(session, centre_id, catalogue, now=now, notes=[])


def _publish_catalogue(
    session: Session,
    centre_id: uuid.UUID,
    catalogue: CatalogueFile,
    *,
    now: datetime,
    notes: list[str],
) -> PublishOutcome:
    try:
        catalogue = validate_catalogue(catalogue)
    except CatalogueFormatError as exc:
        raise PublishError(str(exc)) from exc
    content = msgspec.json.encode(catalogue)
    digest = hashlib.sha256(content).hexdigest()
    latest = latest_catalogue(session, centre_id)
    if latest is not None and latest.content_hash == digest:
        publication, unchanged = latest, True
    else:
        publication = _add(
            session,
            centre_id,
            kind="catalogue",
            name=catalogue.catalogue_version,
            version=None,
            content=content,
            now=now,
        )
        unchanged = False
    return PublishOutcome(
        kind="catalogue",
        name=catalogue.catalogue_version,
        version=None,
        sequence=publication.sequence,
        unchanged=unchanged,
        notes=tuple(notes),
    )


def publish_form(
    session: Session, centre_id: uuid.UUID, form: FormDefinition, *, now: datetime
) -> PublishOutcome:
    """Publish one form version; a version already published must not change."""
    get_centre(session, centre_id)
    content = msgspec.json.encode(form)
    try:
        decode_form(content)
    except FormDefinitionError as exc:
        raise PublishError(f"form {form.id}: {exc}") from exc
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalars(
        select(Publication).where(
            Publication.centre_id == centre_id,
            Publication.kind == "form",
            Publication.name == form.id,
            Publication.version == form.version,
        )
    ).first()
    if existing is not None and existing.content_hash != digest:
        raise PublishError(
            f"form {form.id} version {form.version} is already published with other "
            "content: raise its version"
        )
    if existing is not None:
        publication, unchanged = existing, True
    else:
        publication = _add(
            session,
            centre_id,
            kind="form",
            name=form.id,
            version=form.version,
            content=content,
            now=now,
        )
        unchanged = False
    return PublishOutcome(
        kind="form",
        name=form.id,
        version=form.version,
        sequence=publication.sequence,
        unchanged=unchanged,
    )


def _add(
    session: Session,
    centre_id: uuid.UUID,
    *,
    kind: Literal["catalogue", "form"],
    name: str,
    version: int | None,
    content: bytes,
    now: datetime,
) -> Publication:
    publication = Publication(
        centre_id=centre_id,
        kind=kind,
        name=name,
        version=version,
        content=content.decode("utf-8"),
        content_hash=hashlib.sha256(content).hexdigest(),
        published_at=now,
    )
    session.add(publication)
    session.flush()  # assigns the sequence
    return publication
