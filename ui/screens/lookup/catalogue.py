"""What the lookup screens need from the catalogue service, and the procedure page's data.

The screens are written against this protocol rather than the service class, so they
say exactly which calls they make (and a test could hand them another catalogue).
:class:`ProcedurePage` is assembled on the database worker in one go, so the screen
gets plain data and never calls the database while drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.catalog.search.api import SearchFilters, SearchHit
    from wire.catalogue import Procedure


class FieldSummaryLike(Protocol):
    """A lĩnh vực with how many procedures it holds."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def count(self) -> int: ...


class Catalogue(Protocol):
    """The catalogue service (``services.catalog``) as the lookup screens use it."""

    def fields(self) -> list[FieldSummaryLike]: ...
    def search(
        self, query: str, filters: SearchFilters = ..., limit: int = ...
    ) -> list[SearchHit]: ...
    def browse(
        self, field: str, filters: SearchFilters = ..., limit: int = ...
    ) -> list[SearchHit]: ...
    def procedure(self, code: str) -> Procedure: ...
    def field_name(self, code: str) -> str: ...
    def agency_names(self, codes: Sequence[str]) -> tuple[str, ...]: ...
    def portal_link(self, procedure: Procedure) -> str | None: ...
    def warm_up(self) -> None: ...


@dataclass(frozen=True, slots=True)
class ProcedurePage:
    """Everything the procedure screen shows, names already looked up."""

    procedure: Procedure
    field_name: str
    agency_names: tuple[str, ...]
    # Where the QR code sends the citizen's phone, as the centre's allow-list takes it;
    # ``None``: no QR code.
    portal_url: str | None


def load_page(catalogue: Catalogue, code: str) -> ProcedurePage:
    """The procedure ``code`` with its names; runs on the database worker."""
    procedure = catalogue.procedure(code)
    return ProcedurePage(
        procedure=procedure,
        field_name=catalogue.field_name(procedure.field),
        agency_names=catalogue.agency_names(procedure.agencies),
        portal_url=catalogue.portal_link(procedure),
    )
