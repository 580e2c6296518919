"""The demo catalogue shipped with the kiosk, so it works before any server exists.

``resources/demo/catalogue.json`` is a small file in the kiosk's own catalogue format
(``"format": "kiosk-catalogue"``, ``"version": 1``). It is validated whole before
anything is written, and written in the caller's transaction only when the kiosk has
no catalogue yet: a catalogue synced from the server is never overwritten by it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.catalog.errors import CatalogueFileError
from kiosk.clock import Clock, utc_now
from kiosk.db import models
from kiosk.paths import RESOURCES_DIR

BUNDLED_CATALOGUE = RESOURCES_DIR / "demo" / "catalogue.json"

Code = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9.-]+$")]
Name = Annotated[str, Field(min_length=1, max_length=300)]
Level = Literal["central", "province", "commune"]
#: Hours and minutes, as printed on the queue's notice board: ``07:30``.
HourMinute = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class FieldEntry(_Strict):
    code: Code
    name: Name
    position: int = 0


class AgencyEntry(_Strict):
    code: Code
    name: Name
    level: Level


class QueueServiceEntry(_Strict):
    code: Annotated[str, Field(pattern=r"^[A-Z]{1,4}$")]
    name: Name
    counters: list[Annotated[int, Field(ge=1)]] = Field(min_length=1)
    opening_hours: dict[Weekday, list[tuple[HourMinute, HourMinute]]]
    daily_limit: Annotated[int, Field(ge=1)] | None = None
    position: int = 0


class ProcedureEntry(_Strict):
    code: Annotated[str, Field(pattern=r"^\d\.\d{6}$")]
    name: Name
    level: Level
    field: Code
    agency: Code | None = None
    online_level: Literal["full", "partial", "none"]
    queue_service: str | None = None
    form_id: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)


class CatalogueFile(_Strict):
    """The whole file; references between its parts are checked too."""

    format: Literal["kiosk-catalogue"]
    version: Literal[1]
    catalogue_version: Annotated[str, Field(min_length=1, max_length=64)]
    note: str = ""
    fields: list[FieldEntry]
    agencies: list[AgencyEntry]
    queue_services: list[QueueServiceEntry]
    procedures: list[ProcedureEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_resolve(self) -> CatalogueFile:
        for kind, entries in (
            ("field", self.fields),
            ("agency", self.agencies),
            ("queue service", self.queue_services),
            ("procedure", self.procedures),
        ):
            codes = [entry.code for entry in entries]
            if len(codes) != len(set(codes)):
                raise ValueError(f"duplicate {kind} code")
        fields = {f.code for f in self.fields}
        agencies = {a.code for a in self.agencies}
        queues = {q.code for q in self.queue_services}
        for p in self.procedures:
            if p.field not in fields:
                raise ValueError(f"procedure {p.code}: unknown field {p.field!r}")
            if p.agency is not None and p.agency not in agencies:
                raise ValueError(f"procedure {p.code}: unknown agency {p.agency!r}")
            if p.queue_service is not None and p.queue_service not in queues:
                raise ValueError(f"procedure {p.code}: unknown queue {p.queue_service!r}")
        return self


def read_catalogue_file(path: Path) -> CatalogueFile:
    """The validated contents of a catalogue file; raises ``CatalogueFileError``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueFileError(path=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        # JSON mode: pydantic reads [start, end] arrays as tuples, and bad JSON is an
        # error like any other.
        return CatalogueFile.model_validate_json(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "file"
        raise CatalogueFileError(path=str(path), detail=f"{where}: {first['msg']}") from exc


def catalogue_is_empty(session: Session) -> bool:
    """Whether no catalogue has been loaded yet (neither bundled nor synced)."""
    loaded = session.scalar(select(models.CatalogMeta.id).limit(1))
    any_procedure = session.scalar(select(models.Procedure.code).limit(1))
    return loaded is None and any_procedure is None


def load_bundled_catalogue(
    session: Session, path: Path = BUNDLED_CATALOGUE, clock: Clock = utc_now
) -> bool:
    """Load the catalogue file into an empty catalogue; ``True`` if it was loaded.

    Runs in the caller's transaction, so a failure leaves the catalogue empty.
    """
    if not catalogue_is_empty(session):
        return False
    catalogue = read_catalogue_file(path)
    _write(session, catalogue, clock())
    return True


def _write(session: Session, catalogue: CatalogueFile, now: datetime) -> None:
    session.add(
        models.CatalogMeta(
            id=1, version=catalogue.catalogue_version, source="bundled", loaded_at=now
        )
    )
    session.add_all(
        models.Field(code=f.code, name=f.name, position=f.position) for f in catalogue.fields
    )
    session.add_all(
        models.Agency(code=a.code, name=a.name, level=a.level) for a in catalogue.agencies
    )
    session.add_all(
        models.QueueService(
            code=q.code,
            name=q.name,
            counters=list(q.counters),
            opening_hours={
                day: [list(span) for span in spans] for day, spans in q.opening_hours.items()
            },
            daily_limit=q.daily_limit,
            position=q.position,
        )
        for q in catalogue.queue_services
    )
    # Parents must exist before procedures reference them (foreign keys are on).
    session.flush()
    session.add_all(
        models.Procedure(
            code=p.code,
            name=p.name,
            level=p.level,
            field_code=p.field,
            agency_code=p.agency,
            online_level=p.online_level,
            queue_service_code=p.queue_service,
            form_id=p.form_id,
            details=p.details,
        )
        for p in catalogue.procedures
    )
    session.flush()
