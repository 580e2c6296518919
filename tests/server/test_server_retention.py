"""Personal data on the server: exported or handed on, then purged after the retention;
every admin read of it audited with who, what, when and which dossier."""

from __future__ import annotations

import getpass
import json
import stat
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from server import retention
from server.cli.main import main
from server.clock import utc_now
from server.config import resolve_retention_days
from server.db.models import AdminRead, Dossier, ReceivedEntry
from tests.server.conftest import Kiosk, LiveServer, ServerFactory
from tests.server.samples import account_payload, dossier_payload, outbox_item

WAIT_S = 10


class Admin:
    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self._capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main(["admin", *args, "--database-url", self.url])
        captured = self._capsys.readouterr()
        return code, captured.out, captured.err


@pytest.fixture
def admin(database_url: str, capsys: pytest.CaptureFixture[str]) -> Admin:
    return Admin(database_url, capsys)


def _upload(kiosk: Kiosk) -> tuple[dict[str, Any], dict[str, Any]]:
    dossier = dossier_payload()
    account = account_payload()
    answer = kiosk.post(
        "/v1/outbox",
        {
            "entries": [
                outbox_item("dossier", "create", dossier),
                outbox_item("account", "create", account),
            ]
        },
    )
    assert [r["outcome"] for r in answer.json()["results"]] == ["accepted", "accepted"]
    return dossier, account


def _dossier(server: LiveServer, dossier_id: str) -> Dossier:
    with server.db.transaction() as session:
        found = session.get(Dossier, uuid.UUID(dossier_id))
        assert found is not None
        return found


def _account_entry(server: LiveServer, account_id: str) -> ReceivedEntry:
    with server.db.transaction() as session:
        return session.scalars(
            select(ReceivedEntry).where(ReceivedEntry.entity_id == uuid.UUID(account_id))
        ).one()


def _reads(server: LiveServer, centre: uuid.UUID) -> list[AdminRead]:
    with server.db.transaction() as session:
        return list(session.scalars(select(AdminRead).where(AdminRead.centre_id == centre)))


def test_export_writes_a_private_file_marks_and_audits_each_dossier(
    server: LiveServer, kiosk: Kiosk, admin: Admin, tmp_path: Path
) -> None:
    dossier, account = _upload(kiosk)
    output = tmp_path / "export.json"

    code, out, err = admin(
        "export-dossiers", "--centre", str(kiosk.centre_id), "--output", str(output)
    )

    assert code == 0, err
    assert out == ""
    assert "exported 1 dossiers, 1 accounts" in err
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["format"] == "mot-cua-dossier-export"
    assert [d["reference"] for d in document["dossiers"]] == [dossier["reference"]]
    assert document["dossiers"][0]["answers"] == dossier["answers"]
    assert [a["data"] for a in document["accounts"]] == [account["data"]]
    assert _dossier(server, dossier["id"]).exported_at is not None
    assert _account_entry(server, account["id"]).exported_at is not None
    reads = _reads(server, kiosk.centre_id)
    assert {(r.action, r.os_user) for r in reads} == {("export-dossiers", getpass.getuser())}
    assert {r.dossier_id for r in reads} == {uuid.UUID(dossier["id"]), None}
    assert len(reads) == 2


def test_nothing_is_purged_before_it_is_exported_or_handed_on(
    server: LiveServer, kiosk: Kiosk
) -> None:
    dossier, account = _upload(kiosk)
    later = utc_now() + timedelta(days=400)

    with server.db.transaction() as session:
        report = retention.purge(
            session, now=later, retention=timedelta(days=30), centre_id=kiosk.centre_id
        )

    assert (report.dossiers, report.accounts, report.waiting) == (0, 0, 2)
    assert _dossier(server, dossier["id"]).answers == dossier["answers"]
    assert _account_entry(server, account["id"]).payload["data"] == account["data"]


def test_answers_and_account_data_go_the_retention_after_export(
    server: LiveServer, kiosk: Kiosk
) -> None:
    dossier, account = _upload(kiosk)
    exported_at = utc_now()
    with server.db.transaction() as session:
        retention.export(session, kiosk.centre_id, now=exported_at, who="it")

    def purge(days_after: float) -> retention.PurgeReport:
        with server.db.transaction() as session:
            return retention.purge(
                session,
                now=exported_at + timedelta(days=days_after),
                retention=timedelta(days=30),
                centre_id=kiosk.centre_id,
            )

    early = purge(29.9)
    assert (early.dossiers, early.accounts) == (0, 0)
    assert _dossier(server, dossier["id"]).answers == dossier["answers"]

    due = purge(30)

    assert (due.dossiers, due.accounts, due.waiting) == (1, 1, 0)
    kept = _dossier(server, dossier["id"])
    assert kept.answers == {}
    assert kept.purged_at is not None
    assert (kept.reference, kept.form_id, kept.state) == (
        dossier["reference"],
        "khai-sinh",
        "received",
    )
    assert _account_entry(server, account["id"]).payload == {}
    with server.db.transaction() as session:
        payloads = session.scalars(
            select(ReceivedEntry.payload).where(ReceivedEntry.device_id == kiosk.device_id)
        ).all()
    assert payloads == [{}, {}]
    assert dossier["answers"]["child_name"] not in json.dumps(payloads, ensure_ascii=False)
    # The kiosk can still ask where the dossier stands.
    status = kiosk.get(f"/v1/dossiers/{dossier['reference']}")
    assert (status.status_code, status.json()["state"]) == (200, "received")
    assert (purge(60).dossiers, purge(60).accounts) == (0, 0)  # once


def test_mark_handed_on_then_purge_from_the_command_line(
    server: LiveServer, kiosk: Kiosk, admin: Admin
) -> None:
    handed, kept = dossier_payload(), dossier_payload()
    kiosk.post(
        "/v1/outbox",
        {"entries": [outbox_item("dossier", "create", d) for d in (handed, kept)]},
    )
    centre = str(kiosk.centre_id)

    code, out, _ = admin("mark-handed-on", handed["reference"], "--centre", centre)
    assert (code, out.strip()) == (0, "marked 1 handed on")
    code, _, err = admin("mark-handed-on", "HS-9-010101-999", "--centre", centre)
    assert code == 1
    assert "no dossier HS-9-010101-999" in err

    code, out, _ = admin("purge", "--centre", centre, "--retention-days", "0")

    assert code == 0
    assert out.strip() == "purged 1 dossiers and 0 accounts (0 days)"
    assert _dossier(server, handed["id"]).answers == {}
    assert _dossier(server, kept["id"]).answers == kept["answers"]
    assert admin("purge", "--retention-days", "-1")[0] == 1


def test_mark_handed_on_by_time_covers_dossiers_and_accounts(
    server: LiveServer, kiosk: Kiosk, admin: Admin
) -> None:
    dossier, account = _upload(kiosk)
    tomorrow = (utc_now() + timedelta(days=2)).date().isoformat()

    code, out, _ = admin(
        "mark-handed-on", "--centre", str(kiosk.centre_id), "--received-before", tomorrow
    )

    assert (code, out.strip()) == (0, "marked 2 handed on")
    assert _dossier(server, dossier["id"]).handed_on_at is not None
    assert _account_entry(server, account["id"]).handed_on_at is not None
    both = admin(
        "mark-handed-on", "X", "--centre", str(kiosk.centre_id), "--received-before", tomorrow
    )
    assert both[0] == 1


def test_received_with_payloads_is_audited_and_reads_lists_it(
    server: LiveServer, kiosk: Kiosk, admin: Admin
) -> None:
    dossier, account = _upload(kiosk)

    assert admin("received", "--device", str(kiosk.device_id))[0] == 0
    assert _reads(server, kiosk.centre_id) == []  # no payloads shown, nothing to audit
    assert admin("received", "--device", str(kiosk.device_id), "--json")[0] == 0

    reads = _reads(server, kiosk.centre_id)
    assert {(r.action, r.os_user) for r in reads} == {("received", getpass.getuser())}
    assert {r.dossier_id for r in reads} == {uuid.UUID(dossier["id"]), None}
    code, out, _ = admin("reads", "--dossier", dossier["id"], "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(r["action"], r["dossier_id"]) for r in listed] == [("received", dossier["id"])]
    assert account["data"]["full_name"] not in out


def test_the_serving_process_purges_at_start(
    server: LiveServer, kiosk: Kiosk, server_factory: ServerFactory
) -> None:
    dossier, _ = _upload(kiosk)
    with server.db.transaction() as session:
        retention.export(session, kiosk.centre_id, now=utc_now(), who="it")

    server_factory(retention=timedelta(days=30), clock=lambda: utc_now() + timedelta(days=31))

    deadline = time.monotonic() + WAIT_S
    while _dossier(server, dossier["id"]).purged_at is None:
        assert time.monotonic() < deadline, "the serving process did not purge"
        time.sleep(0.02)
    assert _dossier(server, dossier["id"]).answers == {}


def test_the_retention_comes_from_the_option_or_the_environment() -> None:
    assert resolve_retention_days(None, {}) == 30
    assert resolve_retention_days(None, {"MOT_CUA_SERVER_RETENTION_DAYS": "7"}) == 7
    assert resolve_retention_days(3, {"MOT_CUA_SERVER_RETENTION_DAYS": "7"}) == 3
    for wrong in ("-1", "3651", "a week"):
        with pytest.raises(ValueError, match=r"retention|whole number"):
            resolve_retention_days(None, {"MOT_CUA_SERVER_RETENTION_DAYS": wrong})
