"""The catalogue in the database and back: schema structs ⇄ rows.

Rows carry what the kiosk filters and lists by (code, name, levels, field, online,
popularity, queue, form); ``procedures.body`` carries the whole
:class:`~wire.catalogue.Procedure` as msgspec JSON, so what was imported is
what the procedure screen shows, field for field. Writes are bulk ``INSERT``s in the
caller's transaction: 2,642 procedures take well under a second.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from kiosk.catalog.search.api import SearchDocument
from kiosk.db import models
from wire import catalogue as schema
from wire.vocabulary import PriorityGroup

_encoder = msgspec.json.Encoder()
_procedure_decoder = msgspec.json.Decoder(schema.Procedure)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SearchFace(msgspec.Struct, frozen=True, kw_only=True):
    """What search needs of a procedure's body; decoding skips every other key."""

    summary: str = ""
    keywords: list[str] = msgspec.field(default_factory=list)


_face_decoder = msgspec.json.Decoder(SearchFace)


def content_hash(catalogue: schema.CatalogueFile) -> str:
    """SHA-256 of what the tables would hold: equal content, equal hash.

    Lists are sorted by code and the free-text note left out, so a catalogue exported
    and imported again (in code order) counts as unchanged.
    """
    canonical = msgspec.structs.replace(
        catalogue,
        note="",
        fields=sorted(catalogue.fields, key=lambda f: f.code),
        agencies=sorted(catalogue.agencies, key=lambda a: a.code),
        queue_services=sorted(catalogue.queue_services, key=lambda q: q.code),
        procedures=sorted(catalogue.procedures, key=lambda p: p.code),
    )
    return hashlib.sha256(_encoder.encode(canonical)).hexdigest()


def clear_catalogue(session: Session) -> None:
    # Children before parents, so foreign keys never block a delete.
    for model in (
        models.ProcedureAgency,
        models.Procedure,
        models.QueueService,
        models.Agency,
        models.Field,
        models.CatalogMeta,
    ):
        session.execute(delete(model))


def write_catalogue(
    session: Session,
    catalogue: schema.CatalogueFile,
    *,
    source: str,
    fmt: str,
    digest: str,
    now: datetime,
) -> None:
    """Replace the whole catalogue with ``catalogue`` in the caller's transaction."""
    clear_catalogue(session)
    session.execute(
        insert(models.CatalogMeta),
        [
            {
                "id": 1,
                "version": catalogue.catalogue_version,
                "source": source,
                "format": fmt,
                "loaded_at": now,
                "content_hash": digest,
            }
        ],
    )
    _insert(
        session,
        models.Field,
        [{"code": f.code, "name": f.name, "position": f.position} for f in catalogue.fields],
    )
    _insert(
        session,
        models.Agency,
        [{"code": a.code, "name": a.name, "level": a.level} for a in catalogue.agencies],
    )
    _insert(session, models.QueueService, [_queue_row(q) for q in catalogue.queue_services])
    _insert(session, models.Procedure, [_procedure_row(p) for p in catalogue.procedures])
    _insert(
        session,
        models.ProcedureAgency,
        [
            {"procedure_code": p.code, "agency_code": agency, "position": position}
            for p in catalogue.procedures
            for position, agency in enumerate(p.agencies)
        ],
    )


def _insert(session: Session, model: type[models.Base], rows: list[dict[str, Any]]) -> None:
    if rows:  # an empty executemany is an error
        session.execute(insert(model), rows)


def _queue_row(queue: schema.QueueService) -> dict[str, Any]:
    hours = queue.opening_hours
    return {
        "code": queue.code,
        "name": queue.name,
        "counters": list(queue.counters),
        "opening_hours": {
            day: [list(span) for span in getattr(hours, day)]
            for day in WEEKDAYS
            if getattr(hours, day)
        },
        "daily_limit": queue.daily_limit,
        "position": queue.position,
        "priority_groups": list(queue.priority_groups),
    }


def _procedure_row(procedure: schema.Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code,
        "name": procedure.name,
        "levels": ",".join(procedure.levels),
        "field_code": procedure.field,
        "online": procedure.online,
        "popularity": procedure.popularity,
        "queue_service_code": procedure.queue_service,
        "form_id": procedure.form_id,
        "body": _encoder.encode(procedure).decode("utf-8"),
    }


def read_meta(session: Session) -> models.CatalogMeta | None:
    return session.get(models.CatalogMeta, 1)


def read_procedure(session: Session, code: str) -> schema.Procedure | None:
    body = session.scalar(select(models.Procedure.body).where(models.Procedure.code == code))
    return None if body is None else _procedure_decoder.decode(body)


def read_catalogue(session: Session) -> schema.CatalogueFile | None:
    """The loaded catalogue as a file (for export); ``None`` when none is loaded."""
    meta = read_meta(session)
    if meta is None:
        return None
    queues = [
        schema.QueueService(
            code=q.code,
            name=q.name,
            counters=list(q.counters),
            opening_hours=msgspec.convert(q.opening_hours, schema.OpeningHours),
            daily_limit=q.daily_limit,
            position=q.position,
            priority_groups=msgspec.convert(q.priority_groups, list[PriorityGroup]),
        )
        for q in session.scalars(select(models.QueueService).order_by(models.QueueService.code))
    ]
    return schema.CatalogueFile(
        format="kiosk-catalogue",
        version=1,
        catalogue_version=meta.version,
        fields=[
            schema.Field(code=f.code, name=f.name, position=f.position)
            for f in session.scalars(select(models.Field).order_by(models.Field.code))
        ],
        agencies=[
            schema.Agency(code=a.code, name=a.name, level=a.level)  # type: ignore[arg-type]
            for a in session.scalars(select(models.Agency).order_by(models.Agency.code))
        ],
        queue_services=queues,
        procedures=[
            _procedure_decoder.decode(body)
            for body in session.scalars(
                select(models.Procedure.body).order_by(models.Procedure.code)
            )
        ],
    )


def field_counts(session: Session) -> list[tuple[str, str, int]]:
    """Each field's code, name and number of procedures, in browse order."""
    count = func.count(models.Procedure.code)
    rows = session.execute(
        select(models.Field.code, models.Field.name, count)
        .outerjoin(models.Procedure, models.Procedure.field_code == models.Field.code)
        .group_by(models.Field.code)
        .order_by(models.Field.position, models.Field.name)
    )
    return [(code, name, int(n)) for code, name, n in rows]


def search_documents(session: Session) -> Iterator[SearchDocument]:
    """One :class:`SearchDocument` per procedure, read straight from the rows."""
    # ``.all()``: a Result has ``keys()``, so ``dict()`` would take it for a mapping.
    field_names = dict(session.execute(select(models.Field.code, models.Field.name)).all())
    agencies: dict[str, list[str]] = {}
    for procedure_code, agency_code in session.execute(
        select(models.ProcedureAgency.procedure_code, models.ProcedureAgency.agency_code).order_by(
            models.ProcedureAgency.procedure_code, models.ProcedureAgency.position
        )
    ):
        agencies.setdefault(procedure_code, []).append(agency_code)
    rows = session.execute(
        select(
            models.Procedure.code,
            models.Procedure.name,
            models.Procedure.levels,
            models.Procedure.field_code,
            models.Procedure.online,
            models.Procedure.popularity,
            models.Procedure.body,
        )
        .order_by(models.Procedure.code)
        # In batches: the session would otherwise buffer every row, bodies and all,
        # before the first is read (some 50 MB at 10,000 procedures).
        .execution_options(yield_per=500)
    )
    for code, name, levels, field, online, popularity, body in rows:
        face = _face_decoder.decode(body)
        yield SearchDocument(
            code=code,
            name=name,
            levels=tuple(levels.split(",")) if levels else (),  # type: ignore[arg-type]
            field=field,
            field_name=field_names.get(field, field),
            agencies=tuple(agencies.get(code, ())),
            online=online,  # type: ignore[arg-type]
            popularity=popularity,
            keywords=tuple(face.keywords),
            summary=face.summary,
        )


def search_document(procedure: schema.Procedure, field_name: str) -> SearchDocument:
    """The searchable face of one procedure (the same as :func:`search_documents` gives)."""
    return SearchDocument(
        code=procedure.code,
        name=procedure.name,
        levels=tuple(procedure.levels),
        field=procedure.field,
        field_name=field_name,
        agencies=tuple(procedure.agencies),
        online=procedure.online,
        popularity=procedure.popularity,
        keywords=tuple(procedure.keywords),
        summary=procedure.summary,
    )
