"""``enrol``, ``sync`` and ``status``: IT's view of the kiosk's link to its centre's server.

Exit status of ``sync``: 0 when the pass went through (or only purged), 1 when the
server or network failed and a later pass will retry, 2 when the kiosk needs
enrolling (or has no server configured). ``enrol`` exits 2 when the server refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kiosk.cli.common import add_location_arguments, open_services
from kiosk.sync.api import Enrolment, PurgeReport, SyncReport, SyncStatus
from wire.i18n import QT_TRANSLATE_NOOP, TrText

EXIT_CODES = {"ok": 0, "retry": 1, "needs_enrolment": 2, "not_configured": 2}

ENROLLED = QT_TRANSLATE_NOOP(
    "SyncCli", "Đã đăng ký kiosk với {centre} ({server}); mã thiết bị {device}."
)
OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("SyncCli", "Đồng bộ xong."),
    "retry": QT_TRANSLATE_NOOP("SyncCli", "Đồng bộ chưa xong; kiosk sẽ thử lại sau."),
    "needs_enrolment": QT_TRANSLATE_NOOP("SyncCli", "Kiosk cần được đăng ký lại."),
    "not_configured": QT_TRANSLATE_NOOP("SyncCli", "Chưa cấu hình máy chủ đồng bộ."),
}
SUMMARY = QT_TRANSLATE_NOOP(
    "SyncCli",
    "Danh mục: {catalogue}{updated}. Gửi {sent} mục ({accepted} được nhận, {duplicates} trùng, "
    "{rejected} bị từ chối); còn chờ {pending}. Cấp thêm {leases} dãy số thứ tự.",
)
CATALOGUE_UPDATED = QT_TRANSLATE_NOOP("SyncCli", " (vừa cập nhật)")
PURGED = QT_TRANSLATE_NOOP(
    "SyncCli",
    "Đã xóa dữ liệu cá nhân quá hạn lưu trữ: {declarations} tờ khai, {accounts} tài khoản, "
    "{entries} mục hàng đợi gửi.",
)
STATUS_LINES = (
    ("server_url", QT_TRANSLATE_NOOP("SyncCli", "Máy chủ")),
    ("device_id", QT_TRANSLATE_NOOP("SyncCli", "Mã thiết bị")),
    ("centre_name", QT_TRANSLATE_NOOP("SyncCli", "Trung tâm")),
    ("online", QT_TRANSLATE_NOOP("SyncCli", "Kết nối")),
    ("last_success_at", QT_TRANSLATE_NOOP("SyncCli", "Đồng bộ thành công lần cuối")),
    ("pending", QT_TRANSLATE_NOOP("SyncCli", "Mục chờ gửi")),
    ("rejected", QT_TRANSLATE_NOOP("SyncCli", "Mục bị máy chủ từ chối")),
    ("catalogue_version", QT_TRANSLATE_NOOP("SyncCli", "Phiên bản danh mục")),
    ("needs_enrolment", QT_TRANSLATE_NOOP("SyncCli", "Cần đăng ký lại")),
    ("last_error", QT_TRANSLATE_NOOP("SyncCli", "Lỗi gần nhất")),
)


def register(commands: Any) -> None:
    enrol: argparse.ArgumentParser = commands.add_parser(
        "enrol",
        help="enrol this kiosk with the centre's server",
        description="Enrol this kiosk with a one-time code from the centre's admin. The "
        "device token goes to the OS keyring; enrolling again replaces the enrolment.",
    )
    enrol.add_argument("--server", help="server URL (default: the server_url setting)")
    enrol.add_argument("--code", required=True, help="one-time enrolment code; '-' reads stdin")
    enrol.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(enrol)
    enrol.set_defaults(handler=enrol_kiosk)

    sync: argparse.ArgumentParser = commands.add_parser(
        "sync",
        help="run one sync pass now",
        description="Pull the catalogue, push the outbox, top up ticket-number leases and "
        "purge expired personal data. Exit 0 ok, 1 offline or server failing, 2 needs "
        "enrolment.",
    )
    sync.add_argument("--once", action="store_true", help="one pass (the default)")
    sync.add_argument("--purge-only", action="store_true", help="only purge expired personal data")
    sync.add_argument("--json", action="store_true", help="print one JSON object")
    add_location_arguments(sync)
    sync.set_defaults(handler=run_sync)

    status: argparse.ArgumentParser = commands.add_parser(
        "status",
        help="show the sync state",
        description="Show enrolment, last sync, pending and refused uploads, the catalogue "
        "version, and whether the server answers now.",
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.add_argument("--no-probe", action="store_true", help="do not contact the server")
    add_location_arguments(status)
    status.set_defaults(handler=show_status)


def enrol_kiosk(args: argparse.Namespace) -> int:
    code = sys.stdin.readline().strip() if args.code == "-" else args.code
    services = open_services(args)
    try:
        enrolment = services.sync.enrol(code, args.server, actor="it")
        standalone = services.sync.server_url() is None
    finally:
        services.close()
    if args.json:
        print(json.dumps({**enrolment.as_json(), "standalone_numbering": standalone}))
        return 0
    print(_enrolled_text(enrolment).render())
    return 0


def run_sync(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        if args.purge_only:
            purged = services.sync.purge()
            if args.json:
                print(json.dumps({"purged": purged.as_json()}))
            else:
                print(_purged_text(purged).render())
            return 0
        report = services.sync.sync_once(force=True)
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        _print_report(report)
    return EXIT_CODES[report.outcome]


def show_status(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        online = None if args.no_probe else services.sync.probe()
        status = services.sync.status(online=online)
    finally:
        services.close()
    if args.json:
        print(json.dumps(status.as_json(), ensure_ascii=False))
    else:
        _print_status(status)
    return 0


def _enrolled_text(enrolment: Enrolment) -> TrText:
    return ENROLLED.with_params(
        centre=enrolment.centre_name, server=enrolment.server_url, device=enrolment.device_id
    )


def _print_report(report: SyncReport) -> None:
    print(OUTCOMES[report.outcome].render())
    if report.error is not None:
        print(report.error.render())
    print(
        SUMMARY.with_params(
            catalogue=report.catalogue_version or "-",
            updated=CATALOGUE_UPDATED.render() if report.catalogue_updated else "",
            sent=report.push.sent,
            accepted=report.push.accepted,
            duplicates=report.push.duplicates,
            rejected=report.push.rejected,
            pending=report.pending,
            leases=len(report.leases),
        ).render()
    )
    purged = report.purge
    if purged.declarations or purged.accounts or purged.outbox_entries:
        print(_purged_text(purged).render())


def _purged_text(purged: PurgeReport) -> TrText:
    return PURGED.with_params(
        declarations=purged.declarations, accounts=purged.accounts, entries=purged.outbox_entries
    )


def _print_status(status: SyncStatus) -> None:
    values = status.as_json()
    for key, label in STATUS_LINES:
        value = values[key]
        print(f"{label.render()}: {'-' if value is None else value}")
