"""Dossier status: what the counter set, as the kiosk that asks by reference sees it."""

from __future__ import annotations

import pytest

from server.cli.main import main
from tests.server.conftest import Kiosk, LiveServer
from tests.server.samples import dossier_payload, outbox_item

REFERENCE = "HS-1-261126-0007"


def _url(server: LiveServer) -> str:
    return server.db.engine.url.render_as_string(hide_password=False)


def test_an_uploaded_dossier_is_received_until_the_counter_moves_it_on(
    server: LiveServer, kiosk: Kiosk, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk.post(
        "/v1/outbox", {"entries": [outbox_item("dossier", "create", dossier_payload(REFERENCE))]}
    )

    first = kiosk.get(f"/v1/dossiers/{REFERENCE}")
    assert first.status_code == 200
    assert first.json()["reference"] == REFERENCE
    assert first.json()["state"] == "received"
    assert first.json()["note"] == ""

    code = main(
        [
            "admin",
            "set-status",
            REFERENCE,
            "needs_more",
            "--centre",
            str(kiosk.centre_id),
            "--note",
            "Thiếu bản sao giấy chứng sinh",
            "--database-url",
            _url(server),
        ]
    )
    assert code == 0
    assert "needs_more" in capsys.readouterr().out

    later = kiosk.get(f"/v1/dossiers/{REFERENCE}").json()
    assert later["state"] == "needs_more"
    assert later["note"] == "Thiếu bản sao giấy chứng sinh"
    assert later["updated_at"] >= first.json()["updated_at"]


def test_an_unknown_reference_is_not_found(kiosk: Kiosk) -> None:
    answer = kiosk.get("/v1/dossiers/HS-9-010101-0001")
    assert (answer.status_code, answer.json()["error"]) == (404, "not_found")


def test_setting_the_status_of_an_unknown_dossier_fails_clearly(
    server: LiveServer, centre: object, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "admin",
            "set-status",
            REFERENCE,
            "done",
            "--centre",
            str(centre),
            "--database-url",
            _url(server),
        ]
    )
    assert code == 1
    assert "no dossier" in capsys.readouterr().err
