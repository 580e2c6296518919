"""``python -m kiosk declaration print`` and ``doctor``'s office printer check, as IT types them.

The kiosk runs as a child process with the fake CUPS first on its ``PATH``.
"""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.printing.fake_cups import OTHER_QUEUE, QUEUE, FakeCups, posix_only

KioskCli = Callable[..., subprocess.CompletedProcess[str]]

pytestmark = posix_only


@pytest.fixture
def cups(tmp_path: Path) -> FakeCups:
    return FakeCups(tmp_path / "cups")


@pytest.fixture
def env(fresh_kiosk_env: dict[str, str], cups: FakeCups) -> dict[str, str]:
    """A fresh install whose settings name the fake's queue, with the fake on PATH."""
    return {**fresh_kiosk_env, "PATH": cups.path(), "KIOSK_OFFICE_PRINTER": QUEUE}


@pytest.fixture
def reference(fresh_kiosk_env: dict[str, str], tmp_path: Path) -> str:
    """A declaration filed on the kiosk whose data folder the CLI uses."""
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        form = services.forms.get(FORM_ID)
        return services.declarations.submit(
            form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
        ).reference
    finally:
        services.close()


def _newest_audit(tmp_path: Path) -> tuple[str, str, dict[str, object]]:
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        newest = services.audit.recent(1)[0]
    finally:
        services.close()
    return newest.actor, newest.action, dict(newest.detail)


def test_print_sends_the_form_to_the_configured_queue(
    kiosk_cli: KioskCli, env: dict[str, str], reference: str, cups: FakeCups, tmp_path: Path
) -> None:
    result = kiosk_cli("declaration", "print", reference, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{reference}: sent to {QUEUE}"
    (job,) = cups.jobs()
    assert job.argv == ("-d", QUEUE, "-t", reference, "-")
    assert job.data.startswith(b"%PDF-")
    pages = PdfReader(io.BytesIO(job.data)).pages
    text = "\n".join(page.extract_text() for page in pages).casefold()
    assert KHAI_SINH_ANSWERS["requester_name"].casefold() in text
    assert _newest_audit(tmp_path) == (
        "it",
        "declaration.print",
        {"reference": reference, "printer": QUEUE},
    )
    logs = "".join(path.read_text() for path in (tmp_path / "data" / "logs").glob("*"))
    assert f"{reference} (" in logs  # the job is logged, by its reference
    for personal in ("Nguyễn Thị Ánh", "Trần Minh Khôi", "001194012345"):
        assert personal not in logs


def test_printer_option_wins_over_the_setting(
    kiosk_cli: KioskCli, env: dict[str, str], reference: str, cups: FakeCups
) -> None:
    result = kiosk_cli("declaration", "print", reference, "--printer", OTHER_QUEUE, env=env)
    assert result.returncode == 0, result.stderr
    assert [job.option("-d") for job in cups.jobs()] == [OTHER_QUEUE]


def test_an_unknown_queue_exits_2_with_the_reason(
    kiosk_cli: KioskCli, env: dict[str, str], reference: str, cups: FakeCups
) -> None:
    result = kiosk_cli("declaration", "print", reference, "--printer", "May-In-Tang-2", env=env)
    assert result.returncode == 2
    assert "Không tìm thấy máy in A4 “May-In-Tang-2”" in result.stderr
    assert "lp: The printer or class does not exist." in result.stderr
    assert result.stdout == ""
    assert cups.jobs() == []


def test_without_an_office_printer_it_exits_2_and_says_which_setting(
    kiosk_cli: KioskCli, env: dict[str, str], reference: str, cups: FakeCups
) -> None:
    del env["KIOSK_OFFICE_PRINTER"]
    result = kiosk_cli("declaration", "print", reference, env=env)
    assert result.returncode == 2
    assert "chưa được cài đặt máy in A4 (office_printer)" in result.stderr
    assert cups.jobs() == []


def test_an_unknown_reference_exits_2(
    kiosk_cli: KioskCli, env: dict[str, str], cups: FakeCups
) -> None:
    result = kiosk_cli("declaration", "print", "HS-1-250310-0999", env=env)
    assert result.returncode == 2
    assert "Không tìm thấy tờ khai có mã “HS-1-250310-0999”" in result.stderr
    assert cups.jobs() == []


def test_doctor_checks_the_office_queue_only_when_one_is_set(
    kiosk_cli: KioskCli, env: dict[str, str]
) -> None:
    found = kiosk_cli("doctor", "--json", env=env)
    assert found.returncode == 0, found.stdout + found.stderr
    checks = {check["name"]: check for check in json.loads(found.stdout)["checks"]}
    assert checks["office_printer"]["status"] == "ok"
    assert checks["office_printer"]["detail"].startswith(f"printer {QUEUE} is idle.")

    missing = kiosk_cli("doctor", "--json", env={**env, "KIOSK_OFFICE_PRINTER": "Tang-2"})
    assert missing.returncode == 1
    report = json.loads(missing.stdout)
    checks = {check["name"]: check for check in report["checks"]}
    assert report["ok"] is False
    assert checks["office_printer"]["status"] == "error"
    assert "Không tìm thấy máy in A4 “Tang-2”" in checks["office_printer"]["detail"]
    assert 'Invalid destination name in list "Tang-2"' in checks["office_printer"]["detail"]

    del env["KIOSK_OFFICE_PRINTER"]
    unset = kiosk_cli("doctor", "--json", env=env)
    assert "office_printer" not in {check["name"] for check in json.loads(unset.stdout)["checks"]}
