"""The catalogue feed: everything first, then only changes, and 304 when nothing changed."""

from __future__ import annotations

import uuid

import msgspec
import pytest
import requests

from server import feed, publishing
from server.clock import utc_now
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import BUNDLED_CATALOGUE, form_definition
from wire.catalogue import QueueService
from wire.forms import FormDefinition
from wire.protocol import CatalogChanges, decode


@pytest.fixture
def centre(server: LiveServer) -> uuid.UUID:
    """A centre with nothing published: these tests publish what they look at."""
    return server.create_centre()


def _publish_catalogue(server: LiveServer, centre: uuid.UUID) -> None:
    catalogue, _ = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")
    with server.db.transaction() as session:
        publishing.publish_catalogue(session, centre, catalogue, now=utc_now())


def _publish_form(server: LiveServer, centre: uuid.UUID, version: int = 1) -> None:
    form = msgspec.convert(form_definition(version=version), FormDefinition)
    with server.db.transaction() as session:
        publishing.publish_form(session, centre, form, now=utc_now())


def _changes(kiosk: Kiosk, since: str | None = None) -> tuple[requests.Response, CatalogChanges]:
    params = {} if since is None else {"since": since}
    answer = kiosk.get("/v1/catalog/changes", params=params)
    assert answer.status_code == 200, answer.text
    return answer, decode(answer.content, CatalogChanges)


def _wire_size(answer: requests.Response) -> tuple[int, int]:
    """Bytes of the request and of the response as they crossed the socket (HTTP/1.1)."""
    sent = answer.request
    request_bytes = len(f"{sent.method} {sent.path_url} HTTP/1.1\r\n") + sum(
        len(f"{name}: {value}\r\n") for name, value in sent.headers.items()
    )
    request_bytes += len("Host: 127.0.0.1:65535\r\n\r\n") + len(sent.body or b"")
    response_bytes = len(f"HTTP/1.1 {answer.status_code} {answer.reason}\r\n") + sum(
        len(f"{name}: {value}\r\n") for name, value in answer.headers.items()
    )
    return request_bytes, response_bytes + 2 + len(answer.content)


def test_first_call_is_full_then_an_unchanged_catalogue_costs_one_small_request(
    server: LiveServer, kiosk: Kiosk
) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    _publish_form(server, kiosk.centre_id)

    answer, first = _changes(kiosk)

    assert first.full
    assert not first.more
    assert first.catalogue is not None
    assert first.catalogue.catalogue_version == "bundled-2026.2"
    assert [(form.id, form.version) for form in first.forms] == [("khai-sinh", 1)]
    assert answer.headers["ETag"] == f'"{first.cursor}"'

    again = kiosk.get(
        "/v1/catalog/changes",
        params={"since": first.cursor},
        headers={"If-None-Match": answer.headers["ETag"]},
    )

    assert again.status_code == 304
    assert again.content == b""
    sent, received = _wire_size(again)
    assert sent < 1024
    assert received < 1024


def test_a_published_form_appears_after_the_cursor_with_a_new_cursor(
    server: LiveServer, kiosk: Kiosk
) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    _, first = _changes(kiosk)
    _publish_form(server, kiosk.centre_id, version=2)

    stale = kiosk.get(
        "/v1/catalog/changes",
        params={"since": first.cursor},
        headers={"If-None-Match": f'"{first.cursor}"'},
    )
    assert stale.status_code == 200
    update = decode(stale.content, CatalogChanges)

    assert update.cursor != first.cursor
    assert not update.full
    assert update.catalogue is None  # the catalogue did not change
    assert [(form.id, form.version) for form in update.forms] == [("khai-sinh", 2)]
    _, after = _changes(kiosk, update.cursor)
    assert (after.cursor, after.catalogue, after.forms) == (update.cursor, None, ())


def test_republished_services_come_as_the_whole_catalogue(server: LiveServer, kiosk: Kiosk) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    _, first = _changes(kiosk)
    assert first.catalogue is not None
    services = [
        msgspec.structs.replace(service, counters=[7, 8])
        if service.code == first.catalogue.queue_services[0].code
        else service
        for service in first.catalogue.queue_services
    ]
    with server.db.transaction() as session:
        publishing.publish_services(session, kiosk.centre_id, services, now=utc_now())

    _, update = _changes(kiosk, first.cursor)

    assert update.catalogue is not None
    assert not update.full
    assert update.catalogue.queue_services[0].counters == [7, 8]
    assert update.catalogue.procedures == first.catalogue.procedures
    assert update.catalogue.catalogue_version.startswith("bundled-2026.2+q")


def test_an_unknown_cursor_or_a_cursor_of_another_epoch_gets_everything_again(
    server: LiveServer, kiosk: Kiosk
) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    _, first = _changes(kiosk)
    epoch, sequence, digest = first.cursor.split("-")
    other_centre = server.enrol(server.create_centre("Trung tâm khác"))
    _publish_catalogue(server, other_centre.centre_id)
    _, theirs = _changes(other_centre)

    for since in (
        "garbage",
        f"{epoch}-{sequence}-{'0' * len(digest)}",  # a restored database: another content
        f"0.9.9-{sequence}-{digest}",  # the server's formats moved on
        f"{epoch}-99999999-{digest}",
        theirs.cursor,  # another centre's position
    ):
        _, again = _changes(kiosk, since)
        assert again.full, since
        assert again.catalogue == first.catalogue
        assert again.cursor == first.cursor


def test_a_centre_with_nothing_published_tells_the_kiosk_to_keep_what_it_has(
    kiosk: Kiosk,
) -> None:
    _, empty = _changes(kiosk)

    assert not empty.full
    assert (empty.catalogue, empty.forms, empty.more) == (None, (), False)
    assert (
        kiosk.get("/v1/catalog/changes", headers={"If-None-Match": f'"{empty.cursor}"'}).status_code
        == 304
    )


def test_many_form_versions_come_in_pages(server: LiveServer, kiosk: Kiosk) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    for version in range(1, feed.PAGE_FORMS + 3):
        _publish_form(server, kiosk.centre_id, version)

    _, first = _changes(kiosk)
    _, second = _changes(kiosk, first.cursor)

    assert first.full
    assert first.more
    assert first.catalogue is not None
    assert [form.version for form in first.forms] == list(range(1, feed.PAGE_FORMS + 1))
    assert not second.full
    assert not second.more
    assert second.catalogue is None
    assert [form.version for form in second.forms] == [feed.PAGE_FORMS + 1, feed.PAGE_FORMS + 2]
    assert (
        kiosk.get(
            "/v1/catalog/changes", headers={"If-None-Match": f'"{second.cursor}"'}
        ).status_code
        == 304
    )


def test_a_page_holds_the_catalogue_as_of_its_cursor(server: LiveServer, kiosk: Kiosk) -> None:
    """A catalogue published after the first page's forms arrives with a later page."""
    _publish_catalogue(server, kiosk.centre_id)
    for version in (1, 2, 3):
        _publish_form(server, kiosk.centre_id, version)
    catalogue = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")[0]
    with server.db.transaction() as session:
        publishing.publish_catalogue(
            session,
            kiosk.centre_id,
            msgspec.structs.replace(catalogue, catalogue_version="bundled-2026.3"),
            now=utc_now(),
        )
        first = feed.changes(session, kiosk.centre_id, None, page_forms=2)
        second = feed.changes(session, kiosk.centre_id, first.cursor, page_forms=2)

    assert first.more
    assert first.catalogue is not None
    assert first.catalogue.catalogue_version == "bundled-2026.2"
    assert [form.version for form in first.forms] == [1, 2]
    assert not second.more
    assert second.catalogue is not None
    assert second.catalogue.catalogue_version == "bundled-2026.3"
    assert [form.version for form in second.forms] == [3]


def test_publishing_the_same_content_again_changes_nothing(
    server: LiveServer, kiosk: Kiosk
) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    _publish_form(server, kiosk.centre_id)
    _, first = _changes(kiosk)

    _publish_catalogue(server, kiosk.centre_id)
    _publish_form(server, kiosk.centre_id)

    assert (
        kiosk.get("/v1/catalog/changes", headers={"If-None-Match": f'"{first.cursor}"'}).status_code
        == 304
    )


def test_a_catalogue_without_queues_keeps_the_centres_queues(
    server: LiveServer, kiosk: Kiosk
) -> None:
    _publish_catalogue(server, kiosk.centre_id)
    catalogue = publishing.read_catalogue(BUNDLED_CATALOGUE, "kiosk")[0]
    without_queues = msgspec.structs.replace(
        catalogue,
        catalogue_version="portal-like",
        queue_services=[],
        procedures=[msgspec.structs.replace(p, queue_service=None) for p in catalogue.procedures],
    )
    with server.db.transaction() as session:
        outcome = publishing.publish_catalogue(
            session, kiosk.centre_id, without_queues, now=utc_now()
        )

    _, changes = _changes(kiosk)
    assert changes.catalogue is not None
    assert changes.catalogue.catalogue_version == "portal-like"
    assert [q.code for q in changes.catalogue.queue_services] == [
        q.code for q in catalogue.queue_services
    ]
    assert all(isinstance(q, QueueService) for q in changes.catalogue.queue_services)
    assert outcome.notes
    assert "queue services" in outcome.notes[0]
