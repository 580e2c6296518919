"""The audit log in words: every action the kiosk records reads as a sentence."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from types import MappingProxyType

import pytest

from kiosk.audit import AuditEntry
from kiosk.audit.log import JsonScalar
from kiosk.audit.wording import describe, describe_actor, known_actions
from kiosk.paths import PROJECT_ROOT

AT = datetime(2025, 3, 10, 2, 5, tzinfo=UTC)
ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
#: The calls that write an audit entry, and which argument names the action.
RECORDING_CALLS = {"record": 1, "record_in": 2, "_record_then": 0}


def _entry(action: str, **detail: JsonScalar) -> AuditEntry:
    return AuditEntry(AT, "staff", action, MappingProxyType(detail))


@pytest.mark.parametrize(
    ("action", "detail", "sentence"),
    [
        ("staff.unlock", {}, "Mở khóa chế độ cán bộ"),
        (
            "staff.unlock_failed",
            {"reason": "wrong", "remaining": 3},
            "Nhập sai mã PIN, còn 3 lần thử",
        ),
        ("staff.unlock_failed", {"reason": "locked"}, "Nhập mã PIN khi đang bị tạm khóa"),
        ("staff.unlock_failed", {"reason": "not_set"}, "Thử mở khóa khi chưa đặt mã PIN"),
        (
            "staff.locked_out",
            {"attempts": 5, "until": "2025-03-10T02:10:00+00:00"},
            "Sai mã PIN 5 lần: tạm khóa nhập mã PIN đến 09:10",
        ),
        ("staff.lock", {}, "Khóa chế độ cán bộ"),
        ("staff.pin_set", {}, "Đặt mã PIN cán bộ mới"),
        ("staff.leave_kiosk_mode", {}, "Thoát chế độ kiosk"),
        ("staff.quit", {}, "Tắt phần mềm kiosk"),
        ("staff.sync_now", {}, "Đồng bộ ngay với máy chủ"),
        ("ticket.reprint", {"label": "A-012", "reprints": 2}, "In lại phiếu A-012"),
        ("ticket.void", {"label": "A-012", "reason": "in trùng"}, "Hủy phiếu A-012: in trùng"),
        ("declaration.submit", {"reference": "TK-1-250310-0001"}, "Lưu tờ khai TK-1-250310-0001"),
        ("declaration.show", {"reference": "TK-1-250310-0001"}, "Xem tờ khai TK-1-250310-0001"),
        (
            "declaration.pdf",
            {"reference": "TK-1-250310-0001"},
            "Xuất tờ khai TK-1-250310-0001 ra tệp PDF",
        ),
        (
            "declaration.print",
            {"reference": "TK-1-250310-0001", "printer": "Phong-Tiep-Nhan"},
            "In tờ khai TK-1-250310-0001 ra máy in Phong-Tiep-Nhan",
        ),
        # Recorded before the kiosk's record was called a declaration: the same sentences.
        ("dossier.submit", {"reference": "HS-1-250310-0001"}, "Lưu tờ khai HS-1-250310-0001"),
        ("dossier.show", {"reference": "HS-1-250310-0001"}, "Xem tờ khai HS-1-250310-0001"),
        (
            "dossier.pdf",
            {"reference": "HS-1-250310-0001"},
            "Xuất tờ khai HS-1-250310-0001 ra tệp PDF",
        ),
        (
            "dossier.print",
            {"reference": "HS-1-250310-0001", "printer": "Phong-Tiep-Nhan"},
            "In tờ khai HS-1-250310-0001 ra máy in Phong-Tiep-Nhan",
        ),
        (
            "privacy.purge",
            {"retention_days": 7, "declarations": 2, "accounts": 0, "refused_discarded": 1},
            "Xóa dữ liệu cá nhân quá 7 ngày: 2 tờ khai, 0 tài khoản, 1 mục bị từ chối",
        ),
        (
            "privacy.purge",
            {"retention_days": 7, "dossiers": 3, "accounts": 1, "refused_discarded": 0},
            "Xóa dữ liệu cá nhân quá 7 ngày: 3 tờ khai, 1 tài khoản, 0 mục bị từ chối",
        ),
        (
            "datakey.purge_unreadable",
            {"dossiers": 4, "accounts": 0, "entries": 4},
            "Xóa dữ liệu không đọc được do mất khóa mã hóa: 4 tờ khai, 0 tài khoản, 4 mục chờ gửi",
        ),
        (
            "sync.enrol",
            {"device_id": "x", "server_url": "https://motcua.example.vn"},
            "Đăng ký kiosk với máy chủ https://motcua.example.vn",
        ),
        (
            "outbox.retry",
            {"entry": 7, "entity": "dossier", "subject": "TK-1-250310-0001"},
            "Gửi lại tờ khai TK-1-250310-0001 bị máy chủ từ chối",
        ),
        (
            "outbox.retry",
            {"entry": 3, "entity": "ticket", "subject": "A-012"},
            "Gửi lại phiếu A-012 bị máy chủ từ chối",
        ),
        (
            "outbox.retry",
            {"entry": 4, "entity": "account", "subject": None},
            "Gửi lại tài khoản bị máy chủ từ chối (mục số 4)",
        ),
        (
            "outbox.discard",
            {"entry": 7, "entity": "dossier", "subject": "TK-1-250310-0001", "reason": "trùng"},
            "Bỏ gửi tờ khai TK-1-250310-0001 và xóa dữ liệu cá nhân: trùng",
        ),
        (
            "outbox.discard",
            {"entry": 3, "entity": "ticket", "subject": "A-012", "reason": "số cũ"},
            "Bỏ gửi phiếu A-012: số cũ",
        ),
        (
            "outbox.discard",
            {"entry": 4, "entity": "account", "subject": None, "reason": "trùng"},
            "Bỏ gửi tài khoản (mục số 4) và xóa dữ liệu cá nhân: trùng",
        ),
        (
            "outbox.discard",
            {"entry": 9, "entity": "visit", "subject": None, "reason": "lỗi"},
            "Bỏ gửi mục số 9: lỗi",
        ),
    ],
)
def test_each_action_reads_as_a_sentence_with_its_details(
    action: str, detail: dict[str, JsonScalar], sentence: str
) -> None:
    text = describe(_entry(action, **detail))
    assert text.context == "Audit"
    assert text.render() == sentence


def test_an_unknown_action_is_shown_as_stored_rather_than_failing() -> None:
    assert describe(_entry("printer.test", ok=True, printer="file:")).render() == (
        "printer.test (ok: ✓, printer: file:)"
    )
    assert describe(_entry("staff.dance")).render() == "staff.dance"


def test_a_detail_an_older_entry_lacks_is_shown_as_a_dash() -> None:
    assert describe(_entry("ticket.void", label="A-001")).render() == "Hủy phiếu A-001: –"
    assert describe(_entry("staff.locked_out")).render() == (
        "Sai mã PIN – lần: tạm khóa nhập mã PIN đến –"
    )
    assert describe(_entry("staff.locked_out", until="soon")).render().endswith("đến soon")


@pytest.mark.parametrize("action", sorted(known_actions()))
def test_every_sentence_fills_its_placeholders_even_without_details(action: str) -> None:
    text = describe(_entry(action))
    assert text.context == "Audit"
    assert "{" not in text.render()


def test_who_did_it_in_words() -> None:
    assert describe_actor("staff").render() == "Cán bộ"
    assert describe_actor("it").render() == "Bộ phận CNTT"
    assert describe_actor("citizen").render() == "Công dân"
    assert describe_actor("robot").render() == "robot"


def _recorded_actions() -> dict[str, str]:
    """Every action name the code records, with where: found by reading the sources."""
    found: dict[str, str] = {}
    for package in ("kiosk", "ui"):
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                position = RECORDING_CALLS.get(node.func.attr)
                if position is None or len(node.args) <= position:
                    continue
                argument = node.args[position]
                if (
                    isinstance(argument, ast.Constant)
                    and isinstance(argument.value, str)
                    and ACTION.fullmatch(argument.value)
                ):
                    where = f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}"
                    found.setdefault(argument.value, where)
    return found


def test_every_action_the_code_records_has_its_sentence() -> None:
    recorded = _recorded_actions()
    # The scan sees the recording calls of each area, or it proves nothing.
    for expected in ("staff.unlock", "staff.lock", "ticket.void", "declaration.submit"):
        assert expected in recorded
    assert {"outbox.retry", "outbox.discard", "staff.sync_now", "sync.enrol"} <= set(recorded)
    missing = {action: where for action, where in recorded.items() if action not in known_actions()}
    assert missing == {}
