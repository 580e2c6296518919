"""Limits and error bodies: 429 with Retry-After, and every failure a protocol ErrorBody."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import IntegrityError

from server import outbox
from server.api.ratelimit import RateLimit, RateLimiter
from tests.server.conftest import Kiosk, LiveServer, ServerFactory
from tests.server.samples import dossier_payload, outbox_item


def test_a_kiosk_over_its_rate_is_told_when_to_come_back(server_factory: ServerFactory) -> None:
    server = server_factory(rate_limit=RateLimit(per_minute=6, burst=3))
    kiosk = server.enrol(server.create_centre())
    other = server.enrol(kiosk.centre_id, kiosk_number=2)

    answers = [kiosk.get("/v1/catalog/changes").status_code for _ in range(3)]
    refused = kiosk.get("/v1/catalog/changes")

    assert answers == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 10
    # The bucket is per kiosk: another kiosk of the centre is served.
    assert other.get("/v1/catalog/changes").status_code == 200


def test_guessing_tokens_is_slowed_down_too(server_factory: ServerFactory) -> None:
    server = server_factory(rate_limit=RateLimit(per_minute=6, burst=2))
    statuses = [
        server.request("GET", "/v1/catalog/changes", token="x" * 43).status_code for _ in range(3)
    ]
    assert statuses == [401, 401, 429]


def test_the_bucket_refills_at_the_configured_rate() -> None:
    now = [100.0]
    limiter = RateLimiter(RateLimit(per_minute=60, burst=2), monotonic=lambda: now[0])

    assert [limiter.take("k"), limiter.take("k")] == [None, None]
    assert limiter.take("k") == 1
    now[0] += 0.5
    assert limiter.take("k") == 1
    now[0] += 1.0
    assert limiter.take("k") is None
    assert limiter.take("other") is None


def test_a_rate_limit_needs_a_positive_rate() -> None:
    with pytest.raises(ValueError, match="positive"):
        RateLimit(per_minute=0, burst=1)


@pytest.mark.parametrize(
    ("method", "path", "status", "error"),
    [
        ("GET", "/v1/nothing-here", 404, "not_found"),
        ("GET", "/", 404, "not_found"),
        ("DELETE", "/v1/health", 405, "bad_request"),
        ("GET", "/v1/outbox", 405, "bad_request"),
    ],
)
def test_unknown_routes_and_methods_answer_an_error_body(
    server_factory: ServerFactory, method: str, path: str, status: int, error: str
) -> None:
    server = server_factory()
    answer = server.request(method, path)
    assert answer.status_code == status
    assert answer.headers["Content-Type"].startswith("application/json")
    assert answer.json()["error"] == error
    assert "Traceback" not in answer.text


def test_a_malformed_dossier_reference_is_a_bad_request(server_factory: ServerFactory) -> None:
    server = server_factory()
    kiosk = server.enrol(server.create_centre())
    answer = kiosk.get("/v1/dossiers/not-a-reference")
    assert (answer.status_code, answer.json()["error"]) == (400, "bad_request")


def test_a_bug_is_a_server_error_logged_without_the_statements_data(
    server: LiveServer,
    kiosk: Kiosk,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    failure = IntegrityError(
        "INSERT INTO dossiers (answers) VALUES (?)",
        {"answers": '{"child_name": "Nguyễn Văn An"}'},
        Exception('duplicate key value violates unique constraint\nDETAIL: Key=("Nguyễn Văn An")'),
    )

    def broken(*_args: object, **_kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(outbox, "receive", broken)
    with caplog.at_level(logging.ERROR, logger="server"):
        answer = kiosk.post(
            "/v1/outbox", {"entries": [outbox_item("dossier", "create", dossier_payload())]}
        )

    assert answer.status_code == 500
    assert answer.json() == {"error": "server_error", "message": "internal error"}
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "unexpected IntegrityError in POST /v1/outbox" in logged
    assert "duplicate key value violates unique constraint" in logged
    assert "Nguyễn" not in logged
