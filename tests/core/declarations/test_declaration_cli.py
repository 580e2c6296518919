"""``python -m kiosk declaration show|pdf``: staff find a declaration and print its tờ khai."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.bench.forms import FORM_ID, KHAI_SINH_ANSWERS
from kiosk.config import Settings
from kiosk.paths import prepare_data_dir
from kiosk.services import KioskServices
from tests.consent import AGREED
from tests.core.declarations.legacy import make_legacy

KioskCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def reference(fresh_kiosk_env: dict[str, str], tmp_path: Path) -> str:
    """A declaration submitted on the kiosk whose data folder the CLI uses."""
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        form = services.forms.get(FORM_ID)
        return services.declarations.submit(
            form, form.procedures[0], KHAI_SINH_ANSWERS, consent=AGREED
        ).reference
    finally:
        services.close()


def test_show_json_gives_what_was_submitted_and_the_upload_state(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    result = kiosk_cli("declaration", "show", reference.lower(), "--json", env=fresh_kiosk_env)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["reference"] == reference
    assert shown["status"] == "submitted"
    assert shown["procedure_code"] == "1.001193"
    assert shown["procedure_name"] == "Thủ tục đăng ký khai sinh"
    assert (shown["form_id"], shown["form_version"]) == (FORM_ID, 3)  # the bundled form's version
    assert shown["answers"] == KHAI_SINH_ANSWERS
    assert shown["outbox"]["status"] == "pending"
    assert shown["outbox"]["attempts"] == 0
    assert shown["consent"] == AGREED.to_json()  # what the citizen agreed to, and when
    # Looking a declaration up is a staff action: audited, by its reference only.
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        newest = services.audit.recent(1)[0]
    finally:
        services.close()
    assert (newest.action, dict(newest.detail)) == ("declaration.show", {"reference": reference})


def test_show_lists_the_answers_as_written_on_paper_and_logs_none_of_them(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    result = kiosk_cli("declaration", "show", reference, env=fresh_kiosk_env)
    assert result.returncode == 0, result.stderr
    assert f"Declaration {reference}  (submitted)" in result.stdout
    assert "Họ, chữ đệm, tên người yêu cầu: Nguyễn Thị Ánh" in result.stdout
    assert "Ngày, tháng, năm sinh của bé: 20/02/2025" in result.stdout
    assert "waiting to be sent" in result.stdout
    logs = "".join(path.read_text() for path in (tmp_path / "data" / "logs").glob("*"))
    for personal in ("Nguyễn Thị Ánh", "Trần Minh Khôi", "001194012345"):
        assert personal not in logs
        assert personal not in result.stderr


def test_pdf_writes_the_form_to_the_printouts_folder_or_a_given_file(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    default = kiosk_cli("declaration", "pdf", reference, env=fresh_kiosk_env)
    assert default.returncode == 0, default.stderr
    written = Path(default.stdout.strip())
    assert written == tmp_path / "data" / "printouts" / f"{reference}.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    chosen = tmp_path / "out" / "to-khai.pdf"
    given = kiosk_cli("declaration", "pdf", reference, "--output", str(chosen), env=fresh_kiosk_env)
    assert given.returncode == 0, given.stderr
    assert chosen.read_bytes() == written.read_bytes()


@pytest.mark.parametrize("action", ["show", "pdf"])
def test_an_unknown_reference_exits_2_with_a_message(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], action: str
) -> None:
    result = kiosk_cli("declaration", action, "HS-1-250310-0999", env=fresh_kiosk_env)
    assert result.returncode == 2
    assert "Không tìm thấy tờ khai" in result.stderr
    assert "HS-1-250310-0999" in result.stderr
    assert result.stdout == ""


def test_an_hs_reference_from_before_is_found_under_either_command_name(
    kiosk_cli: KioskCli, fresh_kiosk_env: dict[str, str], reference: str, tmp_path: Path
) -> None:
    assert reference.startswith("TK-")
    services = KioskServices(Settings(), prepare_data_dir(tmp_path / "data"))
    services.open()
    try:
        make_legacy(services, reference, "HS-1-261207-0001")
    finally:
        services.close()
    # ``dossier`` is the command's name on kiosks from before; IT's notes still use it.
    for command in ("declaration", "dossier"):
        result = kiosk_cli(command, "show", "hs-1-261207-0001", "--json", env=fresh_kiosk_env)
        assert result.returncode == 0, result.stderr
        shown = json.loads(result.stdout)
        assert (shown["reference"], shown["answers"]) == ("HS-1-261207-0001", KHAI_SINH_ANSWERS)
