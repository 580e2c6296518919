"""Pulling the catalogue feed: whole catalogues, new form versions, one cursor, all or nothing."""

from __future__ import annotations

import msgspec

from kiosk.forms.library import bundled_forms
from kiosk.services import KioskServices
from kiosk.sync import state
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import NEW_NAME, centre_catalogue
from wire import protocol
from wire.forms import FormDefinition


def newer(form: FormDefinition, version: int) -> FormDefinition:
    return msgspec.structs.replace(form, version=version)


def cursor(kiosk: KioskServices) -> str | None:
    with kiosk.db.transaction() as session:
        return state.get(session, state.CATALOG_CURSOR)


def test_a_published_catalogue_replaces_the_bundled_one(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    assert enrolled.catalog.version() == "bundled-2026.2"
    # The search index is built now, from the bundled catalogue.
    assert "2.000999" not in [hit.code for hit in enrolled.catalog.search("ky lan xanh")]
    double.publish_catalogue(centre_catalogue())

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert report.catalogue_updated
    assert report.catalogue_version == enrolled.catalog.version() == "centre-2025.3"
    assert enrolled.catalog.procedure("2.000999").name == NEW_NAME
    # The search index was rebuilt: the new procedure is found without a restart.
    assert [hit.code for hit in enrolled.catalog.search("ky lan xanh")][:1] == ["2.000999"]
    assert cursor(enrolled) == double.cursor == "1"
    (request,) = double.requests_to("/v1/catalog/changes")
    assert "since" not in request.query
    assert "if-none-match" not in request.headers


def test_an_unchanged_catalogue_costs_one_request_answered_304(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    double.publish_catalogue(centre_catalogue())
    enrolled.sync.sync_once()
    before = len(double.requests_to("/v1/catalog/changes"))

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert not report.catalogue_updated
    requests = double.requests_to("/v1/catalog/changes")
    assert len(requests) == before + 1
    assert requests[-1].query == {"since": ["1"]}
    assert requests[-1].headers["if-none-match"] == '"1"'


def test_a_broken_catalogue_leaves_the_old_one_and_the_cursor(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    double.publish_catalogue(centre_catalogue())
    enrolled.sync.sync_once()
    broken = msgspec.json.decode(
        protocol.encode(
            protocol.CatalogChanges(cursor="2", catalogue=centre_catalogue("centre-2025.4"))
        )
    )
    broken["catalogue"]["procedures"][0]["field"] = "no-such-field"
    double.script("GET", "/v1/catalog/changes", body=msgspec.json.encode(broken))

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert report.error is not None
    assert "CatalogChanges" in report.error.render()
    assert enrolled.catalog.version() == "centre-2025.3"
    assert cursor(enrolled) == "1"
    assert enrolled.catalog.procedure("2.000999").name == NEW_NAME


def test_a_catalogue_that_cannot_be_stored_is_rolled_back_whole(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    """Valid on the wire, refused by the form library: nothing of the page is kept."""
    form = bundled_forms()[0]
    # Every field twice: well-formed JSON for the schema, refused by check_definition.
    bad_form = msgspec.structs.replace(form, version=9, sections=form.sections * 2)
    changes = protocol.CatalogChanges(
        cursor="7", catalogue=centre_catalogue("centre-2025.9"), forms=(bad_form,)
    )
    double.script("GET", "/v1/catalog/changes", body=protocol.encode(changes))

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert enrolled.catalog.version() == "bundled-2026.2"
    assert cursor(enrolled) is None
    assert enrolled.forms.get(form.id).version == form.version


def test_a_catalogue_problem_does_not_hold_back_the_outbox(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    from tests.core.sync.helpers import add_declaration

    add_declaration(enrolled, 1)
    double.script("GET", "/v1/catalog/changes", body=b"{not json")

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert report.push.accepted == 1


def test_form_versions_arrive_page_by_page_with_the_catalogue(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    double.forms_per_page = 2
    forms = bundled_forms()
    double.publish_catalogue(centre_catalogue())
    for form in forms:
        double.publish_form(newer(form, form.version + 1))

    report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert report.forms_published == len(forms)
    pages = double.requests_to("/v1/catalog/changes")
    assert len(pages) == (len(forms) + 1) // 2
    assert cursor(enrolled) == double.cursor
    for form in forms:
        assert enrolled.forms.get(form.id).version == form.version + 1
        assert enrolled.forms.get(form.id, form.version).version == form.version  # kept


def test_a_page_arriving_after_another_process_moved_on_is_not_applied(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    """Two kiosk processes on one database: the cursor is compared inside the write."""
    double.publish_catalogue(centre_catalogue())
    stale = protocol.CatalogChanges(cursor="1", catalogue=centre_catalogue("stale"))
    double.script("GET", "/v1/catalog/changes", body=protocol.encode(stale))

    def other_process_applies_first(_request: object) -> None:
        double.before_answer = None
        with enrolled.db.transaction() as session:
            state.put(session, state.CATALOG_CURSOR, "1")

    double.before_answer = other_process_applies_first

    enrolled.sync.sync_once()

    assert enrolled.catalog.version() == "bundled-2026.2"
    assert cursor(enrolled) == "1"
    assert len(double.requests_to("/v1/catalog/changes")) == 1


def test_a_feed_that_does_not_move_is_refused(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    with enrolled.db.transaction() as session:
        state.put(session, state.CATALOG_CURSOR, "3")
    stuck = protocol.CatalogChanges(cursor="3", more=True)
    double.script("GET", "/v1/catalog/changes", body=protocol.encode(stuck), times=3)

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert len(double.requests_to("/v1/catalog/changes")) == 1
