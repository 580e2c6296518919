"""The audit log in words: one translatable sentence per entry, for the staff screen.

The log stores actions as stable names with plain details (``ticket.void``,
``{"label": "A-012", "reason": "in trùng"}``) so that it can be searched and kept
for years; staff read "Hủy phiếu A-012: in trùng". Every action the kiosk records has
its sentence here (a test scans the code for them); an action this version does not
know (written by a newer one, say) is shown as it is stored rather than failing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from kiosk.audit.actors import UNNAMED_MEMBER, member_name
from kiosk.audit.log import AuditEntry, JsonScalar
from kiosk.clock import LOCAL_TZ
from wire.i18n import QT_TRANSLATE_NOOP, TrText

Detail = Mapping[str, JsonScalar]
Describe = Callable[[Detail], TrText]

#: Shown for a detail an older entry does not have.
MISSING = "–"


def describe(entry: AuditEntry) -> TrText:
    """What ``entry`` did, as a sentence to translate and show."""
    sentence = _SENTENCES.get(entry.action)
    if sentence is None:
        return _plainly(entry.action, entry.detail)
    return sentence(entry.detail)


def describe_actor(actor: str) -> TrText:
    """Who did it: a member of staff by name, IT, the citizen at the screen, counter staff
    before they had names, or the actor as stored."""
    name = member_name(actor)
    if name is not None:
        # A name is shown as it is, in every language.
        return TrText("Audit", "{name}", {"name": name})
    known = _ACTORS.get(actor)
    # Not through QT_TRANSLATE_NOOP: an unknown actor has no translation to find.
    return known if known is not None else TrText("Audit", "{actor}", {"actor": actor})


def known_actions() -> frozenset[str]:
    """Every action with a sentence of its own."""
    return frozenset(_SENTENCES)


_ACTORS: dict[str, TrText] = {
    "staff": QT_TRANSLATE_NOOP("Audit", "Cán bộ"),
    "it": QT_TRANSLATE_NOOP("Audit", "Bộ phận CNTT"),
    "citizen": QT_TRANSLATE_NOOP("Audit", "Công dân"),
    # The privacy purge on its own schedule (kiosk.sync.purge.AUTOMATIC_ACTOR).
    "kiosk": QT_TRANSLATE_NOOP("Audit", "Kiosk (tự động)"),
}


def _fixed(text: TrText) -> Describe:
    return lambda _detail: text


def _with(text: TrText, *keys: str) -> Describe:
    """``text`` with its ``{key}`` placeholders filled from the entry's details."""

    def sentence(detail: Detail) -> TrText:
        return text.with_params(**{key: _shown(detail.get(key)) for key in keys})

    return sentence


def _unlock_failed(detail: Detail) -> TrText:
    reason = detail.get("reason")
    if reason == "wrong":
        return QT_TRANSLATE_NOOP("Audit", "Nhập sai mã PIN, còn {remaining} lần thử").with_params(
            remaining=_shown(detail.get("remaining"))
        )
    if reason == "locked":
        return QT_TRANSLATE_NOOP("Audit", "Nhập mã PIN khi đang bị tạm khóa")
    if reason == "not_set":
        return QT_TRANSLATE_NOOP("Audit", "Thử mở khóa khi chưa đặt mã PIN")
    return QT_TRANSLATE_NOOP("Audit", "Mở khóa chế độ cán bộ không thành công")


def _locked_out(detail: Detail) -> TrText:
    return QT_TRANSLATE_NOOP(
        "Audit", "Sai mã PIN {attempts} lần: tạm khóa nhập mã PIN đến {until}"
    ).with_params(attempts=_shown(detail.get("attempts")), until=_time(detail.get("until")))


def _outbox_retry(detail: Detail) -> TrText:
    entity, subject, entry = (
        detail.get("entity"),
        detail.get("subject"),
        _shown(detail.get("entry")),
    )
    if entity == "dossier" and subject:
        text = QT_TRANSLATE_NOOP("Audit", "Gửi lại tờ khai {subject} bị máy chủ từ chối")
    elif entity == "ticket" and subject:
        text = QT_TRANSLATE_NOOP("Audit", "Gửi lại phiếu {subject} bị máy chủ từ chối")
    elif entity == "account":
        text = QT_TRANSLATE_NOOP("Audit", "Gửi lại tài khoản bị máy chủ từ chối (mục số {entry})")
    else:
        text = QT_TRANSLATE_NOOP("Audit", "Gửi lại mục số {entry} bị máy chủ từ chối")
    return text.with_params(subject=_shown(subject), entry=entry)


def _outbox_discard(detail: Detail) -> TrText:
    entity, subject, entry = (
        detail.get("entity"),
        detail.get("subject"),
        _shown(detail.get("entry")),
    )
    if entity == "dossier" and subject:
        text = QT_TRANSLATE_NOOP(
            "Audit", "Bỏ gửi tờ khai {subject} và xóa dữ liệu cá nhân: {reason}"
        )
    elif entity == "ticket" and subject:
        text = QT_TRANSLATE_NOOP("Audit", "Bỏ gửi phiếu {subject}: {reason}")
    elif entity == "account":
        text = QT_TRANSLATE_NOOP(
            "Audit", "Bỏ gửi tài khoản (mục số {entry}) và xóa dữ liệu cá nhân: {reason}"
        )
    else:
        text = QT_TRANSLATE_NOOP("Audit", "Bỏ gửi mục số {entry}: {reason}")
    return text.with_params(
        subject=_shown(subject), entry=entry, reason=_shown(detail.get("reason"))
    )


def _pin_set(detail: Detail) -> TrText:
    if detail.get("member") is None:  # entries from before staff had their own PINs
        return QT_TRANSLATE_NOOP("Audit", "Đặt mã PIN cán bộ mới")
    return QT_TRANSLATE_NOOP("Audit", "Đổi mã PIN của {member}").with_params(
        member=_shown(detail.get("member"))
    )


def _member_added(detail: Detail) -> TrText:
    if detail.get("member") == UNNAMED_MEMBER and not detail.get("code"):
        # A kiosk's one shared PIN, set the first time: said as it always was.
        return QT_TRANSLATE_NOOP("Audit", "Đặt mã PIN cán bộ mới")
    if detail.get("code"):
        text = QT_TRANSLATE_NOOP("Audit", "Thêm cán bộ {member} (mã {code})")
    else:
        text = QT_TRANSLATE_NOOP("Audit", "Thêm cán bộ {member}")
    return text.with_params(member=_shown(detail.get("member")), code=_shown(detail.get("code")))


def _lockout_lifted(detail: Detail) -> TrText:
    if detail.get("locked") is True:
        text = QT_TRANSLATE_NOOP("Audit", "Gỡ tạm khóa nhập mã PIN (đã nhập sai {attempts} lần)")
    else:
        text = QT_TRANSLATE_NOOP(
            "Audit", "Xóa số lần nhập sai mã PIN (đã nhập sai {attempts} lần, chưa bị khóa)"
        )
    return text.with_params(attempts=_shown(detail.get("attempts")))


def _outbox_expire(detail: Detail) -> TrText:
    entity, subject = detail.get("entity"), detail.get("subject")
    if entity == "dossier" and subject:
        text = QT_TRANSLATE_NOOP(
            "Audit",
            "Tờ khai {subject} bị máy chủ từ chối, quá {days} ngày chưa xử lý: "
            "bỏ gửi và xóa dữ liệu cá nhân",
        )
    elif entity == "account":
        text = QT_TRANSLATE_NOOP(
            "Audit",
            "Tài khoản (mục số {entry}) bị máy chủ từ chối, quá {days} ngày chưa xử lý: "
            "bỏ gửi và xóa dữ liệu cá nhân",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Audit", "Mục số {entry} bị máy chủ từ chối, quá {days} ngày chưa xử lý: bỏ gửi"
        )
    return text.with_params(
        subject=_shown(subject),
        entry=_shown(detail.get("entry")),
        days=_shown(detail.get("days")),
    )


def _privacy_purge(detail: Detail) -> TrText:
    return QT_TRANSLATE_NOOP(
        "Audit",
        "Xóa dữ liệu cá nhân quá {days} ngày: {declarations} tờ khai, {accounts} tài khoản, "
        "{refused} mục bị từ chối",
    ).with_params(
        days=_shown(detail.get("retention_days")),
        declarations=_declarations(detail),
        accounts=_shown(detail.get("accounts")),
        refused=_shown(detail.get("refused_discarded")),
    )


def _declarations(detail: Detail) -> str:
    """The count of declarations in a purge's details; entries written before the
    kiosk's record was called a declaration keep it under ``dossiers``."""
    count = detail.get("declarations")
    return _shown(detail.get("dossiers") if count is None else count)


def _purge_unreadable(detail: Detail) -> TrText:
    return QT_TRANSLATE_NOOP(
        "Audit",
        "Xóa dữ liệu không đọc được do mất khóa mã hóa: {declarations} tờ khai, "
        "{accounts} tài khoản, {entries} mục chờ gửi",
    ).with_params(
        declarations=_declarations(detail),
        accounts=_shown(detail.get("accounts")),
        entries=_shown(detail.get("entries")),
    )


def _printer_test(detail: Detail) -> TrText:
    if detail.get("printed") is False:
        return QT_TRANSLATE_NOOP("Audit", "In thử máy in phiếu: máy in chưa in được")
    return QT_TRANSLATE_NOOP("Audit", "In thử máy in phiếu")


_SENTENCES: dict[str, Describe] = {
    "staff.pin_set": _pin_set,
    "staff.pin_reset": _with(
        QT_TRANSLATE_NOOP("Audit", "Đặt lại mã PIN của {member} (không cần mã cũ)"), "member"
    ),
    "staff.member_added": _member_added,
    "staff.member_removed": _with(QT_TRANSLATE_NOOP("Audit", "Xóa cán bộ {member}"), "member"),
    "staff.lockout_lifted": _lockout_lifted,
    "staff.unlock": _fixed(QT_TRANSLATE_NOOP("Audit", "Mở khóa chế độ cán bộ")),
    "staff.unlock_failed": _unlock_failed,
    "staff.locked_out": _locked_out,
    "staff.lock": _fixed(QT_TRANSLATE_NOOP("Audit", "Khóa chế độ cán bộ")),
    "staff.leave_kiosk_mode": _fixed(QT_TRANSLATE_NOOP("Audit", "Thoát chế độ kiosk")),
    "staff.quit": _fixed(QT_TRANSLATE_NOOP("Audit", "Tắt phần mềm kiosk")),
    "staff.sync_now": _fixed(QT_TRANSLATE_NOOP("Audit", "Đồng bộ ngay với máy chủ")),
    "ticket.reprint": _with(QT_TRANSLATE_NOOP("Audit", "In lại phiếu {label}"), "label"),
    "ticket.void": _with(
        QT_TRANSLATE_NOOP("Audit", "Hủy phiếu {label}: {reason}"), "label", "reason"
    ),
    "declaration.submit": _with(QT_TRANSLATE_NOOP("Audit", "Lưu tờ khai {reference}"), "reference"),
    "declaration.show": _with(QT_TRANSLATE_NOOP("Audit", "Xem tờ khai {reference}"), "reference"),
    "declaration.pdf": _with(
        QT_TRANSLATE_NOOP("Audit", "Xuất tờ khai {reference} ra tệp PDF"), "reference"
    ),
    "declaration.print": _with(
        QT_TRANSLATE_NOOP("Audit", "In tờ khai {reference} ra máy in {printer}"),
        "reference",
        "printer",
    ),
    "sync.enrol": _with(
        QT_TRANSLATE_NOOP("Audit", "Đăng ký kiosk với máy chủ {server_url}"), "server_url"
    ),
    "printer.test_page": _printer_test,
    "outbox.retry": _outbox_retry,
    "outbox.discard": _outbox_discard,
    "outbox.expire": _outbox_expire,
    "privacy.purge": _privacy_purge,
    # kiosk.sealing: IT removed what a lost data key had sealed.
    "datakey.purge_unreadable": _purge_unreadable,
}

#: The names the declaration actions were recorded under before the kiosk's record was
#: called a declaration: entries keep the name they were written with, and read the same.
_SENTENCES.update(
    {
        f"dossier.{verb}": _SENTENCES[f"declaration.{verb}"]
        for verb in ("submit", "show", "pdf", "print")
    }
)


def _plainly(action: str, detail: Detail) -> TrText:
    shown = ", ".join(f"{key}: {_shown(value)}" for key, value in sorted(detail.items()))
    text = f"{action} ({shown})" if shown else action
    # Not through QT_TRANSLATE_NOOP: the action's own name is all there is to show.
    return TrText("Audit", "{text}", {"text": text})


def _shown(value: JsonScalar) -> str:
    if value is None or value == "":
        return MISSING
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def _time(value: JsonScalar) -> str:
    """An ISO instant as the centre's local ``HH:MM``; anything else as it is."""
    if not isinstance(value, str):
        return _shown(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the database's instants are UTC
    return moment.astimezone(LOCAL_TZ).strftime("%H:%M")
