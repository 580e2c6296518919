"""CatalogService: fields, browse, search, procedure look-up, over the bundled catalogue."""

from __future__ import annotations

import threading

import pytest

from kiosk.catalog import BUNDLED_CATALOGUE
from kiosk.catalog.errors import FieldNotFoundError, ProcedureNotFoundError
from kiosk.catalog.search.api import SearchFilters
from kiosk.catalog.service import CatalogService
from kiosk.catalog.store import search_document
from kiosk.db import Database
from kiosk.errors import KioskError
from wire.catalogue_files import read_catalogue_file


@pytest.fixture
def service(db: Database) -> CatalogService:
    return CatalogService(db)


def test_fields_count_procedures_in_browse_order(service: CatalogService) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    fields = service.fields()
    assert [f.code for f in fields] == [
        f.code for f in sorted(bundled.fields, key=lambda f: (f.position, f.name))
    ]
    assert sum(f.count for f in fields) == len(bundled.procedures)
    assert service.field_name(fields[0].code) == fields[0].name
    with pytest.raises(FieldNotFoundError):
        service.field_name("no-such-field")


def test_browse_orders_by_popularity_then_name(service: CatalogService) -> None:
    bundled = read_catalogue_file(BUNDLED_CATALOGUE)
    field = bundled.procedures[0].field
    hits = service.browse(field)
    expected = sorted(
        (p for p in bundled.procedures if p.field == field),
        key=lambda p: (-p.popularity, p.name.casefold(), p.code),
    )
    assert [h.code for h in hits] == [p.code for p in expected]
    assert all(h.score == 0 for h in hits)
    assert (
        service.browse(field, SearchFilters(levels=("bo",)), limit=5)
        == [h for h in hits if "bo" in h.levels][:5]
    )


def test_search_finds_birth_registration_without_accents(service: CatalogService) -> None:
    service.warm_up()
    hits = service.search("dang ky khai sinh", limit=5)
    assert hits
    assert hits[0].code == "1.001193"


def test_procedure_and_not_found(service: CatalogService) -> None:
    assert service.procedure("1.001193").code == "1.001193"
    with pytest.raises(ProcedureNotFoundError) as caught:
        service.procedure("9.999999")
    assert isinstance(caught.value, KioskError)
    assert "9.999999" in caught.value.message.render()


def test_agency_names_in_the_order_asked(service: CatalogService) -> None:
    birth = service.procedure("1.001193")
    assert birth.agencies
    names = service.agency_names(birth.agencies)
    assert names[0] == "Ủy ban nhân dân cấp xã"
    assert service.agency_names(["no-such-agency", *birth.agencies]) == names


def test_index_is_built_once_across_threads(
    service: CatalogService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.catalog.service as module

    built: list[int] = []
    real = module.SearchIndex

    def counting(documents: object) -> object:
        built.append(1)
        return real(documents)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "SearchIndex", counting)
    threads = [threading.Thread(target=service.warm_up) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert built == [1]


def test_search_document_carries_keywords_and_summary() -> None:
    procedure = read_catalogue_file(BUNDLED_CATALOGUE).procedures[0]
    document = search_document(procedure, "Hộ tịch")
    assert document.keywords == tuple(procedure.keywords)
    assert document.summary == procedure.summary
    assert document.field_name == "Hộ tịch"
