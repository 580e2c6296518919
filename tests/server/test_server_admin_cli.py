"""``python -m server admin ...``: what a centre's admin types, and what it prints."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import msgspec
import pytest
import requests

from kiosk.paths import PROJECT_ROOT
from server.cli.main import main
from server.config import DATABASE_URL_ENV
from tests.server.conftest import LiveServer
from tests.server.samples import (
    BUNDLED_CATALOGUE,
    dossier_payload,
    form_definition,
    outbox_item,
    write_json,
)

PORTAL_RECORDS = Path("/work/shared/data/tthc/procedures.jsonl")
CODE = re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")


class Admin:
    """Runs ``admin`` commands in-process against one database, as captured output."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self._capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main(["admin", *args, "--database-url", self.url])
        captured = self._capsys.readouterr()
        return code, captured.out, captured.err

    def ok(self, *args: str) -> str:
        code, out, err = self(*args)
        assert code == 0, err
        return out


@pytest.fixture
def admin(database_url: str, capsys: pytest.CaptureFixture[str]) -> Admin:
    return Admin(database_url, capsys)


@pytest.fixture
def centre_id(admin: Admin) -> str:
    return admin.ok("create-centre", "Trung tâm Phục vụ hành chính công xã Đông Anh").strip()


def test_create_centre_prints_its_id_and_centres_lists_it(admin: Admin, centre_id: str) -> None:
    assert uuid.UUID(centre_id)
    assert f"{centre_id}  Trung tâm Phục vụ hành chính công xã Đông Anh" in admin.ok("centres")


def test_a_printed_code_enrols_a_kiosk_that_devices_then_lists(
    server: LiveServer, admin: Admin, centre_id: str
) -> None:
    code, out, err = admin("create-code", "--centre", centre_id, "--valid-hours", "2")
    assert code == 0
    assert CODE.match(out.strip())
    assert "valid until" in err
    answer = server.request(
        "POST",
        "/v1/devices/enrol",
        json_body={
            "code": out.strip(),
            "kiosk_name": "Kiosk cổng",
            "kiosk_number": 3,
            "app_version": "0.1.0",
        },
    )
    assert answer.status_code == 200

    listed = json.loads(admin.ok("devices", "--centre", centre_id, "--json"))

    assert [(d["id"], d["name"], d["kiosk_number"]) for d in listed] == [
        (answer.json()["device_id"], "Kiosk cổng", 3)
    ]
    assert listed[0]["revoked_at"] is None
    assert "Kiosk cổng" in admin.ok("devices", "--centre", centre_id)

    admin.ok("revoke", answer.json()["device_id"])
    listed = json.loads(admin.ok("devices", "--centre", centre_id, "--json"))
    assert listed[0]["revoked_at"] is not None


def test_received_shows_what_a_kiosk_sent_in_its_order(
    server: LiveServer, admin: Admin, centre_id: str
) -> None:
    server.publish_for_uploads(uuid.UUID(centre_id))
    kiosk = server.enrol(uuid.UUID(centre_id))
    good = outbox_item("dossier", "create", dossier_payload())
    wrong = outbox_item("dossier", "create", {**dossier_payload(), "form_version": 0})
    kiosk.post("/v1/outbox", {"entries": [good, wrong]})

    rows = json.loads(admin.ok("received", "--device", str(kiosk.device_id), "--json"))
    text = admin.ok("received", "--device", str(kiosk.device_id))

    assert [(r["entry_id"], r["outcome"]) for r in rows] == [
        (good["id"], "accepted"),
        (wrong["id"], "rejected"),
    ]
    # A dossier's answers are kept once, in the dossier; a refused entry's not at all.
    assert rows[0]["payload"] == {**good["payload"], "answers": {}}
    assert rows[1]["payload"] == {}
    assert "form_version" in rows[1]["error"]
    assert "dossier/create" in text
    assert "rejected" in text
    assert good["payload"]["answers"]["child_name"] not in text  # only with --json


def test_import_catalogue_publishes_once(admin: Admin, centre_id: str) -> None:
    first = admin.ok("import-catalogue", str(BUNDLED_CATALOGUE), "--centre", centre_id)
    again = admin.ok("import-catalogue", str(BUNDLED_CATALOGUE), "--centre", centre_id)

    assert "catalogue bundled-2026.2: published at" in first
    assert "procedures" in first
    assert "unchanged" in again


@pytest.mark.skipif(not PORTAL_RECORDS.exists(), reason="the shared portal records are absent")
def test_import_catalogue_reads_portal_records(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    with PORTAL_RECORDS.open("rb") as records:
        sample = b"".join(next(records) for _ in range(40))
    path = tmp_path / "portal.jsonl"
    path.write_bytes(sample)

    out = admin.ok("import-catalogue", str(path), "--centre", centre_id, "--format", "portal")

    assert re.search(r"catalogue portal-[0-9a-f]{12}: published at \d+", out)
    assert re.search(r"\b40 procedures\b", out)


def test_a_catalogue_the_kiosk_would_refuse_is_not_published(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    broken = json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))
    broken["procedures"][0]["field"] = "no-such-field"
    path = write_json(tmp_path / "broken.json", broken)

    code, out, err = admin("import-catalogue", str(path), "--centre", centre_id)

    assert code == 1
    assert "no-such-field" in err
    assert out == ""


def test_publish_form_then_the_same_version_with_other_content_is_refused(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    form = write_json(tmp_path / "khai-sinh.json", form_definition(version=3))
    assert "form khai-sinh v3: published at" in admin.ok(
        "publish-form", str(form), "--centre", centre_id
    )
    assert "unchanged" in admin.ok("publish-form", str(form), "--centre", centre_id)

    changed = form_definition(version=3)
    changed["template"] = "Mẫu khác"
    code, _, err = admin(
        "publish-form", str(write_json(tmp_path / "changed.json", changed)), "--centre", centre_id
    )
    assert code == 1
    assert "raise its version" in err


def test_a_form_the_library_refuses_is_not_published(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    form = form_definition()
    form["layout"].append({"type": "line", "cells": ["{no_such_field}"]})

    code, _, err = admin(
        "publish-form", str(write_json(tmp_path / "bad.json", form)), "--centre", centre_id
    )

    assert code == 1
    assert "no_such_field" in err


def test_publish_services_republishes_the_catalogue_with_new_queues(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    services = {
        "queue_services": [
            {
                "code": "A",
                "name": "Hộ tịch",
                "counters": [1, 2],
                "opening_hours": {"mon": [["07:30", "11:30"]]},
            }
        ]
    }
    path = write_json(tmp_path / "services.json", services)
    code, _, err = admin("publish-services", str(path), "--centre", centre_id)
    assert code == 1
    assert "publish one first" in err

    catalogue = json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))
    for procedure in catalogue["procedures"]:
        procedure.pop("queue_service", None)
    admin.ok(
        "import-catalogue",
        str(write_json(tmp_path / "catalogue.json", catalogue)),
        "--centre",
        centre_id,
    )
    out = admin.ok("publish-services", str(path), "--centre", centre_id)

    assert re.search(r"catalogue bundled-2026\.2\+q[0-9a-f]{8}: published at", out)
    assert "1 queue services: A" in out


def test_services_that_drop_a_queue_a_procedure_names_are_refused(
    admin: Admin, centre_id: str, tmp_path: Path
) -> None:
    admin.ok("import-catalogue", str(BUNDLED_CATALOGUE), "--centre", centre_id)
    named = {
        p["queue_service"]
        for p in json.loads(BUNDLED_CATALOGUE.read_text(encoding="utf-8"))["procedures"]
        if p.get("queue_service")
    }
    path = write_json(tmp_path / "none.json", {"queue_services": []})

    code, out, err = admin("publish-services", str(path), "--centre", centre_id)

    assert named
    assert code == 1
    assert "unknown queue" in err
    assert out == ""


def test_a_centre_that_does_not_exist_is_reported(admin: Admin) -> None:
    missing = str(uuid.uuid4())
    for args in (
        ("create-code", "--centre", missing),
        ("devices", "--centre", missing),
        ("import-catalogue", str(BUNDLED_CATALOGUE), "--centre", missing),
    ):
        code, _, err = admin(*args)
        assert code == 1, args
        assert f"no centre {missing}" in err


def _python_m_server(
    *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_the_admin_command_line_runs_as_a_module_on_the_default_database(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if k != DATABASE_URL_ENV}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")

    made = _python_m_server("admin", "create-centre", "Trung tâm thử", env=env)
    listed = _python_m_server("admin", "centres", env=env)

    assert made.returncode == 0, made.stderr
    assert uuid.UUID(made.stdout.strip())
    assert made.stdout.strip() in listed.stdout
    assert (tmp_path / "data" / "mot-cua-server" / "server.db").is_file()


def test_python_m_server_says_where_it_listens_and_serves(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    process = subprocess.Popen(
        [sys.executable, "-m", "server", "--database-url", url, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.match(r"Listening on (http://127\.0\.0\.1:\d+) \(database (.+)\)$", line)
        assert match, line
        assert match[2] == url
        health = requests.get(match[1] + "/v1/health", timeout=10)
        assert health.status_code == 200
        assert msgspec.json.decode(health.content)["status"] == "ok"
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "GET /v1/health 200" in err
