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

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.catalog.errors import CatalogueFileError
from kiosk.clock import Clock, utc_now
from kiosk.db import models
from kiosk.paths import RESOURCES_DIR

BUNDLED_CATALOGUE = RESOURCES_DIR / "demo" / "catalogue.json"

# msgspec matches patterns with ``re.search``, where ``$`` also matches before a final
# newline; ``\Z`` is the true end of the string, so "A\n" is refused.
Code = Annotated[str, msgspec.Meta(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9.-]+\Z")]
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
Level = Literal["central", "province", "commune"]
#: Hours and minutes, as printed on the queue's notice board: ``07:30``.
HourMinute = Annotated[str, msgspec.Meta(pattern=r"^([01]\d|2[0-3]):[0-5]\d\Z")]
Span = tuple[HourMinute, HourMinute]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PositiveInt = Annotated[int, msgspec.Meta(ge=1)]

# Every struct spells out its options: msgspec does not inherit ``kw_only`` (it applies
# to the fields a class defines itself), so a shared base class would mislead.


class FieldEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    code: Code
    name: Name
    position: int = 0


class AgencyEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    code: Code
    name: Name
    level: Level


class OpeningHours(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """The [start, end] spans of each day the queue is open; days not given are closed.

    One field per day (not a dict) so that an error names the day: msgspec reports a
    dict's values only as ``[...]``.
    """

    mon: list[Span] | msgspec.UnsetType = msgspec.UNSET
    tue: list[Span] | msgspec.UnsetType = msgspec.UNSET
    wed: list[Span] | msgspec.UnsetType = msgspec.UNSET
    thu: list[Span] | msgspec.UnsetType = msgspec.UNSET
    fri: list[Span] | msgspec.UnsetType = msgspec.UNSET
    sat: list[Span] | msgspec.UnsetType = msgspec.UNSET
    sun: list[Span] | msgspec.UnsetType = msgspec.UNSET

    def days(self) -> dict[Weekday, list[Span]]:
        """The days given in the file, Monday first."""
        days: dict[Weekday, list[Span]] = {}
        for day in WEEKDAYS:
            spans = getattr(self, day)
            if spans is not msgspec.UNSET:
                days[day] = spans
        return days


class QueueServiceEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    code: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{1,4}\Z")]
    name: Name
    counters: Annotated[list[PositiveInt], msgspec.Meta(min_length=1)]
    opening_hours: OpeningHours
    daily_limit: PositiveInt | None = None
    position: int = 0


class ProcedureEntry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    code: Annotated[str, msgspec.Meta(pattern=r"^\d\.\d{6}\Z")]
    name: Name
    level: Level
    field: Code
    agency: Code | None = None
    online_level: Literal["full", "partial", "none"]
    queue_service: str | None = None
    form_id: str | None = None
    details: dict[str, Any] = msgspec.field(default_factory=dict)


class CatalogueFile(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """The whole file; references between its parts are checked too."""

    format: Literal["kiosk-catalogue"]
    version: Literal[1]
    catalogue_version: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    note: str = ""
    fields: list[FieldEntry]
    agencies: list[AgencyEntry]
    queue_services: list[QueueServiceEntry]
    procedures: Annotated[list[ProcedureEntry], msgspec.Meta(min_length=1)]

    def __post_init__(self) -> None:
        # A ValueError here becomes a msgspec.ValidationError while decoding.
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


def read_catalogue_file(path: Path) -> CatalogueFile:
    """The validated contents of a catalogue file; raises ``CatalogueFileError``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogueFileError(path=str(path), detail=exc.strerror or str(exc)) from exc
    try:
        # The detail names the place, e.g. "... - at `$.procedures[0].code`".
        return msgspec.json.decode(data, type=CatalogueFile, strict=True)
    except msgspec.ValidationError as exc:
        raise CatalogueFileError(path=str(path), detail=str(exc)) from exc
    except msgspec.DecodeError as exc:  # malformed JSON
        raise CatalogueFileError(path=str(path), detail=f"invalid JSON: {exc}") from exc
    except UnicodeDecodeError as exc:  # msgspec lets bad UTF-8 in a string escape as this
        raise CatalogueFileError(path=str(path), detail=f"not UTF-8: {exc.reason}") from exc


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
                day: [list(span) for span in spans] for day, spans in q.opening_hours.days().items()
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
