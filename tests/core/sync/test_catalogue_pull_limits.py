"""The catalogue feed meets the limits a file IT imports meets, and the same link rule.

A page is data from the network: its catalogue is bounded by the same format
(``wire.catalogue``), its size by what a catalogue and a page of forms may be, and its
portal links by the centre's allow-list. A page that breaks a limit is refused whole;
a refused link is dropped and the procedure kept.
"""

from __future__ import annotations

import logging

import msgspec
import pytest

from kiosk.catalog.portal_link import NATIONAL_PORTAL_URL
from kiosk.services import KioskServices
from kiosk.sync import state
from kiosk.sync.client import MAX_CATALOGUE_PAGE_BYTES
from tests.core.sync.conftest import MakeKiosk
from tests.core.sync.double import ProtocolDouble
from tests.core.sync.helpers import NEW_NAME, centre_catalogue
from wire import protocol
from wire.catalogue import CatalogueFile

EVIL = "http://nop-tien-0900.example.com/pay"
HANOI = "https://dichvucong.hanoi.gov.vn/thu-tuc/2.000999"


def cursor(kiosk: KioskServices) -> str | None:
    with kiosk.db.transaction() as session:
        return state.get(session, state.CATALOG_CURSOR)


def with_links(evil: str, own: str, version: str = "centre-2025.3") -> CatalogueFile:
    catalogue = centre_catalogue(version)
    procedures = list(catalogue.procedures)
    procedures[0] = msgspec.structs.replace(procedures[0], portal_url=evil)
    procedures[-1] = msgspec.structs.replace(procedures[-1], portal_url=own)
    return msgspec.structs.replace(catalogue, procedures=procedures)


def test_a_pulled_link_the_allow_list_refuses_is_dropped_and_the_procedure_kept(
    enrolled: KioskServices, double: ProtocolDouble, caplog: pytest.LogCaptureFixture
) -> None:
    catalogue = with_links(EVIL, HANOI)
    first = catalogue.procedures[0].code
    double.publish_catalogue(catalogue)

    with caplog.at_level(logging.WARNING, logger="kiosk.catalog"):
        report = enrolled.sync.sync_once()

    assert report.outcome == "ok"
    assert enrolled.catalog.version() == "centre-2025.3"
    assert enrolled.catalog.procedure(first).portal_url is None
    assert enrolled.catalog.procedure("2.000999").portal_url == HANOI
    shown = enrolled.catalog.portal_link(enrolled.catalog.procedure(first))
    assert shown == NATIONAL_PORTAL_URL.format(code=first)
    assert f"1 portal links dropped, the first of procedure {first}" in caplog.text
    assert "not an https link" in caplog.text


def test_a_centre_that_allows_only_its_portal_keeps_only_links_to_it(
    make_kiosk: MakeKiosk, double: ProtocolDouble
) -> None:
    kiosk = make_kiosk(portal_domains=("dichvucong.hanoi.gov.vn",))
    kiosk.sync.enrol(double.add_code())
    double.publish_catalogue(with_links("https://dichvucong.gov.vn/x", HANOI))

    assert kiosk.sync.sync_once().outcome == "ok"

    own = kiosk.catalog.procedure("2.000999")
    assert kiosk.catalog.portal_link(own) == HANOI
    other = kiosk.catalog.procedure(centre_catalogue().procedures[0].code)
    assert other.portal_url is None
    assert kiosk.catalog.portal_link(other) is None  # not even the national page


def test_a_page_past_a_field_limit_is_refused_whole(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    double.publish_catalogue(centre_catalogue())
    enrolled.sync.sync_once()
    page = msgspec.json.decode(
        protocol.encode(
            protocol.CatalogChanges(cursor="2", catalogue=centre_catalogue("centre-2025.4"))
        )
    )
    page["catalogue"]["procedures"][0]["summary"] = "x" * 2_001
    double.script("GET", "/v1/catalog/changes", body=msgspec.json.encode(page))

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert report.error is not None
    assert enrolled.catalog.version() == "centre-2025.3"
    assert enrolled.catalog.procedure("2.000999").name == NEW_NAME
    assert cursor(enrolled) == "1"


def test_a_page_larger_than_a_catalogue_and_its_forms_is_refused_unread(
    enrolled: KioskServices, double: ProtocolDouble
) -> None:
    changes = protocol.encode(
        protocol.CatalogChanges(cursor="5", catalogue=centre_catalogue("centre-huge"))
    )
    # Valid JSON all the same: only its size is wrong.
    huge = changes + b" " * (MAX_CATALOGUE_PAGE_BYTES + 1 - len(changes))
    double.script("GET", "/v1/catalog/changes", body=huge)

    report = enrolled.sync.sync_once()

    assert report.outcome == "retry"
    assert report.error is not None
    assert f"larger than {MAX_CATALOGUE_PAGE_BYTES} bytes" in report.error.render()
    assert enrolled.catalog.version() == "bundled-2026.2"
    assert cursor(enrolled) is None
